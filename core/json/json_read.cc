#include "bantin/json/json_read.h"

#include "reader.h"

namespace bantin {

Result<Bulletin> BulletinFromJson(std::string_view json) {
  Reader r(json);
  Bulletin b;
  if (!ReadBulletin(r, &b, 0) || !r.AtEnd()) return r.status();
  return b;
}

}  // namespace bantin
