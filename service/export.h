// The export bundle: every bulletin matching a list filter with the text its
// line spans index, for the ExportBulletins stream and the HTTP side's
// GET /bundle (format: README.md, "The export bundle").
#ifndef BANTIN_SERVICE_EXPORT_H_
#define BANTIN_SERVICE_EXPORT_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/status.h"
#include "bantin/storage/store.h"

namespace bantin {

struct ExportFilter {
  std::string source_id;
  std::string province;
  std::string from_date;  // inclusive YYYY-MM-DD, empty = unbounded
  std::string to_date;
  bool with_text = true;
  // Only what changed after this cursor (Store::ChangesSince): the
  // bulletins stored since that match, and every id deleted since.
  std::optional<std::string> since;
};

// InvalidArgument naming the field when a date is not YYYY-MM-DD.
Status CheckExportFilter(const ExportFilter& filter);

// The matching bulletins one at a time, in list order (date, then source),
// each with its page text ("" without with_text). It holds one page of the
// store's listing at a time (kExportPage bulletins and their raw pages), so
// a reader that stops reading costs that much memory and nothing else.
// With `since`, the changes instead: stored bulletins in change order and
// deleted ids, at most kMaxChanges of them (the cursor says where the next
// bundle of changes starts), and a listing of everything when the cursor
// is of no use (reset()).
class ExportCursor {
 public:
  static constexpr size_t kMaxChanges = 50000;

  ExportCursor(const Store& store, const ExportFilter& filter);
  // The next bulletin: true and filled, false at the end, or the store's
  // error. With `since`, a deleted id comes as true with `deleted` set.
  Result<bool> Next(Bulletin* bulletin, std::string* text, std::string* deleted = nullptr);
  // Where the next bundle of changes starts: taken before anything was
  // read, so a change made meanwhile is sent again rather than missed.
  const std::string& cursor() const { return cursor_; }
  bool reset() const { return reset_; }
  // Why the changes could not be read (a `since` this store never issued);
  // Next returns it too.
  const Status& status() const { return failed_; }
  // The records passed over because their bytes are damaged, found since
  // the last call (each page read reports its own).
  std::vector<DamagedRecord> TakeDamaged() { return std::exchange(damaged_, {}); }

 private:
  const Store& store_;
  const ExportFilter filter_;
  ListOptions options_;
  ListPage page_;
  size_t next_ = 0;
  bool last_page_ = false;
  std::vector<DamagedRecord> damaged_;
  std::string cursor_;
  bool reset_ = false;
  Status failed_;                   // a failure of the change log, given by Next
  std::optional<Changes> changes_;  // with since, unless reset
  size_t next_change_ = 0, next_deleted_ = 0;
  // Whether a bulletin of the change log passes the list filter.
  bool Passes(const Bulletin& b) const;
};

// Calls `emit` for each bulletin of an ExportCursor. Stops, returning OK, as
// soon as `emit` returns false (the reader went away).
using ExportSink = std::function<bool(const Bulletin& bulletin, const std::string& text)>;
Status ExportBulletins(const Store& store, const ExportFilter& filter, const ExportSink& emit);

}  // namespace bantin

#endif  // BANTIN_SERVICE_EXPORT_H_
