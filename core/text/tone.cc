#include "tone.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <vector>

#include "string_memo.h"

namespace bantin {
namespace {

// Combining tone marks of Vietnamese (grave, acute, tilde, hook, dot below).
bool IsToneMark(UChar c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }
// Combining vowel modifiers (circumflex, breve, horn).
bool IsVowelModifier(UChar c) { return c == 0x0302 || c == 0x0306 || c == 0x031B; }
bool IsVowelBase(UChar c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

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
    if ((onset == 'q' && bare.charAt(1) == 'u') || (onset == 'g' && bare.charAt(1) == 'i')) first = 1;
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

std::string ComputeExactKey(std::string_view syllable) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(syllable);
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(syllable.data(), static_cast<int32_t>(syllable.size())));
  u.foldCase();
  const icu::UnicodeString placed = PlaceTone(nfd->normalize(u, status));
  std::string out;
  nfc->normalize(placed, status).toUTF8String(out);
  return out;
}

}  // namespace

const std::string& SyllableExactKey(std::string_view syllable) {
  thread_local StringMemo memo;
  return memo.Get(syllable, ComputeExactKey);
}

}  // namespace bantin
