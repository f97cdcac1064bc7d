// The distinct province and author filter keys of an index, numbered. Rows
// (core/index/doc_row.h) carry the numbers, so a search decides a province or
// author filter once per distinct key (a few thousand) instead of comparing
// strings for each of a hundred thousand matches.
#ifndef BANTIN_INDEX_FILTER_KEYS_H_
#define BANTIN_INDEX_FILTER_KEYS_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bantin {

// Keys only accumulate: a number, once given, names its key for the life of
// the table (documents that used it may be gone).
//
// Copies share their keys (a DocTable snapshot holds one): a copy sees the
// keys numbered when it was made, and Find on any copy may also answer a
// number given later, which none of that copy's rows carries. Intern is for
// the one table that owns the keys, on its writer's thread; Find and Key are
// safe from any thread meanwhile.
class KeyTable {
 public:
  // The number of `key`, adding it when new.
  uint32_t Intern(const std::string& key);
  std::optional<uint32_t> Find(const std::string& key) const;
  // The key numbered `number` (below size()).
  const std::string& Key(uint32_t number) const { return (*segments_[number / kSegmentKeys])[number % kSegmentKeys]; }
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kSegmentKeys = 1024;
  using Segment = std::vector<std::string>;
  struct Numbers {
    mutable std::mutex mu;
    std::unordered_map<std::string, uint32_t> by_key;  // GUARDED_BY(mu)
  };
  // Keys by number; a segment a copy shares is copied before it grows.
  std::vector<std::shared_ptr<Segment>> segments_;
  std::shared_ptr<Numbers> numbers_ = std::make_shared<Numbers>();
  size_t size_ = 0;
};

struct FilterKeys {
  KeyTable province;  // DocMeta::province_key
  KeyTable author;    // DocMeta::author_key
};

}  // namespace bantin

#endif  // BANTIN_INDEX_FILTER_KEYS_H_
