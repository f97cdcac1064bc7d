// libFuzzer target: any bytes as a query and as an API filter over a small
// index: the query parser, the filter translation, the engine and the
// snippets answer or refuse without crashing, and whatever a filter
// translates to is a query the engine accepts or refuses the same way.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bantin/index/memory_index.h"
#include "bantin/parse/parser.h"
#include "bantin/query/filter.h"
#include "bantin/search/highlight.h"
#include "bantin/search/search_engine.h"

namespace {

const bantin::MemoryIndex& Index() {
  static const bantin::MemoryIndex* index = [] {
    auto* i = new bantin::MemoryIndex;
    const char* pages[] = {
        "Sóc Trăng: bão số 3 gây thiệt hại\n\nNgày 12/9/2021, UBND tỉnh Sóc Trăng cho biết bão đã làm "
        "hư hỏng nhiều nhà dân.\n\nNguyễn Văn A\n",
        "Hà Nội khánh thành cầu mới\n\n(Cập nhật 03/04/2022) Cây cầu nối hai quận được đưa vào sử "
        "dụng sau hai năm thi công.\n\nTheo Lê Hà\n"};
    int n = 0;
    for (const char* p : pages) {
      bantin::Bulletin b = bantin::ParseText(p);
      b.id = "doc" + std::to_string(n++);
      i->Add(b);
    }
    return i;
  }();
  return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size < 512 ? size : 512);
  const auto found = bantin::Search(Index(), text);
  if (found.ok() && !found->hits.empty()) (void)bantin::Snippets(*Index().Document(found->hits[0].docno), found->query);
  const auto filter = bantin::FilterToQuery(text);
  if (filter.ok()) (void)bantin::Search(Index(), *filter);
  return 0;
}
