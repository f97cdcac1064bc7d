// A page as a sequence of lines with the shape features the parser reasons
// about. Lines are cut on LF in the raw bytes (a LF never occurs inside a
// UTF-8 sequence), so each line keeps its exact byte span in the raw input
// even though its text is sanitised, NFC-normalised and space-collapsed.
#ifndef BANTIN_CORE_LINES_H_
#define BANTIN_CORE_LINES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bulletin.h"

namespace bantin {

struct Line {
  std::string text;    // NFC, spaces collapsed, trimmed
  std::string folded;  // FoldedKey(text): lower case, no diacritics, đ→d
  uint32_t begin = 0;  // raw byte span, line terminator excluded
  uint32_t end = 0;
  int words = 0;
  bool blank = true;
  bool indented = false;   // began with white space in the raw page
  bool terminal = false;   // ends a sentence: . ! ? … ; or such + closing quote
  bool all_caps = false;   // has letters and none is lower case
  bool has_digit = false;
  LineRole role = LineRole::kUnspecified;
};

// Cuts `raw` (any bytes) into lines. Adds a warning per kind of repair made.
std::vector<Line> SplitLines(std::string_view raw, std::vector<std::string>* warnings);

// True when `folded` contains `phrase` on word boundaries.
bool HasPhrase(std::string_view folded, std::string_view phrase);

// A fixed set of phrases searched together: AnyIn(folded) is true exactly
// when HasPhrase(folded, p) holds for some phrase p. The text is walked once;
// at each position only the phrases starting with its byte are compared, and
// positions inside a word are skipped for phrases that start with a letter.
class PhraseSet {
 public:
  PhraseSet(const char* const* phrases, size_t count);
  template <size_t N>
  explicit PhraseSet(const char* const (&phrases)[N]) : PhraseSet(phrases, N) {}
  bool AnyIn(std::string_view folded) const;

 private:
  std::vector<std::string_view> by_first_[256];
};

// `folded` without the symbols, bullets and spaces some sites put before a
// label ("@ Ghi rõ nguồn", "• Địa chỉ:", "| Email:").
std::string_view WithoutLeadingMarks(std::string_view folded);

// True when `folded` starts with `phrase` followed by a word boundary.
bool StartsWithPhrase(std::string_view folded, std::string_view phrase);

}  // namespace bantin

#endif  // BANTIN_CORE_LINES_H_
