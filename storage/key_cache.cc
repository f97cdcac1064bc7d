#include "key_cache.h"

#include <mutex>

namespace bantin {

bool KeyCache::Find(const std::string& id, std::string* key) const {
  std::shared_lock lock(mu_);
  const auto it = keys_.find(id);
  if (it == keys_.end()) return false;
  *key = it->second;
  return true;
}

void KeyCache::Remember(const std::string& id, const std::string& key) {
  std::unique_lock lock(mu_);
  if (keys_.size() >= capacity_) keys_.clear();
  keys_[id] = key;
}

}  // namespace bantin
