// The durable home of bulletins: a RocksDB database on disk holding each
// parsed bulletin beside its compressed raw page, ordered by date then
// source, with an inverted index of folded syllables written in the same
// atomic batch as the record (a record is never visible without its
// postings, nor the reverse). Layout: storage/README.md.
//
// A Store is safe to use from many threads; writes are serialised.
#ifndef BANTIN_STORAGE_STORE_H_
#define BANTIN_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "core/bulletin.h"
#include "core/highlight.h"
#include "core/parser.h"
#include "core/search_engine.h"
#include "core/status.h"

namespace rocksdb {
class DB;
class WriteBatch;
}  // namespace rocksdb

namespace bantin::v1 {
class StoredBulletin;
}  // namespace bantin::v1

namespace bantin {

class FrequencyMemo;
class KeyCache;

struct IngestItem {
  Bulletin bulletin;  // parsed, id set
  std::string raw;    // the page it was parsed from
  ParseHints hints;   // kept for reparse
};

struct StoredRecord {
  Bulletin bulletin;
  std::string raw;  // only when asked for
  ParseHints hints;
  int64_t ingested_unix_ms = 0;
};

struct PutOutcome {
  Bulletin bulletin;  // as stored (the earlier copy when not created)
  bool created = false;
};

struct ListOptions {
  std::string source_id;
  std::string province;
  std::string from_date;  // inclusive YYYY-MM-DD, empty = unbounded
  std::string to_date;    // inclusive YYYY-MM-DD, empty = unbounded
  int page_size = 50;     // clamped to [1, 500]
  std::string page_token;
};

struct ListPage {
  std::vector<Bulletin> bulletins;
  std::string next_page_token;  // empty on the last page
};

struct SourceSummary {
  Source source;
  uint64_t count = 0;
  std::string first_date;  // over dated bulletins; empty when none is dated
  std::string last_date;
};

struct SourcesPage {
  std::vector<SourceSummary> sources;  // by source id
  std::string next_page_token;         // empty on the last page
};

struct SearchHit {
  Bulletin bulletin;
  double score = 0;
  int exact_terms = 0;
  std::vector<Snippet> snippets;
};

struct SearchPage {
  std::vector<SearchHit> hits;
  uint64_t total = 0;
  std::vector<FacetCount> provinces;
  std::vector<FacetCount> months;
  std::string next_page_token;
};

using ParseFunction = std::function<Bulletin(const std::string& raw, const ParseHints& hints)>;

struct ReparseReport {
  uint64_t records = 0;  // examined
  uint64_t rebuilt = 0;  // re-parsed and re-indexed
};

class Store {
 public:
  // Opens (creating if missing) the database in `dir`.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir);
  // Restores the latest backup in `backup_dir` into `db_dir` (which must not
  // be open). The result is an ordinary database for Open.
  static Status Restore(const std::string& backup_dir, const std::string& db_dir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores a parsed bulletin and its raw page. Idempotent: the same id, or
  // the same raw page, again changes nothing and reports created = false.
  Result<PutOutcome> Put(const Bulletin& bulletin, const std::string& raw,
                         const ParseHints& hints = {});
  // Many at once in one atomic batch: the fast path for bulk ingest.
  Result<std::vector<PutOutcome>> PutMany(const std::vector<IngestItem>& items);
  Result<StoredRecord> Get(const std::string& id, bool with_raw = false) const;
  // The bulletin's protobuf wire form (a serialized v1::Bulletin) exactly as
  // stored: no parse, no copy through core's Bulletin. The fast path for
  // serving a read as it is.
  Status GetBulletinWire(const std::string& id, std::string* bulletin) const;
  // All or nothing: NotFound names the first missing id.
  Result<std::vector<StoredRecord>> BatchGet(const std::vector<std::string>& ids) const;
  // Removes the record, its raw page and its postings. NotFound when absent.
  Status Delete(const std::string& id);
  Result<ListPage> List(const ListOptions& options) const;
  // Sources by id, with counts and date spans; page_size clamped to [1, 500].
  Result<SourcesPage> ListSources(int page_size = 0, const std::string& page_token = "") const;
  Result<SearchPage> Search(const std::string& query, const SearchOptions& options = {}) const;
  // Re-parses stored raw pages with `parse` and rebuilds their records and
  // postings; ids stay. With all = false only records of another parser
  // version are rebuilt.
  Result<ReparseReport> Reparse(const ParseFunction& parse, bool all);
  // Adds a backup of the live database to `backup_dir` (RocksDB BackupEngine).
  Status Backup(const std::string& backup_dir);
  // Flushes memory tables and compacts everything: merges each posting
  // list's pending additions into one value.
  Status Compact();
  // Checks every record has its id entry, document entry and postings, and
  // every document entry its record. The first inconsistency is an error.
  Status CheckIntegrity() const;
  uint64_t size() const;

 private:
  struct Prepared;
  struct Staged;
  class IndexView;
  static Prepared Prepare(const Bulletin& bulletin, const std::string& raw, const ParseHints& hints,
                          int64_t ingested_unix_ms);
  class Preparer;
  explicit Store(rocksdb::DB* db);
  Status LoadDocuments();
  void BeginStaging(Staged& staged) const;
  Status StageAddition(Staged& staged, const Bulletin& bulletin, Prepared& prepared);
  // `record` is what `primary_key` holds.
  Status StageRemoval(Staged& staged, const std::string& primary_key,
                      const v1::StoredBulletin& record);
  Status Commit(Staged& staged);
  // The record under primary `key`; `id` names it in errors.
  Result<StoredRecord> ReadRecord(const std::string& key, const std::string& id,
                                  bool with_raw) const;
  Result<std::string> ReadRaw(const std::string& id) const;

  std::unique_ptr<rocksdb::DB> db_;
  std::unique_ptr<KeyCache> key_cache_;  // id → primary key, for GetBulletinWire
  std::unique_ptr<FrequencyMemo> frequencies_;  // document frequencies between searches
  std::mutex write_mu_;  // serialises writers
  // The document table: guarded by doc_mu_ (shared for readers); changed
  // only after the batch that makes it true is written.
  mutable std::shared_mutex doc_mu_;
  std::vector<std::unique_ptr<DocMeta>> docs_;  // by docno; null when deleted
  std::vector<DocRow> rows_;                    // by docno; live exactly when docs_ is set
  FilterKeys keys_;                             // numbers of rows_' filter keys
  CorpusTotals totals_;
  uint32_t next_docno_ = 0;
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_STORE_H_
