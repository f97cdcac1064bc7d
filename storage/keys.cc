#include "keys.h"

namespace bantin::keys {

std::string Record(std::string_view date, std::string_view source_id, std::string_view id) {
  std::string k = kRecordsBegin;
  k += date.empty() ? std::string_view(kUndated) : date;
  k += '/';
  k += source_id;
  k += '/';
  k += id;
  return k;
}

std::string IdOfRecordKey(std::string_view key) {
  const size_t slash = key.rfind('/');
  if (key.rfind(kRecordsBegin, 0) != 0 || slash == std::string_view::npos) return "";
  return std::string(key.substr(slash + 1));
}

std::string RecordDatePrefix(std::string_view date) { return kRecordsBegin + std::string(date) + "/"; }
std::string ById(std::string_view id) { return "i/" + std::string(id); }
std::string Raw(std::string_view id) { return "w/" + std::string(id); }
std::string Page(std::string_view slot) { return "h/" + std::string(slot); }
std::string CopyPrefix(std::string_view copy_id) { return "c/" + std::string(copy_id) + "/"; }
std::string Copy(std::string_view copy_id, std::string_view id) { return CopyPrefix(copy_id) + std::string(id); }
std::string Postings(std::string_view folded) { return "p/" + std::string(folded); }

std::string Doc(uint32_t docno) {
  std::string k = kDocsBegin;
  for (int shift = 24; shift >= 0; shift -= 8) k.push_back(static_cast<char>((docno >> shift) & 0xFF));
  return k;
}

bool DocnoOf(std::string_view key, uint32_t* docno) {
  if (key.size() != 6 || key.substr(0, 2) != kDocsBegin) return false;
  uint32_t v = 0;
  for (size_t i = 2; i < 6; ++i) v = v << 8 | static_cast<uint8_t>(key[i]);
  *docno = v;
  return true;
}

std::string Change(uint64_t number) {
  std::string k = "s/";
  for (int shift = 56; shift >= 0; shift -= 8) k.push_back(static_cast<char>((number >> shift) & 0xFF));
  return k;
}

bool ChangeOf(std::string_view key, uint64_t* number) {
  if (key.size() != 10 || key.substr(0, 2) != "s/") return false;
  uint64_t v = 0;
  for (size_t i = 2; i < 10; ++i) v = v << 8 | static_cast<uint8_t>(key[i]);
  *number = v;
  return true;
}

}  // namespace bantin::keys
