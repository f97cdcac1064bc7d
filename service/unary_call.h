// How BulletinService runs a unary method: gRPC hands over the request's
// bytes (a raw callback method); the service checks access, decodes them
// itself (request_decoding.h), and runs the method's body on the CallGate,
// so every call's work is bounded server-wide and a malformed request is
// INVALID_ARGUMENT. Past the gate's queue a call is refused at once with
// RESOURCE_EXHAUSTED, reason OVERLOADED and a google.rpc.RetryInfo; a call
// whose client left or whose deadline passed while it waited is answered
// CANCELLED or DEADLINE_EXCEEDED without running.
#ifndef BANTIN_SERVICE_UNARY_CALL_H_
#define BANTIN_SERVICE_UNARY_CALL_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>

#include "auth.h"
#include "call_gate.h"
#include "request_decoding.h"

namespace bantin {

// RESOURCE_EXHAUSTED / OVERLOADED with how busy `gate` is and a retry hint.
grpc::Status Overloaded(const CallGate& gate);

// CANCELLED or DEADLINE_EXCEEDED when the call is over before it ran; OK
// otherwise.
grpc::Status StillWanted(const grpc::ServerContextBase& ctx);

// `body(ctx, request, &response)` is a grpc::Status; it runs on a gate
// worker, with `ctx`, the request and the response valid throughout.
template <class Request, class Response, class Body>
grpc::ServerUnaryReactor* RunUnary(grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* wire_request,
                                   grpc::ByteBuffer* wire_response, const Authorizer& auth, Access access,
                                   CallGate& gate, Body body) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  if (grpc::Status s = auth.Check(*ctx, access); !s.ok()) {
    reactor->Finish(s);
    return reactor;
  }
  auto request = std::make_shared<Request>();
  if (grpc::Status s = DecodeRequest(*wire_request, request.get()); !s.ok()) {
    reactor->Finish(s);
    return reactor;
  }
  const CallGate::Lane lane = access == Access::kWrite ? CallGate::Lane::kWrite : CallGate::Lane::kRead;
  const bool accepted = gate.TrySubmit(lane, [ctx, request, wire_response, reactor, body] {
    grpc::Status s = StillWanted(*ctx);
    if (s.ok()) {
      Response response;
      s = body(*ctx, *request, &response);
      if (s.ok()) s = EncodeResponse(response, wire_response);
    }
    reactor->Finish(s);
  });
  if (!accepted) reactor->Finish(Overloaded(gate));
  return reactor;
}

}  // namespace bantin

#endif  // BANTIN_SERVICE_UNARY_CALL_H_
