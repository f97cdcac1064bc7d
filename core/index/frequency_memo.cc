#include "bantin/index/frequency_memo.h"

namespace bantin {

bool FrequencyMemo::Find(const std::string& folded, size_t list_bytes, size_t doc_limit, uint64_t* df) const {
  std::lock_guard lock(mu_);
  const auto it = entries_.find(folded);
  if (it == entries_.end() || it->second.list_bytes != list_bytes || it->second.doc_limit != doc_limit) return false;
  *df = it->second.df;
  return true;
}

void FrequencyMemo::Remember(const std::string& folded, size_t list_bytes, size_t doc_limit, uint64_t df) {
  std::lock_guard lock(mu_);
  if (entries_.size() >= kCapacity) entries_.clear();
  entries_[folded] = {list_bytes, doc_limit, df};
}

}  // namespace bantin
