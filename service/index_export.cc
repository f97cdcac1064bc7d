#include "index_export.h"

#include <utility>

#include "bantin/index/memory_index.h"
#include "bantin/index/saved_index.h"

namespace bantin {

Result<BuiltIndex> IndexExport::Get(const ExportFilter& filter) {
  if (filter.since) return Status::InvalidArgument("since: /index is whole; what changed comes from /bundle?since=");
  const std::string key = filter.source_id + '\n' + filter.province + '\n' + filter.from_date + '\n' + filter.to_date;
  std::lock_guard<std::mutex> lock(mu_);
  if (last_.bytes && key == last_key_ && last_.cursor == store_.ChangeCursor()) return last_;
  ExportFilter rows = filter;
  rows.with_text = false;  // the saved form keeps no texts
  ExportCursor cursor(store_, rows);
  MemoryIndex index;
  Bulletin b;
  std::string text;
  for (;;) {
    Result<bool> more = cursor.Next(&b, &text);
    if (!more.ok()) return more.status();
    if (!*more) break;
    index.Add(std::move(b));
    b = Bulletin();
  }
  Result<std::string> bytes = SaveIndex(index);
  if (!bytes.ok()) return bytes.status();
  last_key_ = key;
  // The cursor taken before the first read: a change made meanwhile makes
  // the next reader's build, not a stale answer.
  last_ = {cursor.cursor(), std::make_shared<const std::string>(std::move(*bytes))};
  return last_;
}

}  // namespace bantin
