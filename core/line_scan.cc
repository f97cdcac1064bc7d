#include "core/line_scan.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <array>
#include <cstdint>

#include "core/fold_table.h"
#include "core/text.h"
#include "core/utf8.h"

namespace bantin {
namespace {

// What an ASCII byte is to the scan.
enum : uint8_t { kLower = 1, kUpper = 2, kDigit = 4, kSpace = 8, kOther = 16 };

constexpr std::array<uint8_t, 128> kAscii = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'a' && c <= 'z') t[c] = kLower;
    else if (c >= 'A' && c <= 'Z') t[c] = kUpper;
    else if (c >= '0' && c <= '9') t[c] = kDigit;
    else if (c == ' ') t[c] = kSpace;
    else if (c < 0x20) t[c] = kOther;  // inner tab or line break, or a control to remove
  }
  return t;
}();

// Trimmed by CollapseSpaces and kept by SanitizeUtf8 (other controls are
// removed and counted, so they go the general way).
bool IsEndSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsCont(unsigned char c) { return (c & 0xC0) == 0x80; }

bool EndsSentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ';';
}

}  // namespace

bool ScanPlainLine(std::string_view bytes, Line& line) {
  const FoldTable& folds = Folds();
  // Room for the worst case: text and its folded form are never longer than
  // the bytes (a character that would fold longer sends the line away).
  std::string text(bytes.size(), '\0'), folded(bytes.size(), '\0');
  size_t w = 0;  // bytes written to both: folding keeps the length here
  size_t wf = 0;
  int words = 0;
  uint8_t seen = 0;  // kLower | kUpper | kDigit
  bool pending_space = false;
  char32_t last = 0, before_last = 0;
  // Writes the space a run of white space collapsed to, if any.
  const auto flush_space = [&] {
    if (!pending_space) return;
    pending_space = false;
    text[w++] = ' ';
    folded[wf++] = ' ';
    before_last = last;
    last = ' ';
  };
  size_t pos = 0;
  while (pos < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[pos]);
    char32_t cp;
    if (c < 0x80) {
      const uint8_t k = kAscii[c];
      ++pos;
      if (k & (kSpace | kOther)) {
        if ((k & kOther) && !IsEndSpace(c)) return false;  // a control to remove
        pending_space = w > 0;
        continue;
      }
      flush_space();
      words += last == ' ' || w == 0;
      seen |= k;
      text[w++] = static_cast<char>(c);
      folded[wf++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      cp = c;
    } else {
      // Two-byte sequences C2–DF, three-byte E1–EC (U+1000–U+CFFF, where no
      // overlong or surrogate form exists); anything else goes the general way.
      size_t len;
      if (c >= 0xC2 && c <= 0xDF && pos + 1 < bytes.size() && IsCont(bytes[pos + 1])) {
        len = 2;
      } else if (c >= 0xE1 && c <= 0xEC && pos + 2 < bytes.size() && IsCont(bytes[pos + 1]) &&
                 IsCont(bytes[pos + 2])) {
        len = 3;
      } else {
        return false;
      }
      size_t next = pos;
      cp = NextCodePoint(bytes, next);
      const int i = FoldTable::IndexOf(cp);
      if (i >= 0) {  // no space among these
        if (!folds.nfc(i) || !folds.single(i)) return false;
        flush_space();
        folded[wf++] = folds.single(i);
        seen |= (folds.lower(i) ? kLower : 0) | (folds.upper(i) ? kUpper : 0);
      } else if (IsSpace(cp)) {
        pending_space = w > 0;
        pos += len;
        continue;
      } else {
        const UChar32 u = static_cast<UChar32>(cp);
        if (u_getIntPropertyValue(u, UCHAR_NFC_QUICK_CHECK) != UNORM_YES ||
            u_getCombiningClass(u) != 0)
          return false;
        // Folding is per character, so this one folds on its own.
        const std::string f = FoldedKey(bytes.substr(pos, len));
        if (f.size() > len) return false;
        flush_space();
        f.copy(folded.data() + wf, f.size());
        wf += f.size();
        seen |= (IsLower(cp) ? kLower : 0) | (IsUpper(cp) ? kUpper : 0) |
                (IsDigit(cp) ? kDigit : 0);
      }
      words += last == ' ' || w == 0;
      bytes.copy(text.data() + w, len, pos);
      w += len;
      pos += len;
    }
    before_last = last;
    last = cp;
  }
  text.resize(w);
  folded.resize(wf);
  line.text = std::move(text);
  line.folded = std::move(folded);
  line.blank = w == 0;
  if (line.blank) return true;
  line.words = words;
  line.has_digit = (seen & kDigit) != 0;
  line.all_caps = (seen & kUpper) && !(seen & kLower);
  const bool closing = last == '"' || last == 0x201D || last == ')' || last == 0x2019 ||
                       last == 0xBB;
  line.terminal = EndsSentence(last) || (closing && EndsSentence(before_last));
  return true;
}

}  // namespace bantin
