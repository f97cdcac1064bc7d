// libFuzzer target: any bytes as a text scrape (no HTML front end) parse
// without crashing, every line span inside the input, and the bulletin's
// JSON is valid UTF-8 that reads back to the same bulletin.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bantin/json/json.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bantin/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  bantin::ParseHints hints;
  if (size > 0 && data[0] == 'h') hints.fetch_date = "2021-03-04";
  const bantin::Bulletin b = bantin::ParseText(raw, hints);
  for (const bantin::LineSpan& l : b.lines)
    if (l.begin > l.end || l.end > size) __builtin_trap();
  const std::string json = bantin::BulletinToJson(b);
  if (!bantin::IsValidUtf8(json)) __builtin_trap();
  const bantin::Result<bantin::Bulletin> back = bantin::BulletinFromJson(json);
  if (!back.ok() || bantin::BulletinToJson(*back) != json) __builtin_trap();
  return 0;
}
