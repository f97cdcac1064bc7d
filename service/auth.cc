#include "auth.h"

#include <fstream>

#include "api_errors.h"

namespace bantin {
namespace {

constexpr size_t kMinTokenLength = 16;

// Compares without an early exit, so the time taken says nothing about how
// much of a guess was right.
bool SameToken(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool AnyMatches(const std::vector<std::string>& tokens, std::string_view token) {
  bool found = false;
  for (const std::string& t : tokens) found |= SameToken(t, token);
  return found;
}

// "Bearer TOKEN": the scheme in any case and one or more spaces before the
// token (RFC 7235 §2.1, RFC 6750 §2.1). False when the value is not this.
bool BearerToken(std::string_view authorization, std::string_view* token) {
  static constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() || authorization[kScheme.size()] != ' ') return false;
  for (size_t i = 0; i < kScheme.size(); ++i)
    if ((authorization[i] | 0x20) != kScheme[i]) return false;
  const size_t start = authorization.find_first_not_of(' ', kScheme.size());
  if (start == std::string_view::npos) return false;
  *token = authorization.substr(start);
  return true;
}

}  // namespace

Result<std::vector<std::string>> ReadTokenFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("token file " + path + ": cannot be read");
  std::vector<std::string> tokens;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    line = line.substr(start);
    bool printable = line.size() >= kMinTokenLength;
    for (char c : line) printable &= c > ' ' && c < 127;
    if (!printable)
      return Status::InvalidArgument("token file " + path + ", line " + std::to_string(number) +
                                     ": a token is at least 16 printable ASCII characters without spaces");
    tokens.push_back(line);
  }
  if (tokens.empty()) return Status::InvalidArgument("token file " + path + ": holds no token");
  return tokens;
}

grpc::Status Authorizer::Check(const grpc::ServerContextBase& context, Access access) const {
  const auto& metadata = context.client_metadata();
  const auto it = metadata.find("authorization");
  const std::string_view value =
      it == metadata.end() ? std::string_view() : std::string_view(it->second.data(), it->second.size());
  return CheckHeader(value, access);
}

grpc::Status Authorizer::CheckHeader(std::string_view authorization, Access access) const {
  if (access == Access::kRead && reads_open()) return grpc::Status::OK;
  if (access == Access::kWrite && !writes_enabled())
    return ApiError(grpc::StatusCode::PERMISSION_DENIED, "WRITES_DISABLED",
                    "writes are disabled: the server was started without --write-token-file");
  if (authorization.empty())
    return ApiError(grpc::StatusCode::UNAUTHENTICATED, "CREDENTIALS_MISSING",
                    std::string(access == Access::kWrite ? "writes" : "reads") +
                        " need a bearer token (authorization: Bearer TOKEN)");
  std::string_view token;
  if (!BearerToken(authorization, &token))
    return ApiError(grpc::StatusCode::UNAUTHENTICATED, "CREDENTIALS_INVALID",
                    "authorization: expected \"Bearer TOKEN\"");
  if (AnyMatches(config_.write_tokens, token)) return grpc::Status::OK;
  if (AnyMatches(config_.read_tokens, token)) {
    if (access == Access::kRead) return grpc::Status::OK;
    return ApiError(grpc::StatusCode::PERMISSION_DENIED, "WRITE_ACCESS_REQUIRED", "this token may read but not write");
  }
  return ApiError(grpc::StatusCode::UNAUTHENTICATED, "CREDENTIALS_INVALID", "the bearer token is not valid");
}

}  // namespace bantin
