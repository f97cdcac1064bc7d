// Store::Repair: a damaged database rebuilt from what can still be read.
//
// RocksDB's RepairDB sets a damaged table file aside whole (every record in
// it lost for one bad block), so it runs only when the database does not
// open at all (a damaged MANIFEST). Otherwise every bulletin whose raw page
// can be read is re-parsed into a new database beside the old one, keeping
// its id and its ingest hints (from its record, when that can be read);
// then the old directory is moved aside (nothing is deleted) and the new
// one takes its place.
#include <rocksdb/db.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <set>

#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "keys.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {
namespace {

// Visits the keys in [begin, end) that can be read. Past a damaged block
// the scan goes on at the first of `known` (sorted) beyond it: ids and keys
// learnt from the other key ranges, which sit in other blocks.
void ScanAround(rocksdb::DB& db, const std::string& begin, const std::string& end, const std::set<std::string>& known,
                const std::function<void(const std::string& key, std::string_view value)>& visit) {
  std::unique_ptr<rocksdb::Iterator> it(db.NewIterator(rocksdb::ReadOptions()));
  std::string last = begin;
  it->Seek(begin);
  while (true) {
    for (; it->Valid() && it->key().ToStringView() < end; it->Next()) {
      last = it->key().ToString();
      visit(last, it->value().ToStringView());
    }
    if (it->status().ok()) return;
    bool resumed = false;
    for (auto k = known.upper_bound(last); k != known.end() && *k < end && !resumed; ++k) {
      it.reset(db.NewIterator(rocksdb::ReadOptions()));
      it->Seek(*k);
      resumed = it->status().ok();
      last = *k;
    }
    if (!resumed) return;
  }
}

}  // namespace

Result<RepairReport> RocksStore::CopyInto(Store& fresh, const ParseFunction& parse) const {
  RepairReport report;
  std::set<std::string> ids, record_keys;
  {
    const std::shared_ptr<const Version> version = CurrentVersion();
    for (uint32_t docno = 0; docno < version->table->DocLimit(); ++docno)
      if (const DocMeta* m = version->table->Meta(docno)) {
        ids.insert(m->id);
        record_keys.insert(keys::Record(m->date, m->source().id, m->id));
      }
  }
  const auto prefixed = [&](const char* prefix) {
    std::set<std::string> out;
    for (const std::string& id : ids) out.insert(prefix + id);
    return out;
  };
  ScanAround(*db_, keys::kRecordsBegin, keys::kRecordsEnd, record_keys,
             [&](const std::string& key, std::string_view) { ids.insert(keys::IdOfRecordKey(key)); });
  ScanAround(*db_, keys::ById(""), keys::ById("\xff"), prefixed("i/"),
             [&](const std::string& key, std::string_view) { ids.insert(key.substr(2)); });
  ScanAround(*db_, keys::Raw(""), keys::Raw("\xff"), prefixed("w/"),
             [&](const std::string& key, std::string_view) { ids.insert(key.substr(2)); });
  for (const std::string& id : ids) {
    if (id.empty()) continue;
    Result<std::string> raw = ReadRaw(id);
    if (!raw.ok()) {
      report.lost.push_back({id, raw.status().message()});
      continue;
    }
    Result<StoredRecord> record = Get(id, false);
    ParseHints hints;
    if (record.ok())
      hints = record->hints;
    else
      ++report.without_record;
    Bulletin b = parse(*raw, hints);
    b.id = id;  // ids are forever
    Result<PutOutcome> put = fresh.Put(b, *raw, hints);
    if (!put.ok()) return put.status();
    ++report.kept;
  }
  return report;
}

Result<RepairReport> Store::Repair(const std::string& dir, const ParseFunction& parse) {
  if (!std::filesystem::exists(dir)) return Status::NotFound("no database at " + dir);
  bool rocksdb_repaired = false;
  OpenOptions options;
  options.migrate_with = parse;
  Result<std::unique_ptr<Store>> damaged = Store::Open(dir, options);
  if (!damaged.ok() && damaged.status().code() != StatusCode::kResourceExhausted) {
    // It does not open at all: RocksDB's own repair first (see above).
    const rocksdb::Status s = rocksdb::RepairDB(dir, rocksdb::Options());
    if (!s.ok()) return FromRocks(s, "repair of " + dir);
    rocksdb_repaired = true;
    damaged = Store::Open(dir, options);
  }
  if (!damaged.ok()) return damaged.status();
  const std::string stamp = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  const std::string rebuilt_dir = dir + ".repairing-" + stamp;
  Result<RepairReport> report = Status::Internal("not copied");
  {
    Result<std::unique_ptr<Store>> rebuilt = Store::Open(rebuilt_dir);
    if (!rebuilt.ok()) return rebuilt.status();
    report = static_cast<const RocksStore&>(**damaged).CopyInto(**rebuilt, parse);
  }
  damaged->reset();
  if (!report.ok()) return report.status();
  report->rocksdb_repair_ran = rocksdb_repaired;
  report->moved_aside = dir + ".before-repair-" + stamp;
  std::error_code ec;
  std::filesystem::rename(dir, report->moved_aside, ec);
  if (!ec) std::filesystem::rename(rebuilt_dir, dir, ec);
  if (ec) return Status::Internal("repair: moving the rebuilt database into place: " + ec.message());
  return report;
}

}  // namespace bantin
