#include "read_cache.h"

#include <mutex>

namespace bantin {

std::shared_ptr<const std::string> ReadCache::Find(const std::string& id) const {
  if (max_bytes_ == 0) return nullptr;
  std::shared_lock lock(mu_);
  const auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : it->second;
}

void ReadCache::Remember(const std::string& id, std::shared_ptr<const std::string> bytes, uint64_t read_generation) {
  if (bytes->size() > max_bytes_) return;
  std::unique_lock lock(mu_);
  // Checked under the lock Invalidate takes: bytes read before a delete
  // never outlive it.
  if (read_generation != generation_.load(std::memory_order_acquire)) return;
  if (bytes_ + bytes->size() > max_bytes_) {
    // Full: forget arbitrary entries down to three quarters, so a working
    // set a little larger than the cache still mostly hits.
    for (auto it = entries_.begin(); it != entries_.end() && bytes_ + bytes->size() > max_bytes_ / 4 * 3;) {
      bytes_ -= it->second->size();
      it = entries_.erase(it);
    }
  }
  const size_t size = bytes->size();
  if (entries_.emplace(id, std::move(bytes)).second) bytes_ += size;
}

void ReadCache::Invalidate() {
  std::unique_lock lock(mu_);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  entries_.clear();
  bytes_ = 0;
}

}  // namespace bantin
