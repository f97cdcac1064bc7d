// Small helpers the Store's source files share (internal to storage/).
#ifndef BANTIN_STORAGE_STORE_UTIL_H_
#define BANTIN_STORAGE_STORE_UTIL_H_

#include <rocksdb/db.h>

#include <string>
#include <string_view>

#include "bantin/status.h"

namespace google::protobuf {
class MessageLite;
}

namespace bantin {

// The cores this process may run on (its CPU affinity: one under `taskset
// -c 1` or a one-core cpuset, where hardware_concurrency still counts the
// machine's); at least 1.
int UsableCores();
// RocksDB's status as ours; `what` names the thing that failed.
Status FromRocks(const rocksdb::Status& s, const std::string& what);
// DATA_LOSS with reason DATA_CORRUPTED: bytes on disk are damaged.
Status Corrupt(const std::string& message);
// The same for the lookup of a bulletin by id: NotFound carries reason
// BULLETIN_NOT_FOUND and the id.
Status FromRocksForBulletin(const rocksdb::Status& s, const std::string& id);
// Reads and parses the protobuf under `key`.
Status ReadProto(rocksdb::DB& db, const std::string& key, const std::string& what,
                 google::protobuf::MessageLite* message);
// The bytes of the first length-delimited field `number` of a serialized
// message, found by skipping the others; false when absent or malformed.
// `out` points into `message`.
bool FieldBytes(std::string_view message, int number, std::string_view* out);

}  // namespace bantin

#endif  // BANTIN_STORAGE_STORE_UTIL_H_
