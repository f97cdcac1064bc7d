// Byte-level UTF-8 hygiene. Crawled pages arrive with invalid sequences, NULs
// and stray control characters; the rest of core assumes valid UTF-8, so every
// input passes through SanitizeUtf8 first.
#ifndef BANTIN_CORE_UTF8_H_
#define BANTIN_CORE_UTF8_H_

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

// Decodes one code point at `pos` of valid UTF-8 and advances `pos`.
char32_t NextCodePoint(std::string_view s, size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace bantin

#endif  // BANTIN_CORE_UTF8_H_
