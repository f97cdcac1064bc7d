#include "bantin/index/filter_keys.h"

namespace bantin {

uint32_t KeyTable::Intern(const std::string& key) {
  std::lock_guard<std::mutex> lock(numbers_->mu);
  const auto [it, fresh] = numbers_->by_key.try_emplace(key, static_cast<uint32_t>(size_));
  if (!fresh) return it->second;
  if (size_ % kSegmentKeys == 0) {
    segments_.push_back(std::make_shared<Segment>());
    segments_.back()->reserve(kSegmentKeys);
  } else if (segments_.back().use_count() > 1) {
    // A copy holds this segment: it must not see the vector grow under it.
    auto copy = std::make_shared<Segment>(*segments_.back());
    copy->reserve(kSegmentKeys);
    segments_.back() = std::move(copy);
  }
  segments_.back()->push_back(key);
  ++size_;
  return it->second;
}

std::optional<uint32_t> KeyTable::Find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(numbers_->mu);
  const auto it = numbers_->by_key.find(key);
  if (it == numbers_->by_key.end()) return std::nullopt;
  return it->second;
}

}  // namespace bantin
