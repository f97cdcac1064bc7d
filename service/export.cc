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
  cursor_ = store.ChangeCursor();
  if (!filter.since) return;
  Result<Changes> changes = store.ChangesSince(*filter.since, kMaxChanges);
  if (!changes.ok()) {
    failed_ = changes.status();
    return;
  }
  reset_ = changes->reset;
  if (!reset_) {
    cursor_ = changes->cursor;
    changes_ = std::move(*changes);
  }
}

bool ExportCursor::Passes(const Bulletin& b) const {
  // As the listing compares them: an undated bulletin sorts first.
  const std::string date = b.date.empty() ? "0000-00-00" : b.date;
  return (filter_.source_id.empty() || b.source.id == filter_.source_id) &&
         (filter_.province.empty() || b.source.province == filter_.province) &&
         (filter_.from_date.empty() || date >= filter_.from_date) &&
         (filter_.to_date.empty() || date <= filter_.to_date);
}

Result<bool> ExportCursor::Next(Bulletin* bulletin, std::string* text, std::string* deleted) {
  if (!failed_.ok()) return failed_;
  if (changes_) {
    while (next_change_ < changes_->stored.size()) {
      const std::string& id = changes_->stored[next_change_++];
      Result<StoredRecord> r = store_.Get(id, filter_.with_text);
      if (!r.ok() && r.status().code() == StatusCode::kNotFound) continue;  // deleted since
      if (!r.ok() && r.status().code() == StatusCode::kDataLoss) {
        damaged_.push_back({id, r.status().message()});
        continue;
      }
      if (!r.ok()) return r.status();
      if (!Passes(r->bulletin)) continue;
      *text = filter_.with_text ? PageText(r->raw) : std::string();
      *bulletin = std::move(r->bulletin);
      return true;
    }
    if (next_deleted_ == changes_->deleted.size() || !deleted) return false;
    *deleted = changes_->deleted[next_deleted_++];
    return true;
  }
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
