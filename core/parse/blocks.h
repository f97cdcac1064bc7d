// Internal to the parser: what the article's lines are, once its bounds are
// known. Each body line becomes a block of its kind (paragraph, heading,
// caption, list item, quote) or is set aside (credit, teaser, boilerplate);
// the byline is read under the headline or after the body, with the
// credits and related titles that follow it.
#ifndef BANTIN_PARSE_BLOCKS_H_
#define BANTIN_PARSE_BLOCKS_H_

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "page.h"

namespace bantin {

// A byline alone between the headline and the lead.
void ReadHeaderByline(Page& page, Bulletin& out);
// The body's blocks, and marked captions after it up to `stop` (the first
// line after the article, from FindBody).
void CollectBlocks(Page& page, const PageCues& cues, int stop, Bulletin& out);
// Byline, credits and related titles after the body; the rest is footer.
void ReadFooter(Page& page, int stop, Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_BLOCKS_H_
