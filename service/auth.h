// Bearer tokens for the API. Writes (ingest, delete) always need a write
// token; a server started without one refuses them. Reads are open unless
// read tokens are configured; a write token also grants reads.
//
// Clients send `authorization: Bearer <token>` (gRPC metadata, or the HTTP
// header on the HTTP side; the scheme in any case, RFC 6750). Tokens are
// compared in constant time.
#ifndef BANTIN_SERVICE_AUTH_H_
#define BANTIN_SERVICE_AUTH_H_

#include <grpcpp/grpcpp.h>

#include <string>
#include <string_view>
#include <vector>

#include "bantin/status.h"

namespace bantin {

enum class Access { kRead, kWrite };

struct AuthConfig {
  std::vector<std::string> write_tokens;  // empty: writes are disabled
  std::vector<std::string> read_tokens;   // empty: reads are open
};

// One token per line; blank lines and lines starting with '#' are skipped.
// A token is at least 16 printable ASCII characters without spaces.
Result<std::vector<std::string>> ReadTokenFile(const std::string& path);

class Authorizer {
 public:
  explicit Authorizer(AuthConfig config) : config_(std::move(config)) {}

  // OK, or UNAUTHENTICATED (token missing or unknown) or PERMISSION_DENIED
  // (a read token for a write, or writes disabled), with ErrorInfo.
  grpc::Status Check(const grpc::ServerContextBase& context, Access access) const;
  // The same decision for an `Authorization` header value ("" when absent).
  grpc::Status CheckHeader(std::string_view authorization, Access access) const;

  bool reads_open() const { return config_.read_tokens.empty(); }
  bool writes_enabled() const { return !config_.write_tokens.empty(); }

 private:
  AuthConfig config_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_AUTH_H_
