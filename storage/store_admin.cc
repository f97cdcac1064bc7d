// Store administration: backups through RocksDB's BackupEngine, restore, and
// the integrity check the crash-recovery test relies on.
#include <rocksdb/db.h>
#include <rocksdb/utilities/backup_engine.h>

#include <algorithm>
#include <shared_mutex>
#include <unordered_map>

#include "bantin/index/index_document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "doc_table.h"
#include "keys.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {

Status RocksStore::Backup(const std::string& backup_dir) {
  rocksdb::BackupEngine* raw_engine = nullptr;
  rocksdb::IOStatus s =
      rocksdb::BackupEngine::Open(rocksdb::BackupEngineOptions(backup_dir), rocksdb::Env::Default(), &raw_engine);
  if (!s.ok()) return Status::Internal("backup engine at " + backup_dir + ": " + s.ToString());
  std::unique_ptr<rocksdb::BackupEngine> engine(raw_engine);
  {
    std::lock_guard<std::mutex> write(write_mu_);  // the backup holds every list whole
    if (Status flushed = FlushTail(); !flushed.ok()) return flushed;
  }
  rocksdb::CreateBackupOptions options;
  options.flush_before_backup = true;
  s = engine->CreateNewBackup(options, db_.get());
  if (!s.ok()) return Status::Internal("backup to " + backup_dir + ": " + s.ToString());
  return Status::Ok();
}

Status RocksStore::Compact() {
  {
    std::lock_guard<std::mutex> write(write_mu_);  // compacted lists are whole lists
    if (Status flushed = FlushTail(); !flushed.ok()) return flushed;
  }
  rocksdb::Status s = db_->Flush(rocksdb::FlushOptions());
  // Forced: a lone L0 file would otherwise be moved down as it is, keeping
  // its merge operands unfolded and its LZ4 blocks (the bottom level is ZSTD).
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  if (s.ok()) s = db_->CompactRange(options, nullptr, nullptr);
  return FromRocks(s, "compaction");
}

Status Store::Restore(const std::string& backup_dir, const std::string& db_dir) {
  rocksdb::BackupEngineReadOnly* raw_engine = nullptr;
  rocksdb::IOStatus s = rocksdb::BackupEngineReadOnly::Open(rocksdb::BackupEngineOptions(backup_dir),
                                                            rocksdb::Env::Default(), &raw_engine);
  if (!s.ok()) return Status::NotFound("no backup at " + backup_dir + ": " + s.ToString());
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw_engine);
  s = engine->RestoreDBFromLatestBackup(db_dir, db_dir);
  if (!s.ok()) return Status::Internal("restore into " + db_dir + ": " + s.ToString());
  return Status::Ok();
}

Status RocksStore::CheckIntegrity() const {
  // One pass over the index first: reading each list once keeps the check
  // linear in the database size.
  std::unordered_map<std::string, std::vector<uint32_t>> index;
  // The docnos of one list (RocksDB's part or the tail's) added to its term's.
  const auto add = [&index](const std::string& folded, std::string_view list, const std::string& where) {
    std::vector<PostingRef> refs;
    if (!SplitPostings(list, &refs)) return Status::Internal(where + ": corrupt list");
    std::vector<uint32_t>& docnos = index[folded];
    for (const PostingRef& r : refs) docnos.push_back(r.docno);
    return Status::Ok();
  };
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(keys::kPostingsBegin); it->Valid() && it->key().compare(keys::kPostingsEnd) < 0; it->Next()) {
    const std::string key = it->key().ToString();
    // The key without "p/".
    if (Status s = add(key.substr(2), it->value().ToStringView(), key); !s.ok()) return s;
  }
  {
    std::shared_lock<std::shared_mutex> tail(tail_mu_);
    for (const auto& [folded, entries] : tail_.lists())
      if (Status s = add(folded, entries, "tail of '" + folded + "'"); !s.ok()) return s;
  }
  for (auto& [folded, docnos] : index) std::sort(docnos.begin(), docnos.end());
  uint64_t records = 0;
  for (it->Seek(keys::kRecordsBegin); it->Valid() && it->key().compare(keys::kRecordsEnd) < 0; it->Next()) {
    ++records;
    const std::string key = it->key().ToString();
    v1::StoredBulletin record;
    if (!record.ParseFromArray(it->value().data(), static_cast<int>(it->value().size())))
      return Status::Internal(key + ": record is corrupt");
    const Bulletin b = FromProto(record.bulletin());
    std::string primary, meta_bytes, raw;
    if (!db_->Get(rocksdb::ReadOptions(), keys::ById(b.id), &primary).ok() || primary != key)
      return Status::Internal(key + ": no id entry");
    if (!db_->Get(rocksdb::ReadOptions(), keys::Raw(b.id), &raw).ok()) return Status::Internal(key + ": no raw page");
    DocMeta meta;
    if (!db_->Get(rocksdb::ReadOptions(), keys::Doc(record.docno()), &meta_bytes).ok() ||
        !DecodeDocMeta(meta_bytes, &meta) || meta.id != b.id)
      return Status::Internal(key + ": no document entry");
    for (const auto& entry : IndexDocument(b).terms) {
      const auto list = index.find(entry.first);
      if (list == index.end() || !std::binary_search(list->second.begin(), list->second.end(), record.docno()))
        return Status::Internal(key + ": no posting for '" + entry.first + "'");
    }
  }
  if (!it->status().ok()) return FromRocks(it->status(), "integrity scan");
  const std::shared_ptr<const Version> version = CurrentVersion();
  const RowView rows = version->table->Rows();
  uint64_t live = 0;
  for (uint32_t docno = 0; docno < rows.size(); ++docno) live += rows[docno].live ? 1 : 0;
  if (live != records || version->totals.documents != records)
    return Status::Internal(std::to_string(records) + " records but " + std::to_string(live) +
                            " document entries and statistics of " + std::to_string(version->totals.documents));
  return Status::Ok();
}

}  // namespace bantin
