// Errors as values. A Status is either OK or carries a code, a message for
// people, and what a program needs to act on it without reading the message:
// a reason (a stable UPPER_SNAKE_CASE word such as "BULLETIN_NOT_FOUND"), the
// request field at fault ("page_token", "hints.fetch_date") and metadata
// (key → value, such as the id that was not found or the byte offset of a
// query error), the way google.rpc.ErrorInfo and BadRequest carry them.
// Result<T> is a value or a non-OK Status. Nothing in core throws across its
// public API.
//
// Codes are numbered as google.rpc.Code, so a gRPC status is the same number;
// StatusCodeName is the one table of their names.
#ifndef BANTIN_STATUS_H_
#define BANTIN_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bantin {

enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};
inline constexpr int kStatusCodeCount = 17;

// "OK", "INVALID_ARGUMENT", ... (google.rpc.Code's names); "UNKNOWN" for a
// number outside the table.
const char* StatusCodeName(StatusCode code);
// The same for a code as a number (a grpc::StatusCode, a google.rpc.Code).
inline const char* StatusCodeName(int code) { return StatusCodeName(static_cast<StatusCode>(code)); }

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
  // INVALID_ARGUMENT naming the field at fault; the message reads
  // "field: description".
  static Status InvalidField(std::string field, std::string_view description);
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }
  static Status ResourceExhausted(std::string m) { return Status(StatusCode::kResourceExhausted, std::move(m)); }
  static Status DeadlineExceeded(std::string m) { return Status(StatusCode::kDeadlineExceeded, std::move(m)); }
  static Status Unavailable(std::string m) { return Status(StatusCode::kUnavailable, std::move(m)); }

  // Attach what a program reads (each returns the status, for chaining).
  Status&& WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }
  Status&& WithField(std::string field) && {
    field_ = std::move(field);
    return std::move(*this);
  }
  Status&& WithMetadata(std::string key, std::string value) && {
    metadata_.emplace_back(std::move(key), std::move(value));
    return std::move(*this);
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& reason() const { return reason_; }  // "" when none was given
  const std::string& field() const { return field_; }    // "" when no request field is at fault
  const std::vector<std::pair<std::string, std::string>>& metadata() const { return metadata_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string reason_;
  std::string field_;
  std::vector<std::pair<std::string, std::string>> metadata_;
};

// Holds either a T or a non-OK Status. Accessing value() of an error is a
// programming error (asserted), so callers check ok() first.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace bantin

#endif  // BANTIN_STATUS_H_
