#include "request_decoding.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <vector>

#include "api_errors.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;

// Nested messages deeper than this are not looked into (protobuf itself
// refuses past 100).
constexpr int kMaxDepth = 32;

std::string Walk(const google::protobuf::Descriptor& type, std::string_view bytes, const std::string& prefix,
                 int depth) {
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  std::vector<int> seen(type.field_count(), 0);  // values of each repeated field so far
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) return "";
    const FieldDescriptor* field = type.FindFieldByNumber(static_cast<int>(WireFormatLite::GetTagFieldNumber(tag)));
    const bool delimited = WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
    const bool text = field && field->type() == FieldDescriptor::TYPE_STRING;
    const bool nested = field && field->type() == FieldDescriptor::TYPE_MESSAGE && depth < kMaxDepth;
    if (!delimited || !(text || nested)) {
      if (!WireFormatLite::SkipField(&in, tag)) return "";
      continue;
    }
    uint32_t length = 0;
    std::string value;
    if (!in.ReadVarint32(&length) || !in.ReadString(&value, static_cast<int>(length))) return "";
    std::string path = prefix + field->name();
    if (field->is_repeated()) path += "[" + std::to_string(seen[field->index()]++) + "]";
    if (text && !IsValidUtf8(value)) return path;
    if (nested) {
      std::string inner = Walk(*field->message_type(), value, path + ".", depth + 1);
      if (!inner.empty()) return inner;
    }
  }
}

}  // namespace

std::string FirstInvalidUtf8Field(const google::protobuf::Descriptor& type, std::string_view bytes) {
  return Walk(type, bytes, "", 0);
}

grpc::Status DecodeRequest(const grpc::ByteBuffer& wire, google::protobuf::Message* request) {
  std::vector<grpc::Slice> slices;
  if (!wire.Dump(&slices).ok())
    return ApiError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_REQUEST", "request: unreadable message");
  std::string bytes;
  bytes.reserve(wire.Length());
  for (const grpc::Slice& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  // Strings are checked first: protobuf would log each bad one before
  // failing, and a client could fill the server's log that way.
  const std::string field = FirstInvalidUtf8Field(*request->GetDescriptor(), bytes);
  if (!field.empty()) return InvalidField(field, "is not valid UTF-8");
  if (request->ParseFromString(bytes)) return grpc::Status::OK;
  return ApiError(grpc::StatusCode::INVALID_ARGUMENT, "INVALID_REQUEST",
                  "request: not a valid " + request->GetDescriptor()->name());
}

grpc::Status EncodeResponse(const google::protobuf::Message& response, grpc::ByteBuffer* wire) {
  std::string bytes;
  if (!response.SerializeToString(&bytes))
    return ApiError(grpc::StatusCode::INTERNAL, "INTERNAL", "response: cannot be encoded");
  grpc::Slice slice(std::move(bytes));
  *wire = grpc::ByteBuffer(&slice, 1);
  return grpc::Status::OK;
}

}  // namespace bantin
