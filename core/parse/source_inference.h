// Internal to the parser (run by Parse, in the order date, source, people).
// The source of a zoned page: outlet, site and province from hints, domains,
// outlet codes and the gazetteer.
#ifndef BANTIN_PARSE_SOURCE_INFERENCE_H_
#define BANTIN_PARSE_SOURCE_INFERENCE_H_

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "page.h"

namespace bantin {

void InferSource(const Page& page, const ParseHints& hints, const PageCues& cues, Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_SOURCE_INFERENCE_H_
