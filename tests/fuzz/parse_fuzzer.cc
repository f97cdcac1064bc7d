// libFuzzer target: any bytes (text or HTML), any hints, must parse without
// crashing, with every line span inside its text and JSON that stays valid
// UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/parser.h"
#include "core/search.h"
#include "core/utf8.h"
#include "html/document.h"
#include "html/html_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  bantin::ParseHints hints;
  if (size > 0 && data[0] == 'h') hints.fetch_date = "2021-03-04";
  const bantin::Bulletin b = bantin::ParseDocument(raw, hints);
  const bool html = bantin::LooksLikeHtml(raw);  // spans then index the reduced text
  for (const bantin::LineSpan& l : b.lines)
    if (l.begin > l.end || (!html && l.end > size)) __builtin_trap();
  const std::string json = bantin::BulletinToJson(b);
  if (bantin::SanitizeUtf8(json, nullptr) != json) __builtin_trap();
  // The query parser sees the same bytes, made valid first as the service does.
  (void)bantin::ParseQuery(bantin::SanitizeUtf8(raw.substr(0, 512), nullptr));
  return 0;
}
