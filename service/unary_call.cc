#include "unary_call.h"

#include <string>

#include "api_errors.h"

namespace bantin {

grpc::Status Overloaded(const CallGate& gate) {
  // A waiting call is served in about the time one takes; a client that
  // waits that long per call already queued finds room.
  const size_t retry_ms = 50 * (1 + gate.waiting() / static_cast<size_t>(gate.workers()));
  return ApiError(grpc::StatusCode::RESOURCE_EXHAUSTED, "OVERLOADED",
                  "server busy: " + std::to_string(gate.workers()) + " calls running and " +
                      std::to_string(gate.queue_limit()) + " waiting; retry after about " + std::to_string(retry_ms) +
                      " ms",
                  {{"limit", "max_concurrent_calls"},
                   {"max", std::to_string(gate.workers())},
                   {"retry_after_ms", std::to_string(retry_ms)}},
                  std::chrono::milliseconds(retry_ms));
}

grpc::Status StillWanted(const grpc::ServerContextBase& ctx) {
  if (ctx.IsCancelled()) return ApiError(grpc::StatusCode::CANCELLED, "CANCELLED", "the call was cancelled");
  if (ctx.deadline() < std::chrono::system_clock::now())
    return ApiError(grpc::StatusCode::DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED",
                    "the call's deadline passed while it waited for the server");
  return grpc::Status::OK;
}

}  // namespace bantin
