#include "line_scan.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "bantin/text/fold_table.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

// What an ASCII byte is to the scan.
enum : uint8_t { kLower = 1, kUpper = 2, kDigit = 4, kSpace = 8, kOther = 16, kHigh = 32 };

constexpr std::array<uint8_t, 256> kAscii = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 128; c < 256; ++c) t[c] = kHigh;  // not ASCII
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z')
      t[c] = kLower;
    else if (c >= 'A' && c <= 'Z')
      t[c] = kUpper;
    else if (c >= '0' && c <= '9')
      t[c] = kDigit;
    else if (c == ' ')
      t[c] = kSpace;
    else if (c < 0x20)
      t[c] = kOther;  // inner tab or line break, or a control to remove
  }
  return t;
}();

// Trimmed by CollapseSpaces and kept by SanitizeUtf8 (other controls are
// removed and counted, so they go the general way).
bool IsEndSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

bool EndsSentence(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';'; }

}  // namespace

bool ScanPlainLine(std::string_view bytes, Line& line) {
  const FoldTable& folds = Folds();
  // Room for the worst case: text and its folded form are never longer than
  // the bytes (a character that would fold longer sends the line away).
  // Written through plain pointers, and with no local's address taken, so
  // that the compiler keeps the state in registers across the byte stores.
  std::string text(bytes.size(), '\0'), folded(bytes.size(), '\0');
  const char* const in = bytes.data();
  const size_t n = bytes.size();
  char* const text_begin = text.data();
  char* const folded_begin = folded.data();
  char* t = text_begin;
  char* f = folded_begin;
  int words = 0;
  uint8_t seen = 0;            // kLower | kUpper | kDigit
  bool pending_space = false;  // white space seen after some text
  bool word_start = true;      // the next character starts a word
  char32_t last = 0, before_last = 0;
  size_t pos = 0;
  while (pos < n) {
    const unsigned char c = static_cast<unsigned char>(in[pos]);
    char32_t cp;
    size_t len = 1;
    uint8_t k;
    char fc;  // the folded character when it is one byte, else 0
    if (c < 0x80) {
      k = kAscii[c];
      if (k & (kSpace | kOther)) {
        if ((k & kOther) && !IsEndSpace(static_cast<char>(c))) return false;  // a control
        pending_space = t != text_begin;
        ++pos;
        continue;
      }
      if (pending_space) {
        pending_space = false;
        word_start = true;
        *t++ = ' ';
        *f++ = ' ';
        before_last = last;
        last = ' ';
      }
      // A run of printable ASCII, most of a line: copied and folded in a
      // tight loop.
      size_t end = pos;
      while (end < n) {
        const unsigned char d = static_cast<unsigned char>(in[end]);
        const uint8_t kd = kAscii[d];
        if (kd & (kSpace | kOther | kHigh)) break;
        *t++ = static_cast<char>(d);
        *f++ = static_cast<char>(d >= 'A' && d <= 'Z' ? d + 32 : d);
        seen |= kd;
        ++end;
      }
      words += word_start;
      word_start = false;
      before_last = end - pos >= 2 ? static_cast<unsigned char>(in[end - 2]) : last;
      last = static_cast<unsigned char>(in[end - 1]);
      pos = end;
      continue;
    } else {
      // Two-byte sequences C2–DF, three-byte E1–EC (U+1000–U+CFFF, where no
      // overlong or surrogate form exists); anything else goes the general way.
      if (c >= 0xC2 && c <= 0xDF && pos + 1 < n && IsCont(in[pos + 1])) {
        len = 2;
        cp = ((c & 0x1F) << 6) | (in[pos + 1] & 0x3F);
      } else if (c >= 0xE1 && c <= 0xEC && pos + 2 < n && IsCont(in[pos + 1]) && IsCont(in[pos + 2])) {
        len = 3;
        cp = ((c & 0x0F) << 12) | ((in[pos + 1] & 0x3F) << 6) | (in[pos + 2] & 0x3F);
      } else {
        return false;
      }
      const int i = FoldTable::IndexOf(cp);
      if (i >= 0) {  // no space among these
        fc = folds.single(i);
        if (!folds.nfc(i) || !fc) return false;
        k = (folds.lower(i) ? kLower : 0) | (folds.upper(i) ? kUpper : 0);
      } else if (IsSpace(cp)) {
        pending_space = t != text_begin;
        pos += len;
        continue;
      } else {
        const UChar32 u = static_cast<UChar32>(cp);
        if (u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass(u) != 0) return false;
        k = (IsLower(cp) ? kLower : 0) | (IsUpper(cp) ? kUpper : 0) | (IsDigit(cp) ? kDigit : 0);
        fc = 0;
      }
    }
    if (pending_space) {  // the run of white space before this character
      pending_space = false;
      word_start = true;
      *t++ = ' ';
      *f++ = ' ';
      before_last = last;
      last = ' ';
    }
    if (fc) {
      *f++ = fc;
    } else {
      // Folding is per character, so this one folds on its own.
      const std::string one = FoldedKey(bytes.substr(pos, len));
      if (one.size() > len) return false;
      f = std::copy(one.begin(), one.end(), f);
    }
    t = std::copy(in + pos, in + pos + len, t);
    pos += len;
    words += word_start;
    word_start = false;
    seen |= k;
    before_last = last;
    last = cp;
  }
  text.resize(static_cast<size_t>(t - text_begin));
  folded.resize(static_cast<size_t>(f - folded_begin));
  line.text = std::move(text);
  line.folded = std::move(folded);
  line.blank = line.text.empty();
  if (line.blank) return true;
  line.words = words;
  line.has_digit = (seen & kDigit) != 0;
  line.all_caps = (seen & kUpper) && !(seen & kLower);
  const bool closing = last == '"' || last == 0x201D || last == ')' || last == 0x2019 || last == 0xBB;
  line.terminal = EndsSentence(last) || (closing && EndsSentence(before_last));
  return true;
}

}  // namespace bantin
