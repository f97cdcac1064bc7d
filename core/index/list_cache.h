// Posting lists a memory index read from its StoredLists (a saved index's
// file), kept for the searches after: a reader refines a query word by
// word, and each search reads the lists of all its words again. Kept up to
// a budget of bytes; the list used longest ago goes first. A list larger
// than the whole budget is not kept.
//
// The lists are shared, never changed: a search holding one (PostingBytes's
// `keep`) keeps reading it after the cache has let it go. Safe to use from
// several threads at once.
#ifndef BANTIN_INDEX_LIST_CACHE_H_
#define BANTIN_INDEX_LIST_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace bantin {

class ListCache {
 public:
  explicit ListCache(size_t budget_bytes) : budget_(budget_bytes) {}

  // The list kept for `folded`, now the most recently used; null when none.
  std::shared_ptr<const std::string> Find(const std::string& folded);
  // Keeps `list` as the one of `folded`, letting older ones go to stay
  // within the budget.
  void Put(const std::string& folded, std::shared_ptr<const std::string> list);
  // Lets the list of `folded` go (the index took it to change it).
  void Erase(const std::string& folded);
  // The bytes of the lists kept.
  size_t bytes() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const std::string>>;
  void EraseLocked(std::list<Entry>::iterator it);

  const size_t budget_;
  mutable std::mutex mu_;
  size_t bytes_ = 0;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace bantin

#endif  // BANTIN_INDEX_LIST_CACHE_H_
