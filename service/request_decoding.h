// Requests decoded by the service itself rather than by gRPC, so that a
// request protobuf cannot parse gets an answer that says what is wrong:
// INVALID_ARGUMENT naming the string field that is not UTF-8 ("query",
// "hints.url", "ids[2]"), or saying the bytes are not the method's request.
// (gRPC's own decoding answers INTERNAL with an empty message.)
#ifndef BANTIN_SERVICE_REQUEST_DECODING_H_
#define BANTIN_SERVICE_REQUEST_DECODING_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>

namespace bantin {

grpc::Status DecodeRequest(const grpc::ByteBuffer& wire, google::protobuf::Message* request);

// The path of the first string field of `bytes` (a `type` message) whose
// value is not valid UTF-8, through nested messages and repeated fields;
// "" when there is none (or the bytes are not that message at all).
std::string FirstInvalidUtf8Field(const google::protobuf::Descriptor& type, std::string_view bytes);

// The response's wire bytes, for a raw method's answer.
grpc::Status EncodeResponse(const google::protobuf::Message& response, grpc::ByteBuffer* wire);

}  // namespace bantin

#endif  // BANTIN_SERVICE_REQUEST_DECODING_H_
