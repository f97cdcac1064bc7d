#include "client.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "api_errors.h"
#include "auth.h"
#include "metrics.h"
#include "read_file.h"
#include "server.h"

namespace bantin {
Result<Client> Client::Connect(const Args& args) {
  Client c;
  if (args.Has("token-file")) {
    Result<std::vector<std::string>> tokens = ReadTokenFile(args.Get("token-file"));
    if (!tokens.ok()) return tokens.status();
    c.token_ = tokens->front();
  } else if (const char* env = std::getenv("BANTIN_TOKEN"); env && *env) {
    c.token_ = env;
  }
  if (args.Has("timeout")) c.timeout_seconds_ = std::atof(args.Get("timeout").c_str());
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (args.Has("tls-ca") || args.Has("tls")) {
    grpc::SslCredentialsOptions ssl;
    if (args.Has("tls-ca")) {
      Result<std::string> ca = ReadWholeFile(args.Get("tls-ca"));
      if (!ca.ok()) return Status::NotFound("--tls-ca: " + ca.status().message());
      ssl.pem_root_certs = *ca;
    }
    credentials = grpc::SslCredentials(ssl);
  }
  grpc::ChannelArguments ch;
  ch.SetMaxSendMessageSize(-1);  // the server decides what is too big, and says so
  ch.SetMaxReceiveMessageSize(-1);
  if (args.Has("tls-server-name")) ch.SetSslTargetNameOverride(args.Get("tls-server-name"));
  c.stub_ =
      v1::BulletinService::NewStub(grpc::CreateCustomChannel(args.Get("server", kDefaultGrpcAddress), credentials, ch));
  return c;
}

std::unique_ptr<grpc::ClientContext> Client::NewContext() const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  if (!token_.empty()) ctx->AddMetadata("authorization", "Bearer " + token_);
  if (timeout_seconds_ > 0)
    ctx->set_deadline(std::chrono::system_clock::now() +
                      std::chrono::microseconds(static_cast<int64_t>(timeout_seconds_ * 1e6)));
  return ctx;
}

int Fail(const char* command, const grpc::Status& s) {
  const std::string reason = ReasonOf(s);
  std::fprintf(stderr, "bantin %s: %s: %s%s%s%s\n", command, StatusCodeName(static_cast<int>(s.error_code())),
               s.error_message().c_str(), reason.empty() ? "" : " [", reason.c_str(), reason.empty() ? "" : "]");
  return 1;
}

int Fail(const char* command, const Status& s) {
  std::fprintf(stderr, "bantin %s: %s\n", command, s.message().c_str());
  return 1;
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(in, ec)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(in, ec)) {
      const std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".htm")) found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string ProtoJson(const google::protobuf::Message& message) {
  std::string json;
  (void)google::protobuf::util::MessageToJsonString(message, &json);
  return json;
}

}  // namespace bantin
