#include "export.h"

#include "bantin/html/document.h"
#include "bantin/text/dates.h"

namespace bantin {

Status CheckExportFilter(const ExportFilter& filter) {
  if (Status s = CheckOptionalDate(filter.from_date, "from_date"); !s.ok()) return s;
  return CheckOptionalDate(filter.to_date, "to_date");
}

namespace {

// Bulletins read from the store at a time: a page of records and raw pages.
constexpr int kExportPage = 64;

}  // namespace

ExportCursor::ExportCursor(const Store& store, const ExportFilter& filter) : store_(store), filter_(filter) {
  options_.source_id = filter.source_id;
  options_.province = filter.province;
  options_.from_date = filter.from_date;
  options_.to_date = filter.to_date;
  options_.page_size = kExportPage;
  options_.with_raw = filter.with_text;
}

Result<bool> ExportCursor::Next(Bulletin* bulletin, std::string* text) {
  while (next_ == page_.bulletins.size()) {
    if (last_page_) return false;
    Result<ListPage> page = store_.List(options_);
    if (!page.ok()) return page.status();
    page_ = std::move(*page);
    damaged_.insert(damaged_.end(), page_.damaged.begin(), page_.damaged.end());
    next_ = 0;
    options_.page_token = page_.next_page_token;
    last_page_ = options_.page_token.empty();
  }
  *text = filter_.with_text ? PageText(page_.raws[next_]) : std::string();
  *bulletin = std::move(page_.bulletins[next_++]);
  return true;
}

Status ExportBulletins(const Store& store, const ExportFilter& filter, const ExportSink& emit) {
  if (Status s = CheckExportFilter(filter); !s.ok()) return s;
  ExportCursor cursor(store, filter);
  Bulletin b;
  std::string text;
  while (true) {
    Result<bool> more = cursor.Next(&b, &text);
    if (!more.ok()) return more.status();
    if (!*more || !emit(b, text)) return Status::Ok();
  }
}

}  // namespace bantin
