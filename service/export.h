// The export bundle: every bulletin matching a list filter with the text its
// line spans index, for the ExportBulletins stream and the HTTP side's
// GET /bundle (format: README.md, "The export bundle").
#ifndef BANTIN_SERVICE_EXPORT_H_
#define BANTIN_SERVICE_EXPORT_H_

#include <functional>
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
};

// InvalidArgument naming the field when a date is not YYYY-MM-DD.
Status CheckExportFilter(const ExportFilter& filter);

// The matching bulletins one at a time, in list order (date, then source),
// each with its page text ("" without with_text). It holds one page of the
// store's listing at a time (kExportPage bulletins and their raw pages), so
// a reader that stops reading costs that much memory and nothing else.
class ExportCursor {
 public:
  ExportCursor(const Store& store, const ExportFilter& filter);
  // The next bulletin: true and filled, false at the end, or the store's error.
  Result<bool> Next(Bulletin* bulletin, std::string* text);
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
};

// Calls `emit` for each bulletin of an ExportCursor. Stops, returning OK, as
// soon as `emit` returns false (the reader went away).
using ExportSink = std::function<bool(const Bulletin& bulletin, const std::string& text)>;
Status ExportBulletins(const Store& store, const ExportFilter& filter, const ExportSink& emit);

}  // namespace bantin

#endif  // BANTIN_SERVICE_EXPORT_H_
