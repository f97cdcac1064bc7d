// Byte-level UTF-8 hygiene. Crawled pages arrive with invalid sequences, NULs
// and stray control characters; the rest of core assumes valid UTF-8, so every
// input passes through SanitizeUtf8 first.
#ifndef BANTIN_UTF8_H_
#define BANTIN_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bantin {

struct SanitizeStats {
  size_t invalid_sequences = 0;  // each replaced by U+FFFD
  size_t control_chars = 0;      // NUL and C0 controls other than \t \n \r, dropped
};

// Returns valid UTF-8: every maximal invalid subsequence becomes U+FFFD,
// NUL and other C0 controls (except tab, LF, CR) are removed. Linear time.
std::string SanitizeUtf8(std::string_view in, SanitizeStats* stats);

// True when `in` is well-formed UTF-8 (RFC 3629), controls allowed: what
// protobuf requires of a string field.
bool IsValidUtf8(std::string_view in);

// True when SanitizeUtf8 would return `in` unchanged: valid UTF-8 without
// NUL or other controls. Lets callers skip the copy for clean text.
bool IsCleanUtf8(std::string_view in);

// Decodes one code point at `pos` of valid UTF-8 and advances `pos`. Inline:
// every scanner in core calls it once per character.
inline char32_t NextCodePoint(std::string_view s, size_t& pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  const auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[pos + k]) & 0x3F); };
  char32_t cp;
  size_t n;
  if (c < 0x80) {
    cp = c, n = 1;
  } else if (c < 0xE0) {
    cp = ((c & 0x1F) << 6) | cont(1), n = 2;
  } else if (c < 0xF0) {
    cp = ((c & 0x0F) << 12) | (cont(1) << 6) | cont(2), n = 3;
  } else {
    cp = ((c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), n = 4;
  }
  pos += n;
  return cp;
}

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace bantin

#endif  // BANTIN_UTF8_H_
