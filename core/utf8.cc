#include "bantin/utf8.h"

#include <cstdint>
#include <cstring>

namespace bantin {
namespace {

// Length of the valid sequence starting at s[i], or 0 if invalid (RFC 3629:
// no overlongs, no surrogates, nothing above U+10FFFF).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  const size_t left = s.size() - i;
  const auto cont = [&](size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(i + 1) || !cont(i + 2)) return 0;
    if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::string SanitizeUtf8(std::string_view in, SanitizeStats* stats) {
  std::string out;
  out.reserve(in.size());
  size_t i = 0, clean_from = 0;  // in[clean_from, i) is valid and not yet copied
  const auto flush = [&] { out.append(in.substr(clean_from, i - clean_from)); };
  while (i < in.size()) {
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      flush();
      if (stats) ++stats->control_chars;
      clean_from = ++i;
      continue;
    }
    const size_t n = ValidSequenceLength(in, i);
    if (n > 0) {
      i += n;
      continue;
    }
    // Replace the lead byte and any continuation bytes that follow it.
    flush();
    ++i;
    while (i < in.size() && (static_cast<unsigned char>(in[i]) & 0xC0) == 0x80) ++i;
    out.append("\xEF\xBF\xBD");
    if (stats) ++stats->invalid_sequences;
    clean_from = i;
  }
  flush();
  return out;
}

bool IsValidUtf8(std::string_view in) {
  for (size_t i = 0; i < in.size();) {
    const size_t n = ValidSequenceLength(in, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool IsCleanUtf8(std::string_view in) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const auto cont = [&](size_t k) { return (static_cast<unsigned char>(in[k]) & 0xC0) == 0x80; };
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    // Eight bytes at once when all are printable ASCII (no high bit, none
    // below 0x20).
    uint64_t w;
    if (i + 8 <= n && (std::memcpy(&w, in.data() + i, 8), ((w | ((w - kOnes * 0x20) & ~w)) & kHigh) == 0)) {
      i += 8;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(in[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
    } else if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return false;
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && cont(i + 1)) {
      i += 2;  // Latin letters with one diacritic
    } else if (c >= 0xE1 && c <= 0xEC && i + 2 < n && cont(i + 1) && cont(i + 2)) {
      i += 3;  // U+1000–U+CFFF: the rest of Vietnamese, punctuation; no overlong, no surrogate
    } else {
      const size_t len = ValidSequenceLength(in, i);
      if (len == 0) return false;
      i += len;
    }
  }
  return true;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace bantin
