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

}  // namespace bantin
