// Phrases in folded text (lower case, no diacritics, đ→d: FoldedKey of
// core/text/text.h), matched on word boundaries: what the parser's
// vocabulary lists (chrome words, publication markers, weekdays, labels) and
// the date scanner look for.
#ifndef BANTIN_TEXT_PHRASES_H_
#define BANTIN_TEXT_PHRASES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace bantin {

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

#endif  // BANTIN_TEXT_PHRASES_H_
