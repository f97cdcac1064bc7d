// A page as a sequence of lines with the shape features the parser reasons
// about. Lines are cut on LF in the raw bytes (a LF never occurs inside a
// UTF-8 sequence), so each line keeps its exact byte span in the raw input
// even though its text is sanitised, NFC-normalised and space-collapsed.
#ifndef BANTIN_PARSE_LINES_H_
#define BANTIN_PARSE_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/bulletin.h"

namespace bantin {

struct Line {
  std::string text;    // NFC, spaces collapsed, trimmed
  std::string folded;  // FoldedKey(text): lower case, no diacritics, đ→d
  uint32_t begin = 0;  // raw byte span, line terminator excluded
  uint32_t end = 0;
  int words = 0;
  bool blank = true;
  bool indented = false;  // began with white space in the raw page
  bool terminal = false;  // ends a sentence: . ! ? … ; or such + closing quote
  bool all_caps = false;  // has letters and none is lower case
  bool has_digit = false;
  LineRole role = LineRole::kUnspecified;
};

// Lines of a page the parser reads. A news page reduced to text has a few
// hundred; past this many the rest is not an article's, and reading it
// would only cost time and record size (each line keeps a span and a role).
inline constexpr size_t kMaxLines = 20000;

// Cuts `raw` (any bytes) into at most kMaxLines lines. Adds a warning per
// kind of repair made, and one when lines are left unread.
std::vector<Line> SplitLines(std::string_view raw, std::vector<std::string>* warnings);

// A piece of text measured as a line of its own (valid UTF-8 expected): for
// the recognisers of line_kinds.h applied to part of a line or to a cue.
Line LineOfText(std::string_view text);

}  // namespace bantin

#endif  // BANTIN_PARSE_LINES_H_
