// What every request field must be before a method does any work: one rule
// per kind of field, applied by every method that takes it (README.md,
// "The gRPC API", limits). Errors are INVALID_ARGUMENT naming the field
// (api_errors.h); a value past its length limit is never echoed back, so an
// error's trailers stay small whatever a client sends.
#ifndef BANTIN_SERVICE_REQUEST_CHECKS_H_
#define BANTIN_SERVICE_REQUEST_CHECKS_H_

#include <grpcpp/grpcpp.h>

#include <cstddef>
#include <string>

#include "bantin/v1/bantin.pb.h"

namespace bantin {

// Bytes a field may hold.
inline constexpr size_t kMaxIdBytes = 128;    // a bulletin id (16 hex digits today)
inline constexpr size_t kMaxNameBytes = 256;  // source ids, provinces, tokens of a page
inline constexpr size_t kMaxUrlBytes = 2048;  // hints.url

// A bulletin id: not empty, at most kMaxIdBytes.
grpc::Status CheckId(const std::string& field, const std::string& id);
// A short free string (a source id, a province): at most `max` bytes.
grpc::Status CheckLength(const std::string& field, const std::string& value, size_t max);
// Parse hints: url, source_id, province within their lengths, fetch_date a
// real YYYY-MM-DD or empty. `field` is the hints' own name ("hints").
grpc::Status CheckHints(const std::string& field, const v1::ParseHints& hints);

}  // namespace bantin

#endif  // BANTIN_SERVICE_REQUEST_CHECKS_H_
