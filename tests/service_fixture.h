// What the service suites share: a `bantin serve` process on a fresh
// database, a client stub, contexts with or without a token, and the
// google.rpc details of an error.
#ifndef BANTIN_TESTS_SERVICE_FIXTURE_H_
#define BANTIN_TESTS_SERVICE_FIXTURE_H_

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "bantin/v1/bantin.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tests/server_process.h"
#include "tests/test_util.h"

namespace bantin::testing {

inline constexpr char kWriteToken[] = "write-0123456789abcdef";
inline constexpr char kReadToken[] = "read-0123456789abcdef";

// What an error carries besides its code and message (AIP-193).
struct ErrorDetails {
  std::string reason;
  std::string domain;
  std::map<std::string, std::string> metadata;
  std::vector<std::string> fields;  // BadRequest field violations
};

inline ErrorDetails DetailsOf(const grpc::Status& status) {
  ErrorDetails out;
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return out;
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::ErrorInfo info;
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&info)) {
      out.reason = info.reason();
      out.domain = info.domain();
      out.metadata.insert(info.metadata().begin(), info.metadata().end());
    } else if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out.fields.push_back(v.field());
    }
  }
  return out;
}

class ServiceFixture : public ::testing::Test {
 protected:
  // A server with a write token, plus `flags`. Fails the test if it does
  // not start.
  void StartServer(std::vector<std::string> flags = {}) {
    WriteFile(dir_.path() + "/write-token", std::string(kWriteToken) + "\n");
    WriteFile(dir_.path() + "/read-token", std::string("# readers\n") + kReadToken + "\n");
    flags.insert(flags.begin(), {"--write-token-file", dir_.path() + "/write-token"});
    StartServerWith(flags);
  }
  void StartServerWith(const std::vector<std::string>& flags) {
    server_ = std::make_unique<ServerProcess>(dir_.path() + "/db", flags);
    ASSERT_TRUE(server_->started()) << server_->output() << server_->Log();
    channel_ = grpc::CreateChannel(server_->grpc_address(), grpc::InsecureChannelCredentials());
    stub_ = v1::BulletinService::NewStub(channel_);
  }

  // A context with `token` as its bearer token ("" for none).
  static std::unique_ptr<grpc::ClientContext> Ctx(const std::string& token = kWriteToken) {
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
    return ctx;
  }

  v1::IngestBulletinResponse Ingest(const std::string& raw) {
    v1::IngestBulletinRequest req;
    req.set_raw(raw);
    v1::IngestBulletinResponse resp;
    const grpc::Status s = stub_->IngestBulletin(Ctx().get(), req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::BulletinService::Stub> stub_;
};

// A seed page made another bulletin: its longest line (a body paragraph)
// gains a sentence of its own.
inline std::string VariantOf(const std::string& page, int n) {
  size_t best = 0, best_len = 0, start = 0;
  while (start <= page.size()) {
    size_t end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    if (end - start > best_len) best = end, best_len = end - start;
    start = end + 1;
  }
  return page.substr(0, best) + " Bổ sung số " + std::to_string(n) + "." + page.substr(best);
}

}  // namespace bantin::testing

#endif  // BANTIN_TESTS_SERVICE_FIXTURE_H_
