// Internal to the parser: where the article is on the page. Chrome lines
// are classified first (menus, clocks, stamps, related headings,
// boilerplate); the body is the run of prose from its first paragraph to the
// footer or the signature that ends it; the title is the headline-shaped
// line above it (or the one the markup's cues name).
#ifndef BANTIN_PARSE_ARTICLE_BOUNDS_H_
#define BANTIN_PARSE_ARTICLE_BOUNDS_H_

#include <string>

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "page.h"

namespace bantin {

// A line of the article's prose: unclassified, and a paragraph's length.
bool IsProse(const Line& l);
// Sentence boundaries inside a line: ". X" with X upper case.
int InnerSentences(const std::string& t);

// Gives chrome lines their roles (navigation, page clock, publication stamp,
// related heading, boilerplate).
void ClassifyChrome(Page& page);
// The line the cues' headline stands on, with prose after it; -1 if none.
int CuedTitleLine(const Page& page, const PageCues& cues);
// Sets page.body_begin and page.body_end, searching from line `from`;
// returns the first line after the article (its footer or signature).
int FindBody(Page& page, int from, Bulletin& out);
// Sets page.title and out.title from the lines above the body.
void FindTitle(Page& page, Bulletin& out);
// A title line without the empty date slot some portals print after it.
std::string TitleText(const std::string& line);

}  // namespace bantin

#endif  // BANTIN_PARSE_ARTICLE_BOUNDS_H_
