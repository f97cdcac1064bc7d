// Store: opening, the document table, and reads (Get, BatchGet, List,
// ListSources). Writes are in store_write.cc, search in store_search.cc.
#include "store_impl.h"

#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

#include "bantin/digest.h"
#include "bantin/index/frequency_memo.h"
#include "bantin/index/index_document.h"
#include "bantin/index/posting.h"
#include "bantin/paging.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "compression.h"
#include "doc_table.h"
#include "key_cache.h"
#include "keys.h"
#include "posting_merge.h"
#include "posting_tail.h"
#include "rocks_logger.h"
#include "store_util.h"
#include "write_guard.h"

namespace bantin {

// A million ids remembered: about 100 MB at most, a few seconds of reads to refill.
RocksStore::RocksStore(RocksParts parts, rocksdb::DB* db)
    : parts_(std::move(parts)),
      db_(db),
      key_cache_(std::make_unique<KeyCache>(1 << 20)),
      frequencies_(std::make_unique<FrequencyMemo>()) {
  parts_.guard->Watch(db);
}
RocksStore::~RocksStore() {
  {
    // Merged at close, so the next open need not index the tail again
    // (nothing is lost if this fails: RebuildTail does it then).
    std::lock_guard<std::mutex> write(write_mu_);
    (void)FlushTail();
  }
  parts_.guard->Stop();
}

StoreCondition RocksStore::Condition() const {
  StoreCondition c;
  c.writes_stopped = parts_.guard->StoppedBecause();
  c.log_damage = parts_.logger->LogDamage();
  c.log_bytes_dropped = parts_.logger->LogBytesDropped();
  c.damaged_at_open = open_damage_;
  c.damaged_reads = damaged_reads_;
  return c;
}

namespace {

// The free bytes of the file system that holds `dir` (or would: its nearest
// existing parent). Nothing when it cannot be told.
std::optional<uint64_t> FreeBytes(rocksdb::FileSystem& fs, const std::string& dir) {
  std::filesystem::path at = std::filesystem::absolute(dir);
  std::error_code ec;
  while (!std::filesystem::exists(at, ec) && at.has_parent_path() && at.parent_path() != at) at = at.parent_path();
  uint64_t free = 0;
  if (!fs.GetFreeSpace(at, rocksdb::IOOptions(), &free, nullptr).ok()) return std::nullopt;
  return free;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& dir, const OpenOptions& open) {
  RocksParts parts;
  std::shared_ptr<rocksdb::FileSystem> fs = open.file_system ? open.file_system : rocksdb::FileSystem::Default();
  if (open.file_system) parts.env = rocksdb::NewCompositeEnv(open.file_system);
  parts.logger = std::make_shared<RocksLogger>();
  parts.guard = std::make_shared<WriteGuard>(fs.get(), dir, open.min_free_bytes);
  parts.sync = open.sync;
  parts.tail_bytes = open.posting_tail_bytes;
  if (const std::optional<uint64_t> free = FreeBytes(*fs, dir); free && *free < open.min_free_bytes)
    return Status(StatusCode::kResourceExhausted, "cannot open database at " + dir + ": its disk is full (" +
                                                      std::to_string(*free) + " bytes free, at least " +
                                                      std::to_string(open.min_free_bytes) + " needed)")
        .WithReason("DISK_FULL");
  rocksdb::Options options;
  options.create_if_missing = true;
  if (parts.env) options.env = parts.env.get();
  // RocksDB's log goes to our logger, never to a file beside the data
  // (storage/rocks_logger.h says why); the guard watches for a full disk.
  options.info_log = parts.logger;
  options.listeners.push_back(parts.guard);
  // A damaged write-ahead log: skip the damaged records and replay the rest
  // (the default stops at the first damage and drops everything after it).
  // Each batch is one record, and a batch holds a bulletin whole, so what
  // survives is consistent; what was skipped is reported (Condition).
  options.wal_recovery_mode = rocksdb::WALRecoveryMode::kSkipAnyCorruptedRecords;
  // Levels above the bottom are rewritten again soon (posting lists merge
  // on their way down): compressing them costs ingest CPU for nothing kept.
  // The bottom level, where data rests, is ZSTD.
  options.compression = rocksdb::kNoCompression;
  options.bottommost_compression = rocksdb::kZSTD;
  options.merge_operator = NewPostingMergeOperator();
  options.IncreaseParallelism(2);
  // Bulk ingest is bounded by compaction rewriting long posting lists:
  // large memtables (up to two, 512 MB at most) flush fewer, larger L0 files,
  // and a deep L0 and a large L1 merge them less often.
  options.write_buffer_size = 256 << 20;
  options.level0_file_num_compaction_trigger = 8;
  options.max_bytes_for_level_base = uint64_t{2} << 30;
  // Serving a bulletin by id is a point read of its record: a row cache
  // answers repeated ones without searching blocks.
  options.row_cache = rocksdb::NewLRUCache(64 << 20);
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(256 << 20);
  // Ingest looks up ids and page hashes that are mostly absent: blooms
  // answer those without reading blocks.
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(options, dir, &db);
  if (!s.ok()) return Status(StatusCode::kUnavailable, "cannot open database at " + dir + ": " + s.ToString());
  auto store = std::make_unique<RocksStore>(std::move(parts), db);
  if (Status loaded = store->LoadDocuments(); !loaded.ok()) return loaded;
  if (Status upgraded = store->UpgradeFormat(open.migrate_with); !upgraded.ok()) return upgraded;
  return std::unique_ptr<Store>(std::move(store));
}

Status RocksStore::LoadDocuments() {
  std::string stats;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::kStats, &stats);
  uint32_t next_docno = 0;
  CorpusTotals recorded;
  if (s.ok() && !DecodeStats(stats, &recorded, &next_docno)) return Corrupt("corpus statistics are corrupt");
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "corpus statistics");
  // Totals are summed from the entries themselves, not taken from m/stats:
  // after a damaged log was skipped (RocksOptions), a later batch's
  // statistics may count a batch that was lost.
  std::vector<std::pair<uint32_t, DocMeta>> docs;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  it->Seek(keys::kDocsBegin);
  uint32_t expected = 0;  // the next docno to look at
  while (true) {
    for (; it->Valid() && it->key().compare(keys::kDocsEnd) < 0; it->Next()) {
      uint32_t docno = 0;
      DocMeta meta;
      if (!keys::DocnoOf(it->key().ToStringView(), &docno) || !DecodeDocMeta(it->value().ToStringView(), &meta)) {
        open_damage_.push_back({"", "document entry " + Hex(it->key().ToString()) + " is corrupt"});
        continue;
      }
      expected = docno + 1;
      docs.emplace_back(docno, std::move(meta));
    }
    if (it->status().ok()) break;
    if (!it->status().IsCorruption()) return FromRocks(it->status(), "document table");
    // A damaged block: step over it docno by docno (its entries are lost
    // to search until a repair re-indexes their records).
    open_damage_.push_back(
        {"", "document entries from docno " + std::to_string(expected) + " are damaged: " + it->status().ToString()});
    do {
      it.reset(db_->NewIterator(rocksdb::ReadOptions()));
      it->Seek(keys::Doc(++expected));
    } while (!it->status().ok() && expected < next_docno);
    if (!it->status().ok()) break;
  }
  uint32_t limit = next_docno;
  for (const auto& [docno, meta] : docs) limit = std::max(limit, docno + 1);
  table_.Extend(limit);
  CorpusTotals totals;
  for (auto& [docno, meta] : docs) {
    ++totals.documents;
    for (int f = 0; f < kFieldCount; ++f) totals.length[f] += meta.length[f];
    table_.Set(docno, std::move(meta));
  }
  std::string changes;
  s = db_->Get(rocksdb::ReadOptions(), keys::kNextChange, &changes);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "change log");
  if (s.ok()) next_change_ = std::max<uint64_t>(1, std::strtoull(changes.c_str(), nullptr, 10));
  if (!db_->GetDbIdentity(db_identity_).ok()) db_identity_ = "db";
  std::lock_guard<std::mutex> write(write_mu_);
  totals_ = totals;
  std::string posted_bytes;
  s = db_->Get(rocksdb::ReadOptions(), keys::kPosted, &posted_bytes);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "posted docno");
  // Absent: a database of a format before the tail, whose lists were
  // always complete (UpgradeFormat writes it with the format, before any
  // entry can be left in a tail).
  uint32_t posted = limit;
  if (s.ok() && !DecodePosted(posted_bytes, &posted)) return Corrupt("m/posted is corrupt");
  if (Status rebuilt = RebuildTail(std::min(posted, limit)); !rebuilt.ok()) return rebuilt;
  Publish();
  return Status::Ok();
}

Status RocksStore::RebuildTail(uint32_t posted) {
  std::unique_lock<std::shared_mutex> tail(tail_mu_);
  tail_.Reset(posted);
  for (uint32_t docno = posted; docno < table_.DocLimit(); ++docno) {
    const DocMeta* m = table_.Meta(docno);
    if (!m) continue;  // deleted: a removal merges the tail down first
    v1::StoredBulletin record;
    const std::string key = keys::Record(m->date, m->source().id, m->id);
    if (Status read = ReadProto(*db_, key, "record of " + m->id, &record); !read.ok()) {
      open_damage_.push_back({m->id, "not searchable until a repair: " + read.message()});
      continue;
    }
    for (const auto& [folded, term] : IndexDocument(FromProto(record.bulletin())).terms) {
      std::string entries;
      AppendPosting(entries, docno, term);
      tail_.Append(folded, std::move(entries));
    }
  }
  return Status::Ok();
}

std::shared_ptr<const RocksStore::Version> RocksStore::CurrentVersion() const {
  std::lock_guard<std::mutex> lock(version_mu_);
  return version_;
}

void RocksStore::Publish() {
  auto version = std::make_shared<Version>(Version{table_.Snapshot(), totals_});
  std::lock_guard<std::mutex> lock(version_mu_);
  version_ = std::move(version);
}

uint64_t RocksStore::size() const { return CurrentVersion()->totals.documents; }

Result<StoredRecord> RocksStore::Get(const std::string& id, bool with_raw) const {
  std::string key;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::ById(id), &key);
  if (!s.ok()) return FromRocksForBulletin(s, id);
  return ReadRecord(key, id, with_raw);
}

Status RocksStore::GetBulletinWire(const std::string& id, std::string* bulletin) const {
  std::string key;
  rocksdb::PinnableSlice record;  // read in place: the one copy is the field's
  rocksdb::Status s;
  if (key_cache_->Find(id, &key)) {
    s = db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), key, &record);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "record of " + id);
  }
  if (key.empty() || s.IsNotFound()) {  // not remembered, or moved or gone since
    record.Reset();
    s = db_->Get(rocksdb::ReadOptions(), keys::ById(id), &key);
    if (!s.ok()) return FromRocksForBulletin(s, id);
    s = db_->Get(rocksdb::ReadOptions(), db_->DefaultColumnFamily(), key, &record);
    if (!s.ok()) return FromRocks(s, "record of " + id);
    key_cache_->Remember(id, key);
  }
  // StoredBulletin.bulletin is field 1: its bytes are the Bulletin's wire
  // form, found without parsing the record.
  std::string_view field;
  if (!FieldBytes(record.ToStringView(), 1, &field)) return Status::Internal("record of " + id + " is corrupt");
  bulletin->assign(field);
  return Status::Ok();
}

Result<std::vector<StoredRecord>> RocksStore::BatchGet(const std::vector<std::string>& ids) const {
  std::vector<StoredRecord> out;
  for (const std::string& id : ids) {
    Result<StoredRecord> r = Get(id, false);
    if (!r.ok()) return r.status();
    out.push_back(std::move(*r));
  }
  return out;
}

Result<StoredRecord> RocksStore::ReadRecord(const std::string& key, const std::string& id, bool with_raw) const {
  v1::StoredBulletin record;
  if (Status s = ReadProto(*db_, key, "record of " + id, &record); !s.ok()) return s;
  StoredRecord out{FromProto(record.bulletin()), "", FromProto(record.hints()), record.ingested_unix_ms()};
  if (with_raw) {
    Result<std::string> raw = ReadRaw(id);
    if (!raw.ok()) return raw.status();
    out.raw = std::move(*raw);
  }
  return out;
}

Result<std::string> RocksStore::ReadRaw(const std::string& id) const {
  std::string frame;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), keys::Raw(id), &frame);
  if (!s.ok()) return FromRocks(s, "raw page of " + id);
  Result<std::string> raw = Decompress(frame);
  if (!raw.ok()) return Status::Internal(raw.status().message() + " (" + id + ")");
  return raw;
}

Result<ListPage> RocksStore::List(const ListOptions& o) const {
  const int page_size = ClampPageSize(o.page_size, kDefaultListPageSize);
  std::string start = o.from_date.empty() ? keys::kRecordsBegin : keys::RecordDatePrefix(o.from_date);
  if (!o.page_token.empty()) {
    std::string after;
    if (!Unhex(o.page_token, &after) || after.rfind(keys::kRecordsBegin, 0) != 0)
      return Status::InvalidField("page_token", "not a token this service issued");
    start = after + '\0';
  }
  const std::string end = o.to_date.empty() ? keys::kRecordsEnd : keys::RecordDatePrefix(o.to_date) + "\xff";
  ListPage page;
  std::string last_key;
  // Takes the record under `key` unless the page is full (false). A record
  // whose bytes are damaged is reported and passed over.
  const auto take = [&](const std::string& key, std::string_view value) -> Result<bool> {
    v1::StoredBulletin record;
    // A damaged record is reported once: the next page starts after it.
    if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
      page.damaged.push_back({keys::IdOfRecordKey(key), "record " + key + " is corrupt"});
      last_key = key;
      return true;
    }
    const v1::Bulletin& b = record.bulletin();
    if (!o.source_id.empty() && b.source().id() != o.source_id) return true;
    if (!o.province.empty() && b.source().province() != o.province) return true;
    if (static_cast<int>(page.bulletins.size()) == page_size) {
      page.next_page_token = Hex(last_key);
      return false;
    }
    if (o.with_raw) {
      Result<std::string> raw = ReadRaw(b.id());
      // Deleted since the iterator was made: no longer listed.
      if (!raw.ok() && raw.status().code() == StatusCode::kNotFound) return true;
      if (!raw.ok() && raw.status().code() == StatusCode::kDataLoss) {
        page.damaged.push_back({b.id(), raw.status().message()});
        last_key = key;
        return true;
      }
      if (!raw.ok()) return raw.status();
      page.raws.push_back(std::move(*raw));
    }
    page.bulletins.push_back(FromProto(b));
    last_key = key;
    return true;
  };
  bool full = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(start); !full && it->Valid() && it->key().ToStringView() < end; it->Next()) {
    Result<bool> more = take(it->key().ToString(), it->value().ToStringView());
    if (!more.ok()) return more.status();
    full = !*more;
  }
  if (!full && !it->status().ok() && !it->status().IsCorruption()) return FromRocks(it->status(), "list");
  // A damaged block stops the scan. The rest of the page is read record by
  // record from the keys the document table knows, so that the records
  // around the damage are still listed and only those in it are reported.
  const std::string resume = last_key.empty() ? start : last_key + '\0';
  const std::vector<std::string> rest =
      full || it->status().ok() ? std::vector<std::string>() : RecordKeysBetween(resume, end);
  for (const std::string& key : rest) {
    std::string value;
    rocksdb::Status got = db_->Get(rocksdb::ReadOptions(), key, &value);
    if (got.IsNotFound()) continue;  // deleted since
    if (!got.ok()) {
      page.damaged.push_back({keys::IdOfRecordKey(key), FromRocks(got, "record " + key).message()});
      last_key = key;
      continue;
    }
    Result<bool> more = take(key, value);
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  damaged_reads_ += page.damaged.size();
  return page;
}

std::vector<std::string> RocksStore::RecordKeysBetween(const std::string& from, const std::string& to) const {
  const std::shared_ptr<const Version> version = CurrentVersion();
  const DocTable& table = *version->table;
  std::vector<std::string> found;
  for (uint32_t docno = 0; docno < table.DocLimit(); ++docno) {
    const DocMeta* doc = table.Meta(docno);
    if (!doc) continue;
    std::string key = keys::Record(doc->date, doc->source().id, doc->id);
    if (key >= from && key < to) found.push_back(std::move(key));
  }
  std::sort(found.begin(), found.end());
  return found;
}

Result<SourcesPage> RocksStore::ListSources(int page_size, const std::string& page_token) const {
  std::string after;
  if (!page_token.empty() && (!Unhex(page_token, &after) || after.empty()))
    return Status::InvalidField("page_token", "not a token this service issued");
  std::map<std::string, SourceSummary> by_id;
  {
    const std::shared_ptr<const Version> version = CurrentVersion();
    const DocTable& table = *version->table;
    for (uint32_t docno = 0; docno < table.DocLimit(); ++docno) {
      const DocMeta* doc = table.Meta(docno);
      if (!doc || (!page_token.empty() && doc->source().id <= after)) continue;
      SourceSummary& s = by_id[doc->source().id];
      if (s.count++ == 0) s.source = doc->source();
      if (doc->date.empty()) continue;
      if (s.first_date.empty() || doc->date < s.first_date) s.first_date = doc->date;
      if (doc->date > s.last_date) s.last_date = doc->date;
    }
  }
  SourcesPage page;
  const size_t limit = static_cast<size_t>(ClampPageSize(page_size, kDefaultListPageSize));
  for (auto& [id, summary] : by_id) {
    if (page.sources.size() == limit) {
      // Source ids are never empty in a token: an empty id sorts first and
      // so is always on the first page.
      page.next_page_token = Hex(page.sources.back().source.id);
      break;
    }
    page.sources.push_back(std::move(summary));
  }
  return page;
}

}  // namespace bantin
