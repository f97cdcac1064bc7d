// Tokens and TLS, against a real `bantin serve` process on 127.0.0.1.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <grpcpp/generic/generic_stub.h>

#include <cstdlib>
#include <future>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

using testing::DetailsOf;
using testing::ReadFile;
using testing::SeedPaths;

class AuthTest : public testing::ServiceFixture {
 protected:
  grpc::Status IngestWith(const std::string& token) {
    v1::IngestBulletinRequest req;
    req.set_raw(ReadFile(SeedPaths()[0]));
    v1::IngestBulletinResponse resp;
    return stub_->IngestBulletin(Ctx(token).get(), req, &resp);
  }
  grpc::Status GetWith(const std::string& token) {
    v1::GetBulletinRequest req;
    req.set_id("0000000000000000");
    v1::GetBulletinResponse resp;
    return stub_->GetBulletin(Ctx(token).get(), req, &resp);
  }
};

TEST_F(AuthTest, WritesAreRefusedWithoutAConfiguredToken) {
  StartServerWith({});
  const grpc::Status s = IngestWith(testing::kWriteToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DetailsOf(s).reason, "WRITES_DISABLED");
  v1::DeleteBulletinRequest del;
  del.set_id("0000000000000000");
  v1::DeleteBulletinResponse deleted;
  EXPECT_EQ(stub_->DeleteBulletin(Ctx("").get(), del, &deleted).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetWith("").error_code(), grpc::StatusCode::NOT_FOUND);  // reads stay open
}

TEST_F(AuthTest, WritesNeedTheWriteToken) {
  StartServer();
  grpc::Status s = IngestWith("");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(DetailsOf(s).reason, "CREDENTIALS_MISSING");
  s = IngestWith("write-0123456789abcdeX");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(DetailsOf(s).reason, "CREDENTIALS_INVALID");
  EXPECT_TRUE(IngestWith(testing::kWriteToken).ok());
  // The stream checks too: nothing of an unauthenticated stream is stored.
  std::unique_ptr<grpc::ClientContext> ctx = Ctx("");
  v1::IngestBulletinsResponse summary;
  auto stream = stub_->IngestBulletins(ctx.get(), &summary);
  v1::IngestBulletinsRequest item;
  item.set_raw(ReadFile(SeedPaths()[1]));
  stream->Write(item);
  stream->WritesDone();
  EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  v1::ListBulletinsResponse listed;
  ASSERT_TRUE(stub_->ListBulletins(Ctx("").get(), v1::ListBulletinsRequest(), &listed).ok());
  EXPECT_EQ(listed.bulletins_size(), 1);
}

TEST_F(AuthTest, ProtectedReadsNeedAReadOrWriteToken) {
  StartServer({"--read-token-file", dir_.path() + "/read-token"});
  grpc::Status s = GetWith("");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetWith(testing::kReadToken).error_code(), grpc::StatusCode::NOT_FOUND);   // allowed
  EXPECT_EQ(GetWith(testing::kWriteToken).error_code(), grpc::StatusCode::NOT_FOUND);  // writers read
  s = IngestWith(testing::kReadToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(DetailsOf(s).reason, "WRITE_ACCESS_REQUIRED");

  httplib::Client http("127.0.0.1", server_->http_port());
  httplib::Result anonymous = http.Get("/bundle");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Result with_token = http.Get("/bundle", {{"Authorization", std::string("Bearer ") + testing::kReadToken}});
  ASSERT_TRUE(with_token);
  EXPECT_EQ(with_token->status, 200);
}

TEST_F(AuthTest, TheBearerSchemeIsMatchedInAnyCase) {
  StartServer({"--read-token-file", dir_.path() + "/read-token"});
  for (const std::string& scheme : {"bearer ", "BEARER  ", "Bearer "}) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", scheme + testing::kReadToken);
    v1::GetBulletinRequest req;
    req.set_id("0000000000000000");
    v1::GetBulletinResponse resp;
    EXPECT_EQ(stub_->GetBulletin(&ctx, req, &resp).error_code(), grpc::StatusCode::NOT_FOUND) << scheme;
  }
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", std::string("Bearer") + testing::kReadToken);  // no space: not the scheme
  v1::GetBulletinResponse resp;
  EXPECT_EQ(stub_->GetBulletin(&ctx, v1::GetBulletinRequest(), &resp).error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

// The status of one call to server reflection (a generic unary call: what
// matters is whether the method exists).
grpc::StatusCode CallReflection(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  grpc::Slice empty("");  // an empty ServerReflectionRequest
  grpc::ByteBuffer request(&empty, 1), response;
  std::promise<grpc::Status> done;
  stub.UnaryCall(&ctx, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", grpc::StubOptions(), &request,
                 &response, [&](grpc::Status s) { done.set_value(s); });
  return done.get_future().get().error_code();
}

TEST_F(AuthTest, MetricsAndReflectionAreAReadersWhenReadsAreProtected) {
  StartServer({"--read-token-file", dir_.path() + "/read-token"});
  EXPECT_EQ(CallReflection(channel_), grpc::StatusCode::UNIMPLEMENTED);
  httplib::Client http("127.0.0.1", server_->http_port());
  httplib::Result anonymous = http.Get("/metrics");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  httplib::Result with_token = http.Get("/metrics", {{"Authorization", std::string("bearer ") + testing::kReadToken}});
  ASSERT_TRUE(with_token);
  EXPECT_EQ(with_token->status, 200);
  EXPECT_NE(with_token->body.find("bantin_bulletins"), std::string::npos);
}

TEST_F(AuthTest, ReflectionIsOnWhenReadsAreOpenOrAskedFor) {
  StartServer();
  EXPECT_NE(CallReflection(channel_), grpc::StatusCode::UNIMPLEMENTED);
  server_.reset();
  StartServer({"--read-token-file", dir_.path() + "/read-token", "--reflection"});
  EXPECT_NE(CallReflection(channel_), grpc::StatusCode::UNIMPLEMENTED);
}

TEST_F(AuthTest, AnUnusableTokenFileStopsTheServerAtStart) {
  testing::WriteFile(dir_.path() + "/short", "abc\n");
  testing::ServerProcess server(dir_.path() + "/db", {"--write-token-file", dir_.path() + "/short"});
  EXPECT_FALSE(server.started());
  EXPECT_EQ(server.Stop(), 2);
  EXPECT_NE(server.Log().find("at least 16"), std::string::npos) << server.Log();
}

TEST_F(AuthTest, TlsServesOnlyTlsClients) {
  const std::string cert = dir_.path() + "/cert.pem", key = dir_.path() + "/key.pem";
  const std::string openssl =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost "
      "-addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout " +
      key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(openssl.c_str()), 0);
  StartServer({"--tls-cert", cert, "--tls-key", key});
  EXPECT_NE(server_->output().find("with TLS"), std::string::npos);

  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadFile(cert);
  auto secure = v1::BulletinService::NewStub(grpc::CreateChannel(server_->grpc_address(), grpc::SslCredentials(ssl)));
  v1::IngestBulletinRequest req;
  req.set_raw(ReadFile(SeedPaths()[0]));
  v1::IngestBulletinResponse resp;
  const grpc::Status ok = secure->IngestBulletin(Ctx().get(), req, &resp);
  EXPECT_TRUE(ok.ok()) << ok.error_message();
  EXPECT_TRUE(resp.created());

  // A plaintext client never gets an answer.
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  EXPECT_FALSE(stub_->IngestBulletin(ctx.get(), req, &resp).ok());
}

}  // namespace
}  // namespace bantin
