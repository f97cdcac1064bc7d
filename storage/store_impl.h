// Internal to storage/: the RocksDB implementation of Store (store.h), its
// members and the locks that guard them. Method bodies: store.cc (open,
// reads), store_write.cc, store_search.cc, store_admin.cc, store_format.cc
// (format and migration), store_changes.cc (the change log),
// store_repair.cc.
#ifndef BANTIN_STORAGE_STORE_IMPL_H_
#define BANTIN_STORAGE_STORE_IMPL_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "bantin/index/doc_table.h"
#include "bantin/storage/store.h"
#include "posting_tail.h"

namespace rocksdb {
class DB;
class Env;
class WriteBatch;
}  // namespace rocksdb

namespace bantin::v1 {
class StoredBulletin;
}  // namespace bantin::v1

namespace bantin {

class FrequencyMemo;
class KeyCache;
class RocksLogger;
class WriteGuard;

// What a RocksStore keeps alive around its database: RocksDB holds raw
// pointers to the environment, and shares the logger and the guard.
struct RocksParts {
  std::unique_ptr<rocksdb::Env> env;  // null: the default environment
  std::shared_ptr<RocksLogger> logger;
  std::shared_ptr<WriteGuard> guard;
  bool sync = false;
  size_t tail_bytes = 0;  // OpenOptions::posting_tail_bytes
};

class RocksStore final : public Store {
 public:
  RocksStore(RocksParts parts, rocksdb::DB* db);
  ~RocksStore() override;

  Result<PutOutcome> Put(const Bulletin& bulletin, const std::string& raw, const ParseHints& hints) override;
  Result<std::vector<PutOutcome>> PutMany(const std::vector<IngestItem>& items) override;
  Result<StoredRecord> Get(const std::string& id, bool with_raw) const override;
  Status GetBulletinWire(const std::string& id, std::string* bulletin) const override;
  Result<std::vector<StoredRecord>> BatchGet(const std::vector<std::string>& ids) const override;
  Status Delete(const std::string& id) override;
  Result<ListPage> List(const ListOptions& options) const override;
  Result<SourcesPage> ListSources(int page_size, const std::string& page_token) const override;
  Result<SearchPage> Search(const std::string& query, const SearchOptions& options) const override;
  Result<Changes> ChangesSince(const std::string& since, size_t max) const override;
  std::string ChangeCursor() const override;
  Result<ReparseReport> Reparse(const ParseFunction& parse, bool all) override;
  Status Backup(const std::string& backup_dir) override;
  Status Compact() override;
  Status CheckIntegrity() const override;
  uint64_t size() const override;
  StoreCondition Condition() const override;

  // Reads the document table and totals at open.
  Status LoadDocuments();
  // Re-parses every bulletin whose raw page can be read into `fresh`
  // (Store::Repair).
  Result<RepairReport> CopyInto(Store& fresh, const ParseFunction& parse) const;
  // Brings an older database to the current format (store_format.cc),
  // re-parsing with `parse`; marks a new one.
  Status UpgradeFormat(const ParseFunction& parse);

 private:
  struct Prepared;
  struct Staged;
  class IndexView;
  static Prepared Prepare(const Bulletin& bulletin, const std::string& raw, const ParseHints& hints,
                          int64_t ingested_unix_ms);
  class Preparer;
  void BeginStaging(Staged& staged) const;
  // A page the batch being built files, as later pages of it see it.
  struct StagedPage {
    const std::string* raw;
    std::string source_id;
    std::string id;
  };
  // Where a page goes (storage/README.md, Identity): under h/<slot>, its
  // PageId or, when other pages' bytes hash the same, PageId.N. `holder`
  // is the id of the record the same page from the same source already is
  // (stored or staged), "" when it is new. A reparse of record `self` takes
  // the first slot free or its own, and never joins another record.
  struct Placement {
    std::string slot;
    std::string holder;
  };
  static constexpr int kMaxPageSlots = 16;
  Result<Placement> Place(const Staged& staged, const std::string& page_id, const std::string& raw,
                          const std::string& source_id, const std::string& self) const;
  // `proposed`, or proposed-2, -3 … when a different page holds it.
  Result<std::string> FreeId(const Staged& staged, const std::string& proposed) const;
  // Stages `bulletin` (its id final) filed under page `slot`.
  Status StageAddition(Staged& staged, const Bulletin& bulletin, Prepared& prepared, const std::string& slot);
  // `record` is what `primary_key` holds.
  Status StageRemoval(Staged& staged, const std::string& primary_key, const v1::StoredBulletin& record);
  Status Commit(Staged& staged);
  // Merges the posting tail into RocksDB's lists (posting_tail.h). Caller
  // holds write_mu_.
  Status FlushTail();
  // Indexes the live documents numbered from `posted` again from their
  // records: the tail a crash or close left unmerged. At open.
  Status RebuildTail(uint32_t posted);
  // The record under primary `key`; `id` names it in errors.
  Result<StoredRecord> ReadRecord(const std::string& key, const std::string& id, bool with_raw) const;
  Result<std::string> ReadRaw(const std::string& id) const;
  // The primary keys in [from, to) of the documents the current version
  // knows, sorted: what List reads one by one past a damaged block.
  std::vector<std::string> RecordKeysBetween(const std::string& from, const std::string& to) const;
  // The other records of `bulletin`'s article (its copy id), by source id.
  Result<std::vector<CopyOf>> CopiesOf(const Bulletin& bulletin) const;

  // What searches and listings read: the document table and the corpus
  // totals as the last commit left them. Immutable once published.
  struct Version {
    std::shared_ptr<const DocTable> table;
    CorpusTotals totals;
  };
  // The current version; readers keep it as long as they read.
  std::shared_ptr<const Version> CurrentVersion() const;
  // Makes table_ and totals_ the current version. Caller holds write_mu_.
  void Publish();

  RocksParts parts_;  // outlives db_
  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<KeyCache> key_cache_;         // id → primary key, for GetBulletinWire
  std::unique_ptr<FrequencyMemo> frequencies_;  // document frequencies between searches
  // Writers take write_mu_ and change table_ and totals_ only after the
  // batch that makes them true is written, then publish them. Readers never
  // wait for a writer, nor a writer for readers: a reader holds a Version,
  // whose table is a snapshot (DocTable shares its segments copy-on-write).
  // Every docno below table_.DocLimit() has been issued.
  // What LoadDocuments found damaged (reported by DamageAtOpen).
  std::vector<DamagedRecord> open_damage_;
  mutable std::atomic<uint64_t> damaged_reads_{0};  // StoreCondition::damaged_reads
  std::mutex write_mu_;
  // The newest documents' posting entries. Changed only under write_mu_ and,
  // because searches read it, under tail_mu_ held exclusively; a search
  // holds tail_mu_ shared while it reads a list (RocksDB's part and the
  // tail's), so it never sees a flush half done.
  mutable std::shared_mutex tail_mu_;
  PostingTail tail_;                      // GUARDED_BY(tail_mu_)
  DocTable table_;                        // GUARDED_BY(write_mu_)
  CorpusTotals totals_;                   // GUARDED_BY(write_mu_)
  std::atomic<uint64_t> next_change_{1};  // written under write_mu_; read by ChangeCursor
  std::string db_identity_;               // RocksDB's id of this database, in cursors
  mutable std::mutex version_mu_;
  std::shared_ptr<const Version> version_;  // GUARDED_BY(version_mu_)
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_STORE_IMPL_H_
