#include "api_errors.h"

#include <cctype>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace bantin {
namespace {

// "ids[3]" → "IDS", "hints.fetch_date" → "HINTS_FETCH_DATE".
std::string ReasonFor(const std::string& field) {
  std::string reason = "INVALID_";
  for (char c : field) {
    if (c == '[') break;
    reason += std::isalnum(static_cast<unsigned char>(c))
                  ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                  : '_';
  }
  return reason;
}

grpc::Status WithDetails(grpc::StatusCode code, const std::string& reason, const std::string& message,
                         const std::map<std::string, std::string>& metadata, const std::string& field,
                         std::chrono::milliseconds retry_after = std::chrono::milliseconds(0)) {
  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  google::rpc::ErrorInfo info;
  info.set_reason(reason);
  info.set_domain(kErrorDomain);
  for (const auto& [k, v] : metadata) (*info.mutable_metadata())[k] = v;
  details.add_details()->PackFrom(info);
  if (!field.empty()) {
    google::rpc::BadRequest bad;
    google::rpc::BadRequest::FieldViolation* v = bad.add_field_violations();
    v->set_field(field);
    v->set_description(message.size() > field.size() + 2 ? message.substr(field.size() + 2) : message);
    details.add_details()->PackFrom(bad);
  }
  if (retry_after.count() > 0) {
    google::rpc::RetryInfo retry;
    retry.mutable_retry_delay()->set_seconds(retry_after.count() / 1000);
    retry.mutable_retry_delay()->set_nanos(static_cast<int>(retry_after.count() % 1000) * 1000000);
    details.add_details()->PackFrom(retry);
  }
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace

grpc::Status ApiError(grpc::StatusCode code, const std::string& reason, const std::string& message,
                      const std::map<std::string, std::string>& metadata, std::chrono::milliseconds retry_after) {
  return WithDetails(code, reason, message, metadata, "", retry_after);
}

grpc::Status InvalidField(const std::string& field, const std::string& description,
                          const std::map<std::string, std::string>& metadata) {
  return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, ReasonFor(field), field + ": " + description, metadata, field);
}

grpc::Status LimitExceeded(const std::string& limit, size_t max, const std::string& message) {
  return ApiError(grpc::StatusCode::RESOURCE_EXHAUSTED, "LIMIT_EXCEEDED", message,
                  {{"limit", limit}, {"max", std::to_string(max)}});
}

std::string ReasonOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) return "";
  google::rpc::ErrorInfo info;
  for (const google::protobuf::Any& any : details.details())
    if (any.UnpackTo(&info)) return info.reason();
  return "";
}

// A write refused for a full disk works again once space returns; the
// store notices within a quarter of a second (storage/write_guard.h).
constexpr long kDiskFullRetryMs = 5000;

grpc::Status ToGrpc(const Status& s) {
  if (s.ok()) return grpc::Status::OK;
  // StatusCode is numbered as google.rpc.Code, which is gRPC's numbering.
  const auto code = static_cast<grpc::StatusCode>(s.code());
  std::map<std::string, std::string> metadata(s.metadata().begin(), s.metadata().end());
  std::string reason = s.reason();
  if (reason.empty()) {
    if (!s.field().empty())
      reason = ReasonFor(s.field());
    else if (s.code() == StatusCode::kResourceExhausted)
      reason = "LIMIT_EXCEEDED";
    else if (s.code() == StatusCode::kUnavailable)
      reason = "STORAGE_UNAVAILABLE";
    else
      reason = StatusCodeName(s.code());
  }
  // A full disk is a state that passes: say when to try again.
  const std::chrono::milliseconds retry_after(reason == "DISK_FULL" ? kDiskFullRetryMs : 0);
  return WithDetails(code, reason, s.message(), metadata, s.field(), retry_after);
}

}  // namespace bantin
