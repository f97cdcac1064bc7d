// Recently served bulletins, as the encoded GetBulletinResponse bytes, so a
// hot bulletin is answered without touching RocksDB. Correct because a
// running server is the only writer of its database (reparse, restore and
// the like need it stopped) and ingest never changes a stored bulletin: the
// one change to watch is a delete, which calls Invalidate after its write.
//
// A reader notes generation() before it reads the store and passes it to
// Remember, which refuses bytes read before a later delete. Bounded in
// bytes: when full it forgets arbitrary entries. Safe from many threads.
#ifndef BANTIN_SERVICE_READ_CACHE_H_
#define BANTIN_SERVICE_READ_CACHE_H_

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace bantin {

class ReadCache {
 public:
  explicit ReadCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // The bytes remembered for `id`, or null.
  std::shared_ptr<const std::string> Find(const std::string& id) const;
  void Remember(const std::string& id, std::shared_ptr<const std::string> bytes, uint64_t read_generation);
  // After a delete is written: forgets everything read before it.
  void Invalidate();

 private:
  const size_t max_bytes_;
  std::atomic<uint64_t> generation_{0};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> entries_;  // guarded by mu_
  size_t bytes_ = 0;                                                             // guarded by mu_
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_READ_CACHE_H_
