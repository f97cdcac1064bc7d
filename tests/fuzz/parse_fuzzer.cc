// libFuzzer target: any bytes (text or HTML), any hints, must parse without
// crashing, with every line span inside its text and JSON that stays valid
// UTF-8 and reads back to the same bulletin; the same bytes as JSON (a
// bulletin, a bundle line or header) are read or refused without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bantin/html/document.h"
#include "bantin/html/html_text.h"
#include "bantin/index/memory_index.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bantin/query/filter.h"
#include "bantin/search/highlight.h"
#include "bantin/search/search_engine.h"
#include "bantin/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  bantin::ParseHints hints;
  if (size > 0 && data[0] == 'h') hints.fetch_date = "2021-03-04";
  const bantin::Bulletin b = bantin::Parse(raw, hints);
  const bool html = bantin::LooksLikeHtml(raw);  // spans then index the reduced text
  // UTF-16 (a byte-order mark) is decoded first; its UTF-8 is at most half
  // as long again, and spans index it.
  const bool utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF));
  const size_t span_limit = utf16 ? size / 2 * 3 : size;
  for (const bantin::LineSpan& l : b.lines)
    if (l.begin > l.end || (!html && l.end > span_limit)) __builtin_trap();
  const std::string json = bantin::BulletinToJson(b);
  if (bantin::SanitizeUtf8(json, nullptr) != json) __builtin_trap();
  // The page text a viewer shows is valid UTF-8 whatever came in.
  const std::string text = bantin::PageText(raw);
  if (!bantin::IsCleanUtf8(text)) __builtin_trap();
  const bantin::Result<bantin::Bulletin> back = bantin::BulletinFromJson(json);
  if (!back.ok() || bantin::BulletinToJson(*back) != json) __builtin_trap();
  const auto as_bulletin = bantin::BulletinFromJson(raw);
  if (as_bulletin.ok()) (void)bantin::BulletinToJson(*as_bulletin);
  (void)bantin::BundleArticleFromJson(raw);
  (void)bantin::BundleArticleFromJson(raw, {.text = false, .lines = false});
  (void)bantin::CheckBundleHeader(raw);
  // The same bytes as a query over an index holding the parse: the query
  // parser, the engine and the snippets must cope with anything.
  bantin::MemoryIndex index;
  bantin::Bulletin indexed = b;
  indexed.id = "x";
  index.Add(indexed);
  const auto found = bantin::Search(index, raw.substr(0, 512));
  // And as an API filter: whatever it translates to must be a query too.
  const auto filter = bantin::FilterToQuery(raw.substr(0, 512));
  if (filter.ok()) (void)bantin::Search(index, *filter);
  if (found.ok() && !found->hits.empty()) (void)bantin::Snippets(*index.Document(found->hits[0].docno), found->query);
  return 0;
}
