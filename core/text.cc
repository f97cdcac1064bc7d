#include "core/text.h"

#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace bantin {
namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFDInstance(status);
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string AsciiLower(std::string_view text) {
  std::string s(text);
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Combining tone marks of Vietnamese (grave, acute, tilde, hook, dot below).
bool IsToneMark(UChar c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}
// Combining vowel modifiers (circumflex, breve, horn).
bool IsVowelModifier(UChar c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool IsVowelBase(UChar c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Moves the tone mark of one case-folded NFD syllable to its canonical vowel:
// a vowel carrying a modifier (â ê ô ơ ư ă; the last one in ươ) if any;
// otherwise the only vowel; otherwise, in a closed syllable, the last vowel;
// in an open one, the first of two vowels (hòa, ủy) or the middle of three.
// The onsets "qu" and "gi" are consonants when a vowel follows them.
icu::UnicodeString PlaceTone(const icu::UnicodeString& nfd) {
  UChar tone = 0;
  icu::UnicodeString bare;
  for (int32_t i = 0; i < nfd.length(); ++i) {
    const UChar c = nfd.charAt(i);
    if (IsToneMark(c) && tone == 0) {
      tone = c;
    } else {
      bare.append(c);
    }
  }
  if (tone == 0) return nfd;

  // Positions of vowel base letters, and whether each carries a modifier.
  std::vector<int32_t> vowels;
  std::vector<bool> modified;
  for (int32_t i = 0; i < bare.length(); ++i) {
    const UChar c = bare.charAt(i);
    if (IsVowelBase(c)) {
      vowels.push_back(i);
      modified.push_back(false);
    } else if (IsVowelModifier(c) && !vowels.empty()) {
      modified.back() = true;
    }
  }
  if (vowels.empty()) return nfd;
  size_t first = 0;
  if (vowels.size() > 1 && vowels[0] == 1 && vowels[1] == 2 + (modified[0] ? 1 : 0)) {
    const UChar onset = bare.charAt(0);
    if ((onset == 'q' && bare.charAt(1) == 'u') || (onset == 'g' && bare.charAt(1) == 'i'))
      first = 1;
  }
  const size_t count = vowels.size() - first;
  size_t target = first;
  int last_modified = -1;
  for (size_t k = first; k < vowels.size(); ++k)
    if (modified[k]) last_modified = static_cast<int>(k);
  if (last_modified >= 0) {
    target = static_cast<size_t>(last_modified);
  } else if (count == 1) {
    target = first;
  } else {
    int32_t after = vowels.back() + 1;
    while (after < bare.length() && IsVowelModifier(bare.charAt(after))) ++after;
    const bool closed = after < bare.length();
    if (closed) {
      target = vowels.size() - 1;
    } else {
      target = count == 2 ? first : first + 1;
    }
  }
  // Insert the tone after the base letter and its modifiers (canonical order
  // is restored by NFC anyway).
  int32_t at = vowels[target] + 1;
  while (at < bare.length() && IsVowelModifier(bare.charAt(at))) ++at;
  bare.insert(at, tone);
  return bare;
}

template <typename Fn>
std::string PerSyllable(std::string_view text, Fn fn) {
  std::string out;
  size_t pos = 0, run_start = 0;
  bool in_word = false;
  auto flush = [&](size_t end) {
    if (in_word) out += fn(text.substr(run_start, end - run_start));
    in_word = false;
  };
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, pos);
    const bool word = IsLetter(cp) || IsDigit(cp) || u_getCombiningClass(cp) != 0 ||
                      u_charType(cp) == U_NON_SPACING_MARK;
    if (word) {
      if (!in_word) run_start = start, in_word = true;
    } else {
      flush(start);
      out.append(text.substr(start, pos - start));
    }
  }
  flush(text.size());
  return out;
}

std::string MemoLookup(std::unordered_map<std::string, std::string>& cache,
                       std::string_view syllable, std::string (*compute)(std::string_view)) {
  const std::string key(syllable);
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() > (1u << 16)) cache.clear();
  return cache.emplace(key, compute(syllable)).first->second;
}

std::string ComputeExactKey(std::string_view syllable) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(syllable.data(), static_cast<int32_t>(syllable.size())));
  u.foldCase();
  icu::UnicodeString nfd = Nfd().normalize(u, status);
  icu::UnicodeString placed = PlaceTone(nfd);
  return ToUtf8(Nfc().normalize(placed, status));
}

std::string ComputeFoldedKey(std::string_view syllable) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(syllable.data(), static_cast<int32_t>(syllable.size())));
  u.foldCase();
  icu::UnicodeString nfd = Nfd().normalize(u, status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < nfd.length(); ++i) {
    const UChar c = nfd.charAt(i);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    bare.append(c == 0x0111 ? static_cast<UChar>('d') : c);
  }
  return ToUtf8(bare);
}

// Vietnamese has a few thousand distinct syllables; keys are memoised per
// thread (bounded) because ICU round trips would dominate parsing otherwise.
std::string SyllableExactKey(std::string_view syllable) {
  if (IsAscii(syllable)) return AsciiLower(syllable);
  thread_local std::unordered_map<std::string, std::string> cache;
  return MemoLookup(cache, syllable, ComputeExactKey);
}

std::string SyllableFoldedKey(std::string_view syllable) {
  if (IsAscii(syllable)) return AsciiLower(syllable);
  thread_local std::unordered_map<std::string, std::string> cache;
  return MemoLookup(cache, syllable, ComputeFoldedKey);
}

}  // namespace

std::string ToNfc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (Nfc().isNormalized(u, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  const icu::UnicodeString n = Nfc().normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  return ToUtf8(n);
}

bool IsSpace(char32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v')
    return true;
  if (cp < 0x80) return false;
  // Zero-width space, joiners and BOM are invisible filler in crawled text.
  if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0x2060)
    return true;
  return u_isUWhiteSpace(cp) || u_charType(cp) == U_SPACE_SEPARATOR;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(cp);
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(cp);
}
bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return u_islower(cp);
}
bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(cp);
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  bool pending_space = false;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, pos);
    if (IsSpace(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

std::string FoldCase(std::string_view text) {
  if (IsAscii(text)) return AsciiLower(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  return ToUtf8(u);
}

std::string ExactKey(std::string_view text) { return PerSyllable(text, SyllableExactKey); }

std::string FoldedKey(std::string_view text) {
  if (IsAscii(text)) return FoldCase(text);
  return PerSyllable(text, SyllableFoldedKey);
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0, run_start = 0;
  bool in_word = false;
  auto flush = [&](size_t end) {
    if (!in_word) return;
    in_word = false;
    Token t;
    const std::string_view word = text.substr(run_start, end - run_start);
    t.exact = SyllableExactKey(word);
    t.folded = IsAscii(t.exact) ? t.exact : SyllableFoldedKey(t.exact);
    t.begin = static_cast<uint32_t>(run_start);
    t.end = static_cast<uint32_t>(end);
    tokens.push_back(std::move(t));
  };
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(text, pos);
    const bool word = IsLetter(cp) || IsDigit(cp) || (cp >= 0x300 && u_getCombiningClass(cp) != 0);
    if (word) {
      if (!in_word) run_start = start, in_word = true;
    } else {
      flush(start);
    }
  }
  flush(text.size());
  return tokens;
}

}  // namespace bantin
