#include "storage/store_util.h"

#include <google/protobuf/message_lite.h>

namespace bantin {

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": not found");
  return Status::Internal(what + ": " + s.ToString());
}

Status ReadProto(rocksdb::DB& db, const std::string& key, const std::string& what,
                 google::protobuf::MessageLite* message) {
  std::string value;
  rocksdb::Status s = db.Get(rocksdb::ReadOptions(), key, &value);
  if (!s.ok()) return FromRocks(s, what);
  if (!message->ParseFromString(value)) return Status::Internal(what + " is corrupt");
  return Status::Ok();
}

std::string Hex(std::string_view s) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += kDigits[c >> 4], out += kDigits[c & 15];
  return out;
}

bool Unhex(std::string_view s, std::string* out) {
  if (s.size() % 2) return false;
  const auto v = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  out->clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    if (v(s[i]) < 0 || v(s[i + 1]) < 0) return false;
    out->push_back(static_cast<char>(v(s[i]) * 16 + v(s[i + 1])));
  }
  return true;
}

}  // namespace bantin
