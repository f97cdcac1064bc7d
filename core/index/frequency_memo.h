// Document frequencies remembered between searches, so a common syllable's
// posting list (megabytes, most of the corpus) is not walked just to count
// it on every query that names it.
//
// Only for an index without deletions, whose lists only grow by appending:
// then a list's byte size, with the docno limit the count was taken under,
// determines its entries, so an entry that matches both is exact and
// nothing ever needs invalidating. Bounded: when full it starts over. Safe
// from many threads.
#ifndef BANTIN_INDEX_FREQUENCY_MEMO_H_
#define BANTIN_INDEX_FREQUENCY_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bantin {

class FrequencyMemo {
 public:
  bool Find(const std::string& folded, size_t list_bytes, size_t doc_limit, uint64_t* df) const;
  void Remember(const std::string& folded, size_t list_bytes, size_t doc_limit, uint64_t df);

 private:
  static constexpr size_t kCapacity = 1 << 16;
  struct Entry {
    size_t list_bytes;
    size_t doc_limit;
    uint64_t df;
  };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mu_
};

}  // namespace bantin

#endif  // BANTIN_INDEX_FREQUENCY_MEMO_H_
