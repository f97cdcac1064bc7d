// Errors as the API returns them (AIP-193): the right gRPC code, a message
// for people, and in the `grpc-status-details-bin` trailer a google.rpc.Status
// whose details carry a google.rpc.ErrorInfo (a machine-readable `reason`,
// domain "bantin.v1", metadata) and, for INVALID_ARGUMENT, a
// google.rpc.BadRequest naming the offending field.
//
// Reasons (stable, UPPER_SNAKE_CASE; README.md lists them):
//   INVALID_<FIELD>      a request field is malformed or missing (QUERY,
//                        FILTER, PAGE_TOKEN, RAW, ID, IDS, FROM_DATE, ...)
//   BULLETIN_NOT_FOUND   no bulletin has that id (metadata: id)
//   LIMIT_EXCEEDED       a configured limit (metadata: limit, max)
//   OVERLOADED           every worker busy and the queue full (metadata:
//                        limit, max, retry_after_ms; a RetryInfo)
//   CREDENTIALS_MISSING, CREDENTIALS_INVALID, WRITE_ACCESS_REQUIRED,
//   WRITES_DISABLED      authentication and permission
//   DEADLINE_EXCEEDED, STORAGE_UNAVAILABLE, INTERNAL
#ifndef BANTIN_SERVICE_API_ERRORS_H_
#define BANTIN_SERVICE_API_ERRORS_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <map>
#include <string>

#include "bantin/status.h"

namespace bantin {

inline constexpr char kErrorDomain[] = "bantin.v1";

// A positive `retry_after` adds a google.rpc.RetryInfo: when to try again.
grpc::Status ApiError(grpc::StatusCode code, const std::string& reason, const std::string& message,
                      const std::map<std::string, std::string>& metadata = {},
                      std::chrono::milliseconds retry_after = std::chrono::milliseconds(0));

// INVALID_ARGUMENT for one field, reason INVALID_<FIELD>; the message is
// "field: description".
grpc::Status InvalidField(const std::string& field, const std::string& description,
                          const std::map<std::string, std::string>& metadata = {});

// RESOURCE_EXHAUSTED, reason LIMIT_EXCEEDED, naming the limit and its value.
grpc::Status LimitExceeded(const std::string& limit, size_t max, const std::string& message);

// The ErrorInfo reason a status carries ("" when it has none).
std::string ReasonOf(const grpc::Status& status);

// A core or storage Status as the API reports it: the same code, its reason
// (or INVALID_<FIELD> for a status naming a field, else the code's name),
// its metadata, and a BadRequest for its field. Nothing is read from the
// message.
grpc::Status ToGrpc(const Status& status);

}  // namespace bantin

#endif  // BANTIN_SERVICE_API_ERRORS_H_
