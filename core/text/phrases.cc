#include "bantin/text/phrases.h"

#include "bantin/text/text.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

// A byte that can be part of a word of folded text: ASCII letters and
// digits, and every byte of a multi-byte character.
bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || u >= 0x80;
}

}  // namespace

bool HasPhrase(std::string_view folded, std::string_view phrase) {
  size_t pos = 0;
  while ((pos = folded.find(phrase, pos)) != std::string_view::npos) {
    const bool left = pos == 0 || !IsWordByte(folded[pos - 1]) || !IsWordByte(phrase.front());
    const size_t after = pos + phrase.size();
    const bool right = after >= folded.size() || !IsWordByte(folded[after]) || !IsWordByte(phrase.back());
    if (left && right) return true;
    ++pos;
  }
  return false;
}

PhraseSet::PhraseSet(const char* const* phrases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const std::string_view p = phrases[i];
    if (!p.empty()) by_first_[static_cast<unsigned char>(p.front())].push_back(p);
  }
}

bool PhraseSet::AnyIn(std::string_view folded) const {
  for (size_t pos = 0; pos < folded.size(); ++pos) {
    const char c = folded[pos];
    // Every phrase here starts with c: inside a word, none can match.
    if (pos > 0 && IsWordByte(c) && IsWordByte(folded[pos - 1])) continue;
    for (const std::string_view p : by_first_[static_cast<unsigned char>(c)]) {
      if (folded.compare(pos, p.size(), p) != 0) continue;
      const size_t after = pos + p.size();
      if (after >= folded.size() || !IsWordByte(folded[after]) || !IsWordByte(p.back())) return true;
    }
  }
  return false;
}

std::string_view WithoutLeadingMarks(std::string_view folded) {
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t next = pos;
    const char32_t cp = NextCodePoint(folded, next);
    if (IsLetter(cp) || IsDigit(cp)) break;
    pos = next;
  }
  return folded.substr(pos);
}

bool StartsWithPhrase(std::string_view folded, std::string_view phrase) {
  if (folded.substr(0, phrase.size()) != phrase) return false;
  return folded.size() == phrase.size() || !IsWordByte(folded[phrase.size()]) || !IsWordByte(phrase.back());
}

}  // namespace bantin
