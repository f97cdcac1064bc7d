// The database's format (m/format) and the migration from older ones.
//
//   1  (no m/format key) ids hashed the parse (title, date, blocks); h/ keys
//      hashed the raw page alone, so two different pages read alike, or one
//      page from two sources, became one record.
//   2  ids and h/ page slots hash the raw page and its source (PageId);
//      c/ keys index copies of one article; document entries carry copy ids.
//   3  p/ lists are complete below m/posted only; the newer documents'
//      entries are held in memory and merged in batches (posting_tail.h),
//      rebuilt from their records at open. A build before it would search
//      without them, so it refuses this format. 2 → 3 changes no data.
//
// Migrating 1 → 2 re-parses every record with the caller's parser, which
// rewrites its page slot, copy entry and document entry in the new form
// and keeps its id (clients hold ids). A migration cut short is finished by
// the next open: re-parsing a record twice changes nothing.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <cstdlib>

#include "keys.h"
#include "posting_tail.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {
namespace {

constexpr int kFormat = 3;
constexpr int kFormatBeforeMarker = 1;
constexpr int kFormatPageIds = 2;  // a database older than this is re-parsed

}  // namespace

Status RocksStore::UpgradeFormat(const ParseFunction& parse) {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::kFormat, &value);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "database format");
  int format = kFormat;
  if (s.ok()) {
    format = std::atoi(value.c_str());
    if (format == kFormat) return Status::Ok();
    if (format > kFormat || format < kFormatBeforeMarker)
      return Status(StatusCode::kFailedPrecondition,
                    "the database has format " + value + ", this build reads " + std::to_string(kFormat) + " and older")
          .WithReason("DATABASE_FORMAT");
  } else if (size() > 0 || CurrentVersion()->table->DocLimit() > 0) {
    format = kFormatBeforeMarker;
  }
  if (format < kFormatPageIds) {
    if (!parse)
      return Status(StatusCode::kFailedPrecondition, "the database has format " + std::to_string(format) +
                                                         " and needs migrating to " + std::to_string(kFormat) +
                                                         ", which re-parses every record: open it with a parser")
          .WithReason("DATABASE_FORMAT");
    Result<ReparseReport> rebuilt = Reparse(parse, /*all=*/true);
    if (!rebuilt.ok()) return rebuilt.status();
  }
  rocksdb::WriteBatch marks;
  rocksdb::Status st = marks.Put(keys::kFormat, std::to_string(kFormat));
  {
    std::lock_guard<std::mutex> write(write_mu_);
    if (st.ok()) st = marks.Put(keys::kPosted, EncodePosted(tail_.from()));
  }
  rocksdb::WriteOptions sync;
  sync.sync = true;  // once, at open: the format must not run ahead of what it describes
  if (st.ok()) st = db_->Write(sync, &marks);
  return FromRocks(st, "database format");
}

}  // namespace bantin
