#include "core/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "core/tone.h"
#include "core/utf8.h"

namespace bantin {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

void AppendAsciiLower(std::string& out, std::string_view text) {
  for (char c : text) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
}

bool IsCombiningMark(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x80 && u_getCombiningClass(cp) != 0) ||
         (cp >= 0x80 && u_charType(cp) == U_NON_SPACING_MARK);
}

// False when the UTF-8 sequence at `pos` cannot be a space (see IsSpace):
// spaces start C2 A0, C2 85, E1 9A, E2 80, E2 81, E3 80 or EF BB. Vietnamese
// letters (C3, C4, C6, E1 BA, E1 BB) are rejected without decoding.
bool MaySpaceStart(std::string_view text, size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  const unsigned char n = pos + 1 < text.size() ? static_cast<unsigned char>(text[pos + 1]) : 0;
  switch (c) {
    case 0xC2: return n == 0xA0 || n == 0x85;
    case 0xE1: return n == 0x9A;
    case 0xE2: return n == 0x80 || n == 0x81;
    case 0xE3: return n == 0x80;
    case 0xEF: return n == 0xBB;
    default: return false;
  }
}

bool IsWordChar(char32_t cp) { return IsLetter(cp) || IsDigit(cp) || IsCombiningMark(cp); }

// The folded form of every Latin letter with diacritics (U+00C0–U+024F,
// U+1E00–U+1EFF): case-folded, marks stripped, đ→d. Built once with ICU;
// folding is then a table lookup per code point.
class FoldTable {
 public:
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < kSize; ++cp) {
      const char32_t real = cp < 0x190 ? cp + 0xC0 : cp - 0x190 + 0x1E00;
      icu::UnicodeString u(static_cast<UChar32>(real));
      u.foldCase();
      icu::UnicodeString d = U_SUCCESS(status) ? nfd->normalize(u, status) : u;
      std::string out;
      for (int32_t i = 0; i < d.length(); ++i) {
        const UChar c = d.charAt(i);
        if (IsCombiningMark(c)) continue;
        if (c == 0x0111) {
          out.push_back('d');
        } else {
          AppendUtf8(out, c);
        }
      }
      table_[cp] = out;
      const UChar32 c32 = static_cast<UChar32>(real);
      single_[cp] = out.size() == 1 ? out[0] : 0;
      letter_[cp] = u_isalpha(c32);
      upper_[cp] = u_isupper(c32);
      lower_[cp] = u_islower(c32);
    }
  }
  // Index into the table, or -1 when `cp` is outside it.
  static int IndexOf(char32_t cp) {
    if (cp >= 0xC0 && cp < 0x250) return static_cast<int>(cp - 0xC0);
    if (cp >= 0x1E00 && cp < 0x1F00) return static_cast<int>(cp - 0x1E00 + 0x190);
    return -1;
  }
  bool letter(int i) const { return letter_[i]; }
  // The folded form when it is one ASCII letter (every Vietnamese letter), else 0.
  char single(int i) const { return single_[i]; }
  const std::string& folded(int i) const { return table_[i]; }
  bool upper(int i) const { return upper_[i]; }
  bool lower(int i) const { return lower_[i]; }

 private:
  static constexpr size_t kSize = 0x190 + 0x100;
  std::array<std::string, kSize> table_;
  std::array<bool, kSize> letter_{}, upper_{}, lower_{};
  std::array<char, kSize> single_{};
};

const FoldTable& Folds() {
  static const FoldTable* table = new FoldTable;
  return *table;
}

void AppendFolded(std::string& out, std::string_view text) {
  size_t pos = 0;
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
      const char c = Folds().single(i);
      if (c) {
        out.push_back(c);
      } else {
        out += Folds().folded(i);
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
  size_t pos = 0, run_start = 0;
  bool in_word = false;
  while (pos < text.size()) {
    const size_t start = pos;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    const bool word = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9')
                               : IsWordChar(NextCodePoint(text, pos));
    if (c < 0x80) ++pos;
    if (word) {
      if (!in_word) run_start = start, in_word = true;
    } else if (in_word) {
      visit(run_start, start);
      in_word = false;
    }
  }
  if (in_word) visit(run_start, text.size());
}

}  // namespace

std::string ToNfc(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
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

bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  // Unicode white space and space separators (a fixed list), plus zero-width
  // space, joiners, word joiner and BOM: invisible filler in crawled text.
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 ||
         cp == 0x3000 || cp == 0xFEFF;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().letter(i) : u_isalpha(cp);
}
bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().upper(i) : u_isupper(cp);
}
bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  const int i = FoldTable::IndexOf(cp);
  return i >= 0 ? Folds().lower(i) : u_islower(cp);
}
bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  if (FoldTable::IndexOf(cp) >= 0) return false;  // Latin letters and signs
  return u_isdigit(cp);
}

std::string CollapseSpaces(std::string_view text) {
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
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
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
  ForEachSyllable(text, [&](size_t b, size_t e) {
    spans.emplace_back(static_cast<uint32_t>(b), static_cast<uint32_t>(e));
  });
  return spans;
}

}  // namespace bantin
