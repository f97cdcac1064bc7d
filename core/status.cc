#include "bantin/status.h"

namespace bantin {

const char* StatusCodeName(StatusCode code) {
  static constexpr const char* kNames[kStatusCodeCount] = {
      "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
      "DATA_LOSS", "UNAUTHENTICATED"};
  const int n = static_cast<int>(code);
  return n >= 0 && n < kStatusCodeCount ? kNames[n] : "UNKNOWN";
}

Status Status::InvalidField(std::string field, std::string_view description) {
  std::string message = field + ": ";
  message += description;
  return Status(StatusCode::kInvalidArgument, std::move(message)).WithField(std::move(field));
}

}  // namespace bantin
