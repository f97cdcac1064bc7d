// Internal to the parser (run by Parse, in the order date, source, people).
// People named in a bulletin's blocks with their roles ("Bí thư Tỉnh ủy
// Phan Văn Sáu").
#ifndef BANTIN_PARSE_PEOPLE_H_
#define BANTIN_PARSE_PEOPLE_H_

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "page.h"

namespace bantin {

void FindPeople(Bulletin& out);

}  // namespace bantin

#endif  // BANTIN_PARSE_PEOPLE_H_
