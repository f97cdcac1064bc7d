// The Vietnamese text layer shared by the parser and by search, natively and
// in the browser. Input is valid UTF-8 (see utf8.h).
//
// Three forms of a word exist:
//   - the text as written, NFC-normalised: what users read, never altered;
//   - the exact key: case-folded, with one canonical tone placement (hòa/hoà,
//     ủy/uỷ become the same), so old and new spellings always compare equal;
//   - the folded key: the exact key without any diacritics and with đ→d, so
//     "bao" matches bảo, báo, bão, bạo.
#ifndef BANTIN_TEXT_TEXT_H_
#define BANTIN_TEXT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bantin {

// NFC normal form of valid UTF-8. ASCII and already-NFC text is returned as is.
std::string ToNfc(std::string_view text);

// True when ToNfc(text) == text. Vietnamese text needs no ICU call.
bool IsNfc(std::string_view text);

// Replaces every run of white space (ASCII, NBSP and other Unicode spaces,
// zero-width spaces, BOM) by one ASCII space and trims both ends.
std::string CollapseSpaces(std::string_view text);

// Lower-cases with Unicode case folding.
std::string FoldCase(std::string_view text);

// Exact key of a text: each syllable's exact key, other characters kept.
std::string ExactKey(std::string_view text);

// Folded key: no diacritics, đ→d, lower case. Non-word characters are kept.
std::string FoldedKey(std::string_view text);

// A syllable (maximal run of letters, digits and combining marks) with its
// byte span [begin, end) in the text it was cut from.
struct Token {
  std::string exact;
  std::string folded;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Splits NFC text into syllable tokens, in order.
std::vector<Token> Tokenize(std::string_view text);

// Only the byte spans of the syllables, without computing their keys.
std::vector<std::pair<uint32_t, uint32_t>> SyllableSpans(std::string_view text);

// A slug of a text: its folded form keeping [a-z0-9.], every other run of
// characters replaced by `joiner` (or dropped when `joiner` is 0).
// "Sóc Trăng" → "soc-trang"; with joiner 0 → "soctrang".
std::string Slug(std::string_view text, char joiner = '-');

namespace text_internal {
bool IsLetterWide(char32_t cp);
bool IsUpperWide(char32_t cp);
bool IsLowerWide(char32_t cp);
bool IsDigitWide(char32_t cp);
}  // namespace text_internal

// Letter classification on code points, used by the parser's line shapes.
// ASCII is decided inline (these run once per character of every line);
// other code points by table or ICU.
inline bool IsLetter(char32_t cp) {
  return cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' : text_internal::IsLetterWide(cp);
}
inline bool IsUpper(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : text_internal::IsUpperWide(cp); }
inline bool IsLower(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : text_internal::IsLowerWide(cp); }
inline bool IsDigit(char32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : text_internal::IsDigitWide(cp); }
bool IsSpace(char32_t cp);

// The canonical form a filter value is compared in: the folded text with
// runs of non-alphanumerics as single '-' ("Sóc Trăng" → "soc-trang").
std::string FilterKey(std::string_view text);

// The non-empty items of a list written "a|b|c" (the tables of the
// gazetteer and the outlets).
std::vector<std::string> SplitBars(std::string_view list);

}  // namespace bantin

#endif  // BANTIN_TEXT_TEXT_H_
