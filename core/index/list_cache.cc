#include "list_cache.h"

namespace bantin {

std::shared_ptr<const std::string> ListCache::Find(const std::string& folded) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = by_key_.find(folded);
  if (it == by_key_.end()) return nullptr;
  recent_.splice(recent_.begin(), recent_, it->second);
  return it->second->second;
}

void ListCache::Put(const std::string& folded, std::shared_ptr<const std::string> list) {
  std::lock_guard<std::mutex> lock(mu_);
  if (const auto it = by_key_.find(folded); it != by_key_.end()) EraseLocked(it->second);
  if (!list || list->size() > budget_) return;
  while (bytes_ + list->size() > budget_) EraseLocked(std::prev(recent_.end()));
  bytes_ += list->size();
  recent_.emplace_front(folded, std::move(list));
  by_key_[folded] = recent_.begin();
}

void ListCache::Erase(const std::string& folded) {
  std::lock_guard<std::mutex> lock(mu_);
  if (const auto it = by_key_.find(folded); it != by_key_.end()) EraseLocked(it->second);
}

size_t ListCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

void ListCache::EraseLocked(std::list<Entry>::iterator it) {
  bytes_ -= it->second->size();
  by_key_.erase(it->first);
  recent_.erase(it);
}

}  // namespace bantin
