// RocksStore::ChangesSince: the change log (s/ keys) read from a cursor.
// Every batch that stores or deletes a bulletin logs it with the next
// change number, in the same batch; a reparse logs a delete and a store of
// the same id, which readers see as one store.
#include <rocksdb/db.h>

#include <cstdlib>
#include <unordered_map>

#include "bantin/digest.h"
#include "keys.h"
#include "store_impl.h"
#include "store_util.h"

namespace bantin {

std::string RocksStore::ChangeCursor() const { return db_identity_ + ":" + std::to_string(next_change_.load()); }

Result<Changes> RocksStore::ChangesSince(const std::string& since, size_t max) const {
  Changes out;
  // Read before the log: every change numbered below it is written.
  const uint64_t present = next_change_;
  const size_t colon = since.rfind(':');
  if (since.empty() || colon == std::string::npos || since.substr(0, colon) != db_identity_) {
    // No cursor, or another database's: the reader must start over.
    out.reset = true;
    out.cursor = db_identity_ + ":" + std::to_string(present);
    return out;
  }
  char* end = nullptr;
  const uint64_t from = std::strtoull(since.c_str() + colon + 1, &end, 10);
  if (*end != '\0' || from == 0 || from > present)
    return Status::InvalidField("since", "not a cursor this server issued");
  // The last change of each id wins; ids keep the order of their last change.
  std::unordered_map<std::string, size_t> last;  // id → index in `order`
  std::vector<std::pair<std::string, char>> order;
  uint64_t next = from;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions()));
  for (it->Seek(keys::Change(from)); it->Valid() && it->key().compare(keys::kChangesEnd) < 0; it->Next()) {
    if (order.size() == max) {
      out.more = true;
      break;
    }
    uint64_t number = 0;
    const std::string_view value = it->value().ToStringView();
    if (!keys::ChangeOf(it->key().ToStringView(), &number) || value.size() < 2 || (value[0] != 'A' && value[0] != 'D'))
      return Corrupt("change log entry " + Hex(it->key().ToString()) + " is corrupt");
    std::string id(value.substr(1));
    if (auto seen = last.find(id); seen != last.end()) order[seen->second].second = 0;  // superseded
    last[id] = order.size();
    order.emplace_back(std::move(id), value[0]);
    next = number + 1;
  }
  if (!it->status().ok()) return FromRocks(it->status(), "change log");
  for (auto& [id, op] : order) {
    if (op == 'A') out.stored.push_back(std::move(id));
    if (op == 'D') out.deleted.push_back(std::move(id));
  }
  out.cursor = db_identity_ + ":" + std::to_string(out.more ? next : std::max(next, present));
  return out;
}

}  // namespace bantin
