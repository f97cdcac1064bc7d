#include "storage/keys.h"

namespace bantin::keys {

std::string Record(std::string_view date, std::string_view source_id, std::string_view id) {
  std::string k = "r/";
  k += date.empty() ? std::string_view(kUndated) : date;
  k += '/';
  k += source_id;
  k += '/';
  k += id;
  return k;
}

std::string RecordDatePrefix(std::string_view date) { return "r/" + std::string(date) + "/"; }
std::string RecordsEnd() { return "r0"; }  // '0' follows '/'
std::string ById(std::string_view id) { return "i/" + std::string(id); }

std::string Posting(std::string_view folded, std::string_view id) {
  std::string k = PostingPrefix(folded);
  k += id;
  return k;
}

std::string PostingPrefix(std::string_view folded) {
  std::string k = "p/";
  k += folded;
  k.push_back('\0');
  return k;
}

std::string_view IdOfPosting(std::string_view key, size_t prefix_size) {
  return key.substr(prefix_size);
}

}  // namespace bantin::keys
