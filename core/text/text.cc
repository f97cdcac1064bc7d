#include "bantin/text/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>

#include <array>

#include "bantin/text/fold_table.h"
#include "bantin/utf8.h"
#include "string_memo.h"
#include "tone.h"

namespace bantin {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

constexpr std::array<char, 128> kAsciiLower = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  return t;
}();

bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Bytes in the UTF-8 sequence led by `c` (valid UTF-8).
size_t SequenceLength(unsigned char c) { return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

void AppendAsciiLower(std::string& out, std::string_view text) {
  for (char c : text) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
}

// False when the UTF-8 sequence at `pos` cannot be a space (see IsSpace):
// spaces start C2 A0, C2 85, E1 9A, E2 80, E2 81, E3 80 or EF BB. Vietnamese
// letters (C3, C4, C6, E1 BA, E1 BB) are rejected without decoding.
bool MaySpaceStart(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  const unsigned char n = pos + 1 < text.size() ? static_cast<unsigned char>(text[pos + 1]) : 0;
  switch (c) {
    case 0xC2:
      return n == 0xA0 || n == 0x85;
    case 0xE1:
      return n == 0x9A;
    case 0xE2:
      return n == 0x80 || n == 0x81;
    case 0xE3:
      return n == 0x80;
    case 0xEF:
      return n == 0xBB;
    default:
      return false;
  }
}

// True when `text` has no white space but single ASCII spaces between
// other characters: CollapseSpaces would return it unchanged.
bool IsCollapsed(std::string_view text) {
  bool after_space = true;  // at the start, a space would be leading
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if (c == ' ') {
        if (after_space) return false;
        after_space = true;
      } else if (IsAsciiSpace(c)) {
        return false;
      } else {
        after_space = false;
      }
      ++pos;
      continue;
    }
    if (MaySpaceStart(text, pos)) {
      size_t p = pos;
      if (IsSpace(NextCodePoint(text, p))) return false;
    }
    after_space = false;
    pos += SequenceLength(c);
  }
  return !after_space || text.empty();
}

bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp) || IsCombiningMark(cp); }

void AppendFolded(std::string& out, std::string_view text) {
  // Fast path: ASCII and the letters that fold to one ASCII letter (all of
  // Vietnamese) give at most one byte per input byte, written straight into
  // room made up front. Anything else ends it; the general loop goes on.
  const FoldTable& folds = Folds();
  const size_t base = out.size();
  out.resize(base + text.size());
  char* const begin = out.data() + base;
  char* w = begin;
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      *w++ = kAsciiLower[byte];
      ++pos;
      continue;
    }
    size_t next = pos;
    const int i = FoldTable::IndexOf(NextCodePoint(text, next));
    const char c = i >= 0 ? folds.single(i) : 0;
    if (!c) break;
    *w++ = c;
    pos = next;
  }
  out.resize(base + static_cast<size_t>(w - begin));
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char byte = static_cast<unsigned char>(text[pos]);
    const char32_t cp = byte < 0x80 ? (++pos, byte) : NextCodePoint(text, pos);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      continue;
    }
    const int i = FoldTable::IndexOf(cp);
    if (i >= 0) {
      const char c = folds.single(i);
      if (c) {
        out.push_back(c);
      } else {
        out += folds.folded(i);
      }
    } else if (IsCombiningMark(cp)) {
      continue;
    } else if (IsLetter(cp)) {
      AppendUtf8(out, static_cast<char32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT)));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
}

// Calls visit(begin, end) for each syllable: a maximal run of letters,
// digits and combining marks.
template <typename Visit>
void ForEachSyllable(std::string_view text, Visit visit) {
  const FoldTable& folds = Folds();
  const char* const data = text.data();
  const size_t n = text.size();
  // Whether the character at `pos` belongs to a syllable; advances `pos`.
  const auto word_at = [&folds, data, n](size_t& pos) {
    const unsigned char c = static_cast<unsigned char>(data[pos]);
    if (c < 0x80) {
      ++pos;
      return kAsciiWord[c];
    }
    const char32_t cp = NextCodePoint(std::string_view(data, n), pos);
    const int i = FoldTable::IndexOf(cp);
    return i >= 0 ? folds.word(i) : IsWordChar(cp);
  };
  size_t pos = 0;
  while (pos < n) {
    const size_t begin = pos;
    if (!word_at(pos)) continue;
    size_t end = pos;
    while (end < n) {
      const unsigned char c = static_cast<unsigned char>(data[end]);
      if (c < 0x80) {  // the common case, kept tight
        if (!kAsciiWord[c]) break;
        ++end;
        continue;
      }
      size_t next = end;
      if (!word_at(next)) break;
      end = next;
    }
    visit(begin, end);
    pos = end;  // a non-word character or the end; the loop steps over it
  }
}

// True when every character of `text` has NFC_Quick_Check=Yes and combining
// class 0; such a text is NFC (UAX #15). Vietnamese letters are looked up in
// the fold table; only other non-ASCII characters ask ICU.
bool AllNfcStable(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t cp = NextCodePoint(text, pos);
    const int i = FoldTable::IndexOf(cp);
    const UChar32 c = static_cast<UChar32>(cp);
    const bool stable =
        i >= 0 ? Folds().nfc(i)
               : u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
    if (!stable) return false;
  }
  return true;
}

}  // namespace

std::string ToNfc(std::string_view text) {
  if (AllNfcStable(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(piece, status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(text);
}

bool IsNfc(std::string_view text) { return AllNfcStable(text) || ToNfc(text) == text; }

bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  // Unicode white space and space separators (a fixed list), plus zero-width
  // space, joiners, word joiner and BOM: invisible filler in crawled text.
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

namespace text_internal {
bool IsLetterWide(char32_t cp) {
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().letter(i) : u_isalpha(cp);
}
bool IsUpperWide(char32_t cp) {
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().upper(i) : u_isupper(cp);
}
bool IsLowerWide(char32_t cp) {
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().lower(i) : u_islower(cp);
}
bool IsDigitWide(char32_t cp) {
  if (FoldTable::IndexOf(cp) >= 0) return false;  // Latin letters and signs
  return u_isdigit(cp);
}
}  // namespace text_internal

std::string CollapseSpaces(std::string_view text) {
  // Most lines only have ASCII white space at their ends to trim.
  std::string_view trimmed = text;
  while (!trimmed.empty() && IsAsciiSpace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
  while (!trimmed.empty() && IsAsciiSpace(static_cast<unsigned char>(trimmed.back()))) trimmed.remove_suffix(1);
  if (IsCollapsed(trimmed)) return std::string(trimmed);
  std::string out;
  out.reserve(text.size());
  size_t pos = 0, word_start = 0;
  bool in_word = false;
  const auto end_word = [&](size_t end) {
    if (!in_word) return;
    if (!out.empty()) out.push_back(' ');
    out.append(text.substr(word_start, end - word_start));
    in_word = false;
  };
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    bool space;
    if (c < 0x80) {
      space = c == ' ' || (c >= '\t' && c <= '\r');
      ++pos;
    } else if (MaySpaceStart(text, pos)) {
      space = IsSpace(NextCodePoint(text, pos));
    } else {
      space = false;
      pos += c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    if (space) {
      end_word(start);
    } else if (!in_word) {
      in_word = true;
      word_start = start;
    }
  }
  end_word(text.size());
  return out;
}

std::string FoldCase(std::string_view text) {
  std::string out;
  if (IsAscii(text)) {
    AppendAsciiLower(out, text);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  u.toUTF8String(out);
  return out;
}

std::string ExactKey(std::string_view text) {
  std::string out;
  size_t done = 0;
  ForEachSyllable(text, [&](size_t b, size_t e) {
    out.append(text.substr(done, b - done));
    const std::string_view s = text.substr(b, e - b);
    if (IsAscii(s)) {
      AppendAsciiLower(out, s);
    } else {
      out += SyllableExactKey(s);
    }
    done = e;
  });
  out.append(text.substr(done));
  return out;
}

std::string FoldedKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendFolded(out, text);
  return out;
}

std::string Slug(std::string_view text, char joiner) {
  std::string out;
  for (char c : FoldedKey(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
      out.push_back(c);
    } else if (joiner && !out.empty() && out.back() != joiner) {
      out.push_back(joiner);
    }
  }
  while (joiner && !out.empty() && out.back() == joiner) out.pop_back();
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  ForEachSyllable(text, [&](size_t b, size_t e) {
    Token t;
    const std::string_view word = text.substr(b, e - b);
    if (IsAscii(word)) {
      AppendAsciiLower(t.exact, word);
      t.folded = t.exact;
    } else {
      t.exact = SyllableExactKey(word);
      AppendFolded(t.folded, t.exact);
    }
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    tokens.push_back(std::move(t));
  });
  return tokens;
}

std::vector<std::pair<uint32_t, uint32_t>> SyllableSpans(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  spans.reserve(text.size() / 4 + 1);  // syllables average four bytes or more
  ForEachSyllable(text,
                  [&](size_t b, size_t e) { spans.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e)); });
  return spans;
}

std::string FilterKey(std::string_view text) {
  // Provinces, sources and authors repeat from document to document: an
  // index loaded from its saved form asks for the same few thousand keys
  // for every document, and each is an ICU round trip to compute.
  thread_local StringMemo memo;
  return memo.Get(text, [](std::string_view t) { return Slug(ToNfc(t), '-'); });
}

std::vector<std::string> SplitBars(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const size_t bar = list.find('|');
    if (bar != 0) out.emplace_back(list.substr(0, bar));
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace bantin
