// Internal to the parser (run by ParseText after the footer is read): a
// byline at the very end of the last paragraph, where dumps that join a
// page's blocks without separators leave it.
#ifndef BANTIN_PARSE_TRAILING_BYLINE_H_
#define BANTIN_PARSE_TRAILING_BYLINE_H_

#include "bantin/bulletin.h"

namespace bantin {

// When no byline was found, looks at the end of the last block:
//   "…trưởng thôn).PV"                    a name after the last sentence
//   "…thiên tai. Tin, ảnh: NGUYỄN KIỂM"   a labelled byline
//   "…ở bệnh viện.Bảo Trân ghi"           "X ghi" (X wrote it down)
//   "…lắp ráp./.Linh Vũ (Vietnam+)"       a name with its outlet
//   "…đời thựcThu Việt Theo AutoGuide"    glued to the last word, then a
//                                         source credit ("Theo X")
//   "…thông tin.Xuân HoàngEmail Print"    then a page's toolbar words
//   "…não.VŨ KHUÊ(Theo Science Daily)"    then a credit in parentheses
//   "…sai sót này.Ngát Ngọc Ảnh: X"       then a photo credit
//   "…(tháng 7-2013).T.Tr"                a name in initials
// Credits and toolbar words are peeled off first (a credit becomes the
// bulletin's credit); a name is one to five capitalised words that are not
// a province or an outlet. What is taken leaves the paragraph.
void TakeTrailingByline(Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_TRAILING_BYLINE_H_
