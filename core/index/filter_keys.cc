#include "bantin/index/filter_keys.h"

namespace bantin {

uint32_t KeyTable::Intern(const std::string& key) {
  const auto [it, fresh] = numbers_.try_emplace(key, static_cast<uint32_t>(keys_.size()));
  if (fresh) keys_.push_back(key);
  return it->second;
}

std::optional<uint32_t> KeyTable::Find(const std::string& key) const {
  const auto it = numbers_.find(key);
  if (it == numbers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace bantin
