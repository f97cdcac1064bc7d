// What every client subcommand shares: a channel to --server (TLS when
// --tls-ca or --tls is given), the bearer token from --token-file or
// BANTIN_TOKEN on every call, and errors printed the same way.
#ifndef BANTIN_SERVICE_CLIENT_H_
#define BANTIN_SERVICE_CLIENT_H_

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>

#include "bantin/status.h"
#include "bantin/v1/bantin.grpc.pb.h"
#include "commands.h"

namespace bantin {

class Client {
 public:
  // Reads the token and CA files; a bad file is an error, not a silent
  // anonymous call.
  static Result<Client> Connect(const Args& args);

  v1::BulletinService::Stub& stub() { return *stub_; }
  // A context carrying the token, with a deadline when --timeout SECONDS
  // was given.
  std::unique_ptr<grpc::ClientContext> NewContext() const;

 private:
  std::shared_ptr<v1::BulletinService::Stub> stub_;
  std::string token_;
  double timeout_seconds_ = 0;
};

// Prints "bantin COMMAND: CODE: message [REASON]" to stderr; returns 1.
int Fail(const char* command, const grpc::Status& status);
int Fail(const char* command, const Status& status);

// Files named, with directories expanded to their .txt/.html/.htm pages in
// name order.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs);

// proto3 JSON (lowerCamelCase names) of any response, for --json.
std::string ProtoJson(const google::protobuf::Message& message);

}  // namespace bantin

#endif  // BANTIN_SERVICE_CLIENT_H_
