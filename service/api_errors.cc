#include "service/api_errors.h"

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
    reason += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_';
  }
  return reason;
}

// The field a core message names: "page_token: ..." → "page_token".
std::string FieldOf(const std::string& message) {
  const size_t colon = message.find(": ");
  if (colon == std::string::npos || colon == 0) return "";
  for (size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '[' && c != ']') return "";
  }
  return message.substr(0, colon);
}

grpc::Status WithDetails(grpc::StatusCode code, const std::string& reason, const std::string& message,
                         const std::map<std::string, std::string>& metadata, const std::string& field) {
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
  return grpc::Status(code, message, details.SerializeAsString());
}

}  // namespace

grpc::Status ApiError(grpc::StatusCode code, const std::string& reason, const std::string& message,
                      const std::map<std::string, std::string>& metadata) {
  return WithDetails(code, reason, message, metadata, "");
}

grpc::Status InvalidField(const std::string& field, const std::string& description) {
  return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, ReasonFor(field), field + ": " + description, {}, field);
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

grpc::Status ToGrpc(const Status& s) {
  const std::string& m = s.message();
  switch (s.code()) {
    case StatusCode::kOk: return grpc::Status::OK;
    case StatusCode::kInvalidArgument: {
      const std::string field = FieldOf(m);
      return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, field.empty() ? "INVALID_ARGUMENT" : ReasonFor(field), m,
                         {}, field);
    }
    case StatusCode::kNotFound: {
      // Storage says "bulletin <id>: not found".
      static constexpr std::string_view kBulletin = "bulletin ";
      const size_t colon = m.find(':');
      if (m.rfind(kBulletin, 0) == 0 && colon != std::string::npos)
        return ApiError(grpc::StatusCode::NOT_FOUND, "BULLETIN_NOT_FOUND", m,
                        {{"id", m.substr(kBulletin.size(), colon - kBulletin.size())}});
      return ApiError(grpc::StatusCode::NOT_FOUND, "NOT_FOUND", m);
    }
    case StatusCode::kResourceExhausted: return ApiError(grpc::StatusCode::RESOURCE_EXHAUSTED, "LIMIT_EXCEEDED", m);
    case StatusCode::kUnavailable: return ApiError(grpc::StatusCode::UNAVAILABLE, "STORAGE_UNAVAILABLE", m);
    case StatusCode::kDeadlineExceeded: return ApiError(grpc::StatusCode::DEADLINE_EXCEEDED, "DEADLINE_EXCEEDED", m);
    case StatusCode::kFailedPrecondition: return ApiError(grpc::StatusCode::FAILED_PRECONDITION, "FAILED_PRECONDITION", m);
    case StatusCode::kInternal: break;
  }
  return ApiError(grpc::StatusCode::INTERNAL, "INTERNAL", m);
}

}  // namespace bantin
