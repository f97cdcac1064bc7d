#include "service/export.h"

#include "core/dates.h"
#include "core/json.h"
#include "core/json_read.h"
#include "core/parser.h"
#include "html/document.h"

namespace bantin {

Status CheckExportFilter(const ExportFilter& filter) {
  if (Status s = CheckOptionalDate(filter.from_date, "from_date"); !s.ok()) return s;
  return CheckOptionalDate(filter.to_date, "to_date");
}

Status ExportBulletins(const Store& store, const ExportFilter& filter, const ExportSink& emit) {
  if (Status s = CheckExportFilter(filter); !s.ok()) return s;
  ListOptions o;
  o.source_id = filter.source_id;
  o.province = filter.province;
  o.from_date = filter.from_date;
  o.to_date = filter.to_date;
  o.page_size = 500;
  do {
    Result<ListPage> page = store.List(o);
    if (!page.ok()) return page.status();
    for (const Bulletin& b : page->bulletins) {
      std::string text;
      if (filter.with_text) {
        Result<StoredRecord> r = store.Get(b.id, /*with_raw=*/true);
        // Deleted between the list and this read: it is no longer in the export.
        if (!r.ok() && r.status().code() == StatusCode::kNotFound) continue;
        if (!r.ok()) return r.status();
        text = PageText(r->raw);
      }
      if (!emit(b, text)) return Status::Ok();
    }
    o.page_token = page->next_page_token;
  } while (!o.page_token.empty());
  return Status::Ok();
}

std::string BundleHeader() {
  JsonWriter w;
  w.BeginObject().Key("bantinBundle").Int(1).Key("parserVersion").String(kParserVersion).EndObject();
  return w.Take() + "\n";
}

std::string BundleLine(const Bulletin& bulletin, const std::string& text) {
  return BundleArticleToJson(bulletin, text) + "\n";  // core's writer: the one the viewer's reader mirrors
}

}  // namespace bantin
