#include "bantin/text/fold_table.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>

#include "bantin/utf8.h"

namespace bantin {

bool IsCombiningMark(char32_t cp) {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x80 && u_getCombiningClass(cp) != 0) ||
         (cp >= 0x80 && u_charType(cp) == U_NON_SPACING_MARK);
}

FoldTable::FoldTable() {
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
    // No code point of the table is a digit (IsDigit says so without ICU).
    word_[cp] = letter_[cp] || IsCombiningMark(real);
    nfc_[cp] = u_getIntPropertyValue(c32, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c32) == 0;
  }
}

const FoldTable* MakeFoldTable() { return new FoldTable; }

}  // namespace bantin
