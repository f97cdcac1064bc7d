// Internal to the parser (run by Parse, in the order date, source, people).
// The publication date and time of a zoned page: a printed publication line wins,
// then a date next to the title, then the date in the page's URL, then dates
// in the lead with the year inferred; the page clock only bounds them.
#ifndef BANTIN_PARSE_DATE_INFERENCE_H_
#define BANTIN_PARSE_DATE_INFERENCE_H_

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "page.h"

namespace bantin {

void InferDate(const Page& page, const ParseHints& hints, Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_DATE_INFERENCE_H_
