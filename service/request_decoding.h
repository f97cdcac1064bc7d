// Requests decoded by the service itself rather than by gRPC, so that a
// request protobuf cannot parse gets an answer that says what is wrong:
// INVALID_ARGUMENT naming the string field that is not UTF-8 ("query",
// "hints.url", "ids[2]"), or saying the bytes are not the method's request.
// (gRPC's own decoding answers INTERNAL with an empty message.)
#ifndef BANTIN_SERVICE_REQUEST_DECODING_H_
#define BANTIN_SERVICE_REQUEST_DECODING_H_

#include <google/protobuf/message.h>
#include <grpcpp/grpcpp.h>

namespace bantin {

grpc::Status DecodeRequest(const grpc::ByteBuffer& wire, google::protobuf::Message* request);

// The response's wire bytes, for a raw method's answer.
grpc::Status EncodeResponse(const google::protobuf::Message& response, grpc::ByteBuffer* wire);

}  // namespace bantin

#endif  // BANTIN_SERVICE_REQUEST_DECODING_H_
