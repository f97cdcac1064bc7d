// The durable home of bulletins: a RocksDB database on disk holding each
// parsed bulletin beside its raw page, ordered by date then source, with an
// inverted index of folded syllables written in the same atomic batch as the
// record (a record is never visible without its postings, nor the reverse).
//
// A Store is safe to use from many threads; writes are serialised.
#ifndef BANTIN_STORAGE_STORE_H_
#define BANTIN_STORAGE_STORE_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/bulletin.h"
#include "core/status.h"

namespace rocksdb {
class DB;
}

namespace bantin {

struct StoredRecord {
  Bulletin bulletin;
  std::string raw;
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
  int page_size = 50;
  std::string page_token;
};

struct ListPage {
  std::vector<Bulletin> bulletins;
  std::string next_page_token;  // empty on the last page
};

struct SearchHit {
  Bulletin bulletin;
  double score = 0;
  std::string snippet;
};

struct SearchPage {
  std::vector<SearchHit> hits;
  int64_t total = 0;
  std::string next_page_token;
};

class Store {
 public:
  // Opens (creating if missing) the database in `dir`.
  static Result<std::unique_ptr<Store>> Open(const std::string& dir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores a parsed bulletin (its id set) and the raw page. Idempotent:
  // the same id again changes nothing and reports created = false.
  Result<PutOutcome> Put(const Bulletin& bulletin, const std::string& raw);
  Result<StoredRecord> Get(const std::string& id) const;
  Result<ListPage> List(const ListOptions& options) const;
  Result<SearchPage> Search(const std::string& query, int page_size,
                            const std::string& page_token) const;

 private:
  explicit Store(rocksdb::DB* db);
  // The record under primary `key`; `id` names it in errors.
  Result<StoredRecord> ReadRecord(const std::string& key, const std::string& id) const;
  std::unique_ptr<rocksdb::DB> db_;
  std::mutex write_mu_;
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_STORE_H_
