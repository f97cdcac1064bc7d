// Internal to the parser: a page's lines with the positions the zoning pass
// found, handed to the inference steps (dates, source, people). Not part of
// core's public API.
#ifndef BANTIN_PARSE_PAGE_H_
#define BANTIN_PARSE_PAGE_H_

#include <vector>

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "lines.h"

namespace bantin {

struct Page {
  std::vector<Line> lines;
  int title = -1;       // index of the title line, -1 if guessed or absent
  int body_begin = -1;  // first and last line of the article body (inclusive)
  int body_end = -1;
};

}  // namespace bantin

#endif  // BANTIN_PARSE_PAGE_H_
