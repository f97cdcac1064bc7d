#include "request_decoding.h"

#include <vector>

#include "api_errors.h"
#include "utf8_fields.h"

namespace bantin {

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
