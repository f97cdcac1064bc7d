// The durable home of bulletins: a RocksDB database on disk holding each
// parsed bulletin beside its compressed raw page, ordered by date then
// source, with an inverted index of folded syllables written in the same
// atomic batch as the record (a record is never visible without its
// postings, nor the reverse). Layout: storage/README.md.
//
// A Store is safe to use from many threads; writes are serialised. Open
// gives the RocksDB implementation (store_impl.h, private to storage/).
#ifndef BANTIN_STORAGE_STORE_H_
#define BANTIN_STORAGE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"
#include "bantin/search/highlight.h"
#include "bantin/search/search_engine.h"
#include "bantin/status.h"

namespace rocksdb {
class FileSystem;
}

namespace bantin {

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
  int page_size = 0;      // 0: the default; see ClampPageSize
  std::string page_token;
  bool with_raw = false;  // also read each bulletin's raw page (ListPage::raws)
};

// A record a read passed over because its bytes on disk are damaged; the
// read went on with the others. `reason` is the storage error, naming the
// file when RocksDB does.
struct DamagedRecord {
  std::string id;  // "" when the damage hides it
  std::string reason;
};

struct ListPage {
  std::vector<Bulletin> bulletins;
  std::vector<std::string> raws;  // with_raw: raws[i] is the page bulletins[i] was parsed from
  std::string next_page_token;    // empty on the last page
  std::vector<DamagedRecord> damaged;
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

struct SearchPage {
  std::vector<SearchHit> hits;
  uint64_t total = 0;
  std::vector<FacetCount> provinces;
  std::vector<FacetCount> months;
  std::vector<FacetCount> places;
  std::string next_page_token;
  std::vector<DamagedRecord> damaged;  // hits left out
};

using ParseFunction = std::function<Bulletin(const std::string& raw, const ParseHints& hints)>;

struct ReparseReport {
  uint64_t records = 0;  // examined
  uint64_t rebuilt = 0;  // re-parsed and re-indexed
};

// What is wrong with an open database, for health checks and metrics
// (README.md, Reliability).
struct StoreCondition {
  std::string writes_stopped;  // "" while writes work, else why they do not (reads go on)
  // What opening skipped of a damaged write-ahead log: RocksDB's lines
  // naming the log file and the bytes dropped. The batches in them are lost.
  std::vector<std::string> log_damage;
  uint64_t log_bytes_dropped = 0;
  // Document entries found damaged when opening: their bulletins are not
  // searchable until `bantin repair`.
  std::vector<DamagedRecord> damaged_at_open;
  // Records (and posting lists) List and Search passed over since opening
  // because their bytes are damaged.
  uint64_t damaged_reads = 0;
};

struct OpenOptions {
  // Free bytes the disk must keep. Open refuses with less (RESOURCE_EXHAUSTED,
  // reason DISK_FULL), and so does a write that would leave less beyond
  // what flushing the memtables needs; writes go on by themselves once
  // there is room again (storage/write_guard.h).
  uint64_t min_free_bytes = 1 << 20;
  // Each write is synced to the disk before it is acknowledged: it then
  // survives power loss, not only a crash of the process (the cost:
  // bench/RESULTS.md, "Durability").
  bool sync = false;
  // New documents' posting entries are held in memory until they reach this
  // many bytes, then merged into the lists on disk in one batch
  // (storage/posting_tail.h): larger ingests faster and holds more memory.
  // The default holds about ten thousand bulletins, what a crash makes the
  // next open index again (bench/RESULTS.md, "The posting tail").
  size_t posting_tail_bytes = size_t{32} << 20;
  // The file system RocksDB uses: the machine's when null. Tests pass one
  // that fails on purpose (a disk that fills).
  std::shared_ptr<rocksdb::FileSystem> file_system;
  // The parser that migrates a database of an older format (it re-parses
  // every record; storage/store_format.cc). Without one such a database
  // does not open (FAILED_PRECONDITION, reason DATABASE_FORMAT).
  ParseFunction migrate_with;
};

// What changed in a store after a point of its change log (ChangesSince).
// Cursors are opaque tokens: "<database id>:<change number>".
struct Changes {
  std::vector<std::string> stored;   // ids stored or rebuilt since, each once, in change order
  std::vector<std::string> deleted;  // ids deleted since and not stored again
  std::string cursor;                // the point after these changes: the next call's `since`
  // No `since`, or another database's: nothing else is said; the reader
  // must drop what it had and read everything (a listing), then go on
  // from `cursor`, taken before it read.
  bool reset = false;
  bool more = false;  // `max` was reached: ask again from `cursor`
};

// What Store::Repair did.
struct RepairReport {
  uint64_t kept = 0;                // bulletins rebuilt, ids kept
  uint64_t without_record = 0;      // of those, rebuilt from the raw page alone (record damaged: hints lost)
  std::vector<DamagedRecord> lost;  // raw page damaged: not rebuilt
  bool rocksdb_repair_ran = false;  // the database did not open; RocksDB's RepairDB ran first
  std::string moved_aside;          // where the damaged database now is
};

class Store {
 public:
  // Opens (creating if missing) the database in `dir`.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir, const OpenOptions& options = {});
  // Restores the latest backup in `backup_dir` into `db_dir` (which must not
  // be open). The result is an ordinary database for Open.
  static Status Restore(const std::string& backup_dir, const std::string& db_dir);
  // Rebuilds a damaged database (which must not be open): every bulletin
  // whose raw page can be read is re-parsed with `parse` into a new
  // database, keeping its id and hints; the old one is moved aside, not
  // deleted (storage/store_repair.cc).
  static Result<RepairReport> Repair(const std::string& dir, const ParseFunction& parse);
  virtual ~Store() = default;

  // Stores a parsed bulletin and its raw page. Idempotent per page: the same
  // raw bytes from the same source (bulletin.source.id) again change nothing
  // and report created = false with the stored bulletin. Anything else is a
  // new record, never merged into another: bytes are compared, not only
  // hashes, and when the proposed id is held by a different page the record
  // gets id-2 (then -3, …), which the outcome carries.
  virtual Result<PutOutcome> Put(const Bulletin& bulletin, const std::string& raw, const ParseHints& hints = {}) = 0;
  // Many at once in one atomic batch: the fast path for bulk ingest.
  virtual Result<std::vector<PutOutcome>> PutMany(const std::vector<IngestItem>& items) = 0;
  virtual Result<StoredRecord> Get(const std::string& id, bool with_raw = false) const = 0;
  // The bulletin's protobuf wire form (a serialized v1::Bulletin) exactly as
  // stored: no parse, no copy through core's Bulletin. The fast path for
  // serving a read as it is.
  virtual Status GetBulletinWire(const std::string& id, std::string* bulletin) const = 0;
  // All or nothing: NotFound names the first missing id.
  virtual Result<std::vector<StoredRecord>> BatchGet(const std::vector<std::string>& ids) const = 0;
  // Removes the record, its raw page and its postings. NotFound when absent.
  virtual Status Delete(const std::string& id) = 0;
  virtual Result<ListPage> List(const ListOptions& options) const = 0;
  // Sources by id, with counts and date spans; paged as ClampPageSize
  // (bantin/paging.h) says, default kDefaultListPageSize.
  virtual Result<SourcesPage> ListSources(int page_size = 0, const std::string& page_token = "") const = 0;
  // What changed after `since` ("" or a cursor from an earlier answer), at
  // most `max` changes read: the log of every store and delete, by change
  // number (storage/README.md). Reading costs one log entry per change.
  virtual Result<Changes> ChangesSince(const std::string& since, size_t max) const = 0;
  // The cursor of the present: ChangesSince(ChangeCursor()) is empty.
  virtual std::string ChangeCursor() const = 0;
  virtual Result<SearchPage> Search(const std::string& query, const SearchOptions& options = {}) const = 0;
  // Re-parses stored raw pages with `parse` and rebuilds their records and
  // postings; ids stay, and a record never joins another. With all = false only records of another parser
  // version are rebuilt.
  virtual Result<ReparseReport> Reparse(const ParseFunction& parse, bool all) = 0;
  // Adds a backup of the live database to `backup_dir` (RocksDB BackupEngine).
  virtual Status Backup(const std::string& backup_dir) = 0;
  // Flushes memory tables and compacts everything: merges each posting
  // list's pending additions into one value.
  virtual Status Compact() = 0;
  // Checks every record has its id entry, document entry and postings, and
  // every document entry its record. The first inconsistency is an error.
  virtual Status CheckIntegrity() const = 0;
  virtual uint64_t size() const = 0;
  virtual StoreCondition Condition() const = 0;
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_STORE_H_
