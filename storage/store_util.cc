#include "store_util.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/message_lite.h>
#include <google/protobuf/wire_format_lite.h>
#include <sched.h>

#include <algorithm>
#include <thread>

namespace bantin {

int UsableCores() {
#ifdef __linux__
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
#endif
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) return Status::Ok();
  if (s.IsNotFound()) return Status::NotFound(what + ": not found");
  // A full disk is not a fault of the request nor of the server's code: a
  // write may be retried once there is room (see RocksStore::Commit).
  if (s.IsNoSpace())
    return Status(StatusCode::kResourceExhausted, what + ": the disk is full: " + s.ToString()).WithReason("DISK_FULL");
  // Damaged bytes on disk: RocksDB's message names the file and offset.
  if (s.IsCorruption()) return Corrupt(what + ": " + s.ToString());
  return Status::Internal(what + ": " + s.ToString());
}

Status Corrupt(const std::string& message) {
  return Status(StatusCode::kDataLoss, message).WithReason("DATA_CORRUPTED");
}

Status FromRocksForBulletin(const rocksdb::Status& s, const std::string& id) {
  if (s.IsNotFound())
    return Status::NotFound("bulletin " + id + ": not found").WithReason("BULLETIN_NOT_FOUND").WithMetadata("id", id);
  return FromRocks(s, "bulletin " + id);
}

Status ReadProto(rocksdb::DB& db, const std::string& key, const std::string& what,
                 google::protobuf::MessageLite* message) {
  std::string value;
  rocksdb::Status s = db.Get(rocksdb::ReadOptions(), key, &value);
  if (!s.ok()) return FromRocks(s, what);
  if (!message->ParseFromString(value)) return Corrupt(what + " is corrupt (key " + key + ")");
  return Status::Ok();
}

bool FieldBytes(std::string_view message, int number, std::string_view* out) {
  using google::protobuf::internal::WireFormatLite;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(message.data()),
                                            static_cast<int>(message.size()));
  while (const uint32_t tag = in.ReadTag()) {
    if (WireFormatLite::GetTagFieldNumber(tag) == number &&
        WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      uint32_t length = 0;
      if (!in.ReadVarint32(&length)) return false;
      const size_t at = static_cast<size_t>(in.CurrentPosition());
      if (length > message.size() - at) return false;
      *out = message.substr(at, length);
      return true;
    }
    if (!WireFormatLite::SkipField(&in, tag)) return false;
  }
  return false;
}

}  // namespace bantin
