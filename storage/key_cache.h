// A read-through cache of id → primary key, so serving a bulletin by id is
// one RocksDB read instead of two. Never invalidated, and never wrong: a
// primary key is made of the bulletin's date, source and id, so whatever
// sits under a remembered key is that bulletin; when a record has moved
// (reparse changed its date) or gone (delete), the read under the old key
// misses and the caller asks `i/<id>` again and calls Remember with the
// answer. Bounded: when full it starts over. Safe from many threads.
#ifndef BANTIN_STORAGE_KEY_CACHE_H_
#define BANTIN_STORAGE_KEY_CACHE_H_

#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace bantin {

class KeyCache {
 public:
  explicit KeyCache(size_t capacity) : capacity_(capacity) {}
  // True, with the remembered key, when `id` is known.
  bool Find(const std::string& id, std::string* key) const;
  void Remember(const std::string& id, const std::string& key);

 private:
  const size_t capacity_;
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::string> keys_;  // guarded by mu_
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_KEY_CACHE_H_
