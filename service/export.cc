#include "export.h"

#include "bantin/paging.h"

#include "bantin/html/document.h"
#include "bantin/text/dates.h"

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
  o.page_size = kMaxPageSize;
  o.with_raw = filter.with_text;
  do {
    Result<ListPage> page = store.List(o);
    if (!page.ok()) return page.status();
    for (size_t i = 0; i < page->bulletins.size(); ++i) {
      const std::string text = filter.with_text ? PageText(page->raws[i]) : std::string();
      if (!emit(page->bulletins[i], text)) return Status::Ok();
    }
    o.page_token = page->next_page_token;
  } while (!o.page_token.empty());
  return Status::Ok();
}

}  // namespace bantin
