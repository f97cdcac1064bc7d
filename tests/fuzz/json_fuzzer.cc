// libFuzzer target: any bytes as the JSON the viewer and the embedding
// shells read (a bulletin, a bundle line, a bundle header) are read or
// refused without crashing; a bulletin read back writes the same JSON
// again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/json/json_read.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const auto bulletin = bantin::BulletinFromJson(raw);
  if (bulletin.ok()) {
    const std::string once = bantin::BulletinToJson(*bulletin);
    const auto again = bantin::BulletinFromJson(once);
    if (!again.ok() || bantin::BulletinToJson(*again) != once) __builtin_trap();
  }
  (void)bantin::BundleArticleFromJson(raw);
  (void)bantin::BundleArticleFromJson(raw, {.text = false, .lines = false});
  (void)bantin::CheckBundleHeader(raw);
  return 0;
}
