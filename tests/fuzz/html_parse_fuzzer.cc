// libFuzzer target: any bytes after an HTML start go through the HTML front
// end (charset, gumbo, the text and cue walks) and the parser without
// crashing; the bulletin's JSON and the page text a viewer shows are valid
// UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bantin/html/document.h"
#include "bantin/json/json.h"
#include "bantin/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string page = "<html><body>" + std::string(reinterpret_cast<const char*>(data), size);
  const bantin::Bulletin b = bantin::Parse(page);
  for (const bantin::LineSpan& l : b.lines)
    if (l.begin > l.end) __builtin_trap();
  if (!bantin::IsValidUtf8(bantin::BulletinToJson(b))) __builtin_trap();
  if (!bantin::IsCleanUtf8(bantin::PageText(page))) __builtin_trap();
  return 0;
}
