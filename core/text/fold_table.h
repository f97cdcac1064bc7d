// Per-code-point facts about the Latin letters with
// diacritics (U+00C0–U+024F, U+1E00–U+1EFF), which is where all of
// Vietnamese lives. Built once with ICU; afterwards folding, letter classes,
// syllable cutting and the NFC check are a table lookup per code point.
#ifndef BANTIN_TEXT_FOLD_TABLE_H_
#define BANTIN_TEXT_FOLD_TABLE_H_

#include <array>
#include <string>

namespace bantin {

// A combining mark: U+0300–U+036F, or non-zero combining class, or Mn.
bool IsCombiningMark(char32_t cp);

class FoldTable {
 public:
  FoldTable();
  // Index into the table, or -1 when `cp` is outside it.
  static int IndexOf(char32_t cp) {
    if (cp >= 0xC0 && cp < 0x250) return static_cast<int>(cp - 0xC0);
    if (cp >= 0x1E00 && cp < 0x1F00) return static_cast<int>(cp - 0x1E00 + 0x190);
    return -1;
  }
  // Case-folded (full folding), marks stripped, đ→d.
  const std::string& folded(int i) const { return table_[i]; }
  // The folded form when it is one ASCII letter (every Vietnamese letter), else 0.
  char single(int i) const { return single_[i]; }
  bool letter(int i) const { return letter_[i]; }
  bool upper(int i) const { return upper_[i]; }
  bool lower(int i) const { return lower_[i]; }
  // A syllable character (letter, digit or combining mark; see text.cc).
  bool word(int i) const { return word_[i]; }
  // NFC_Quick_Check=Yes and combining class 0: a text of such characters is NFC.
  bool nfc(int i) const { return nfc_[i]; }

 private:
  static constexpr size_t kSize = 0x190 + 0x100;
  std::array<std::string, kSize> table_;
  std::array<bool, kSize> letter_{}, upper_{}, lower_{}, word_{}, nfc_{};
  std::array<char, kSize> single_{};
};

const FoldTable* MakeFoldTable();

// The one table. Inline so that hot loops pay only the guard check.
inline const FoldTable& Folds() {
  static const FoldTable* table = MakeFoldTable();
  return *table;
}

}  // namespace bantin

#endif  // BANTIN_TEXT_FOLD_TABLE_H_
