// A real server on 127.0.0.1 (ephemeral port) over a real RocksDB, called
// through a real gRPC channel.
#include <grpcpp/grpcpp.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/health_check_service_interface.h>
#include <gtest/gtest.h>

#include "bantin/v1/bantin.grpc.pb.h"
#include "service/server.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::ReadFile;
using testing::SeedPaths;

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions o;
    o.db_dir = dir_.path();
    o.grpc_address = "127.0.0.1:0";
    Result<std::unique_ptr<Server>> s = Server::Start(o);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(*s);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->grpc_port()),
                                   grpc::InsecureChannelCredentials());
    stub_ = v1::BulletinService::NewStub(channel_);
  }
  void TearDown() override { server_->Shutdown(); }

  v1::IngestBulletinResponse Ingest(const std::string& raw) {
    v1::IngestBulletinRequest req;
    req.set_raw(raw);
    v1::IngestBulletinResponse resp;
    grpc::ClientContext ctx;
    EXPECT_TRUE(stub_->IngestBulletin(&ctx, req, &resp).ok());
    return resp;
  }

  testing::TempDir dir_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::BulletinService::Stub> stub_;
};

TEST_F(ServiceTest, IngestGetListSearch) {
  for (const std::string& path : SeedPaths()) EXPECT_TRUE(Ingest(ReadFile(path)).created());
  const v1::IngestBulletinResponse again = Ingest(ReadFile(SeedPaths()[0]));
  EXPECT_FALSE(again.created());

  v1::GetBulletinRequest get;
  get.set_id(again.bulletin().id());
  get.set_include_raw(true);
  v1::GetBulletinResponse got;
  grpc::ClientContext c1;
  ASSERT_TRUE(stub_->GetBulletin(&c1, get, &got).ok());
  EXPECT_EQ(got.bulletin().source().province(), "Sóc Trăng");
  EXPECT_EQ(got.raw(), ReadFile(SeedPaths()[0]));

  v1::ListBulletinsRequest list;
  list.set_from_date("2022-01-01");
  v1::ListBulletinsResponse listed;
  grpc::ClientContext c2;
  ASSERT_TRUE(stub_->ListBulletins(&c2, list, &listed).ok());
  ASSERT_EQ(listed.bulletins_size(), 2);  // 2022-08-01 and 2024-02-27
  EXPECT_EQ(listed.bulletins(0).date(), "2022-08-01");

  v1::SearchBulletinsRequest search;
  search.set_query("tuyen giao \"Thái Nguyên\"");
  v1::SearchBulletinsResponse found;
  grpc::ClientContext c3;
  ASSERT_TRUE(stub_->SearchBulletins(&c3, search, &found).ok());
  ASSERT_GE(found.results_size(), 1);
  EXPECT_EQ(found.results(0).source().province(), "Thái Nguyên");
  EXPECT_GT(found.results(0).score(), 0);
  // Snippets mark the matched syllables by byte offsets; facets count provinces.
  ASSERT_GE(found.results(0).snippets_size(), 1);
  const v1::Snippet& snippet = found.results(0).snippets(0);
  ASSERT_GE(snippet.highlights_size(), 1);
  EXPECT_LE(snippet.highlights(0).end(), snippet.text().size());
  ASSERT_GE(found.province_facets_size(), 1);
  EXPECT_EQ(found.province_facets(0).value(), "Thái Nguyên");
}

TEST_F(ServiceTest, BatchGetDeleteListSources) {
  const std::string a = Ingest(ReadFile(SeedPaths()[0])).bulletin().id();
  const std::string b = Ingest(ReadFile(SeedPaths()[1])).bulletin().id();

  v1::BatchGetBulletinsRequest batch;
  batch.add_ids(b);
  batch.add_ids(a);
  v1::BatchGetBulletinsResponse got;
  grpc::ClientContext c1;
  ASSERT_TRUE(stub_->BatchGetBulletins(&c1, batch, &got).ok());
  ASSERT_EQ(got.bulletins_size(), 2);
  EXPECT_EQ(got.bulletins(0).id(), b);

  v1::ListSourcesRequest sources;
  v1::ListSourcesResponse listed;
  grpc::ClientContext c2;
  ASSERT_TRUE(stub_->ListSources(&c2, sources, &listed).ok());
  ASSERT_EQ(listed.sources_size(), 2);
  EXPECT_EQ(listed.sources(0).bulletin_count(), 1);
  EXPECT_FALSE(listed.sources(0).first_date().empty());

  v1::DeleteBulletinRequest del;
  del.set_id(a);
  v1::DeleteBulletinResponse deleted;
  grpc::ClientContext c3;
  ASSERT_TRUE(stub_->DeleteBulletin(&c3, del, &deleted).ok());
  grpc::ClientContext c4;
  EXPECT_EQ(stub_->DeleteBulletin(&c4, del, &deleted).error_code(), grpc::StatusCode::NOT_FOUND);
  grpc::ClientContext c5;
  const grpc::Status missing = stub_->BatchGetBulletins(&c5, batch, &got);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_NE(missing.error_message().find(a), std::string::npos);
  batch.add_ids("");
  grpc::ClientContext c6;
  EXPECT_EQ(stub_->BatchGetBulletins(&c6, batch, &got).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServiceTest, ParseStoresNothing) {
  v1::ParseBulletinRequest req;
  req.set_raw(ReadFile(SeedPaths()[4]));
  v1::ParseBulletinResponse resp;
  grpc::ClientContext c1;
  ASSERT_TRUE(stub_->ParseBulletin(&c1, req, &resp).ok());
  EXPECT_EQ(resp.bulletin().date(), "2021-07-16");
  v1::GetBulletinRequest get;
  get.set_id(resp.bulletin().id());
  v1::GetBulletinResponse got;
  grpc::ClientContext c2;
  EXPECT_EQ(stub_->GetBulletin(&c2, get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServiceTest, BadRequestsGetClearErrors) {
  v1::IngestBulletinRequest empty;
  v1::IngestBulletinResponse r1;
  grpc::ClientContext c1;
  grpc::Status s = stub_->IngestBulletin(&c1, empty, &r1);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("raw"), std::string::npos);

  v1::ListBulletinsRequest list;
  list.set_from_date("16/07/2021");
  v1::ListBulletinsResponse r2;
  grpc::ClientContext c2;
  s = stub_->ListBulletins(&c2, list, &r2);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(s.error_message().find("from_date"), std::string::npos);

  v1::SearchBulletinsRequest search;
  search.set_query("\"open quote");
  v1::SearchBulletinsResponse r3;
  grpc::ClientContext c3;
  EXPECT_EQ(stub_->SearchBulletins(&c3, search, &r3).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(ServiceTest, HealthCheckServes) {
  grpc::ByteBuffer request_bytes, response_bytes;
  // grpc.health.v1.HealthCheckRequest{service: ""} is the empty message.
  grpc::Slice empty("");
  request_bytes = grpc::ByteBuffer(&empty, 1);
  grpc::GenericStub generic(channel_);
  grpc::ClientContext ctx;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  grpc::Status status;
  generic.UnaryCall(&ctx, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request_bytes,
                    &response_bytes, [&](grpc::Status s) {
                      std::lock_guard<std::mutex> l(mu);
                      status = s;
                      done = true;
                      cv.notify_one();
                    });
  std::unique_lock<std::mutex> l(mu);
  cv.wait(l, [&] { return done; });
  ASSERT_TRUE(status.ok()) << status.error_message();
  std::vector<grpc::Slice> slices;
  ASSERT_TRUE(response_bytes.Dump(&slices).ok());
  // HealthCheckResponse{status: SERVING(1)} encodes as 08 01.
  ASSERT_EQ(slices.size(), 1u);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(slices[0].begin()), slices[0].size()), "\x08\x01");
}

}  // namespace
}  // namespace bantin
