// Which string field of an encoded protobuf message is not UTF-8: what the
// service names when it refuses a request protobuf cannot parse. Protobuf
// only (no gRPC), so the request fuzzer runs it too.
#ifndef BANTIN_SERVICE_UTF8_FIELDS_H_
#define BANTIN_SERVICE_UTF8_FIELDS_H_

#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>

namespace bantin {

// The path of the first string field of `bytes` (a `type` message) whose
// value is not valid UTF-8, through nested messages and repeated fields
// ("query", "hints.url", "ids[2]"); "" when there is none or the bytes are
// not that message. Linear in the bytes; nesting is followed 32 deep.
std::string FirstInvalidUtf8Field(const google::protobuf::Descriptor& type, std::string_view bytes);

}  // namespace bantin

#endif  // BANTIN_SERVICE_UTF8_FIELDS_H_
