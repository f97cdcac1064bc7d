// The distinct province and author filter keys of an index, numbered. Rows
// (core/index/doc_row.h) carry the numbers, so a search decides a province or
// author filter once per distinct key (a few thousand) instead of comparing
// strings for each of a hundred thousand matches.
#ifndef BANTIN_INDEX_FILTER_KEYS_H_
#define BANTIN_INDEX_FILTER_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bantin {

// Keys only accumulate: a number, once given, names its key for the life of
// the table (documents that used it may be gone).
class KeyTable {
 public:
  // The number of `key`, adding it when new.
  uint32_t Intern(const std::string& key);
  std::optional<uint32_t> Find(const std::string& key) const;
  const std::string& Key(uint32_t number) const { return keys_[number]; }
  size_t size() const { return keys_.size(); }

 private:
  std::vector<std::string> keys_;
  std::unordered_map<std::string, uint32_t> numbers_;
};

struct FilterKeys {
  KeyTable province;  // DocMeta::province_key
  KeyTable author;    // DocMeta::author_key
};

}  // namespace bantin

#endif  // BANTIN_INDEX_FILTER_KEYS_H_
