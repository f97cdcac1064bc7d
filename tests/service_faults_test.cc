// The service under a disk that fills (README.md, Reliability), on a real
// gRPC server on 127.0.0.1 whose store sits on a budgeted file system
// (tests/disk_budget_fs.h): writes answer RESOURCE_EXHAUSTED (DISK_FULL)
// with a retry delay, health reports the writes NOT_SERVING, reads go on,
// and writes come back by themselves when space returns.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bantin/v1/bantin.grpc.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "service/health_service.h"
#include "service/server.h"
#include "tests/disk_budget_fs.h"
#include "tests/service_fixture.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using grpc::health::v1::HealthCheckResponse;

class DiskFullService : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_ = std::make_shared<testing::DiskBudgetFs>(uint64_t{1} << 30);
    ServerOptions o;
    o.db_dir = dir_.path() + "/db";
    o.grpc_address = "127.0.0.1:0";
    o.auth.write_tokens = {testing::kWriteToken};
    o.file_system = fs_;
    o.drain_seconds = 1;
    Result<std::unique_ptr<Server>> server = Server::Start(o);
    ASSERT_TRUE(server.ok()) << server.status().message();
    server_ = std::move(*server);
    channel_ =
        grpc::CreateChannel("127.0.0.1:" + std::to_string(server_->grpc_port()), grpc::InsecureChannelCredentials());
    stub_ = v1::BulletinService::NewStub(channel_);
    health_ = grpc::health::v1::Health::NewStub(channel_);
  }

  grpc::Status Ingest(int n, v1::IngestBulletinResponse* resp) {
    v1::IngestBulletinRequest req;
    req.set_raw(testing::ReadFile(testing::SeedPaths()[n % 5]) + "\nLượt xem: " + std::to_string(n) + "\n");
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", std::string("Bearer ") + testing::kWriteToken);
    return stub_->IngestBulletin(&ctx, req, resp);
  }
  HealthCheckResponse::ServingStatus Health(const std::string& service) {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest req;
    req.set_service(service);
    HealthCheckResponse resp;
    EXPECT_TRUE(health_->Check(&ctx, req, &resp).ok());
    return resp.status();
  }

  testing::TempDir dir_;
  std::shared_ptr<testing::DiskBudgetFs> fs_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::BulletinService::Stub> stub_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
};

TEST_F(DiskFullService, WritesRefusedWithReasonReadsGoOnWritesResume) {
  std::vector<std::string> acked;
  for (int n = 0; n < 5; ++n) {
    v1::IngestBulletinResponse resp;
    ASSERT_TRUE(Ingest(n, &resp).ok());
    acked.push_back(resp.bulletin().id());
  }
  EXPECT_EQ(Health(HealthService::kWritesService), HealthCheckResponse::SERVING);
  fs_->Fill();

  v1::IngestBulletinResponse refused_resp;
  const grpc::Status refused = Ingest(100, &refused_resp);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED) << refused.error_message();
  EXPECT_EQ(testing::DetailsOf(refused).reason, "DISK_FULL");
  google::rpc::Status details;
  ASSERT_TRUE(details.ParseFromString(refused.error_details()));
  bool retry_info = false;
  for (const google::protobuf::Any& any : details.details()) retry_info |= any.Is<google::rpc::RetryInfo>();
  EXPECT_TRUE(retry_info) << "a full disk passes: the caller is told when to retry";

  EXPECT_EQ(Health(HealthService::kWritesService), HealthCheckResponse::NOT_SERVING);
  EXPECT_EQ(Health(""), HealthCheckResponse::SERVING);  // reads
  for (const std::string& id : acked) {
    grpc::ClientContext ctx;
    v1::GetBulletinRequest req;
    req.set_id(id);
    v1::GetBulletinResponse resp;
    EXPECT_TRUE(stub_->GetBulletin(&ctx, req, &resp).ok()) << id;
  }
  grpc::ClientContext search_ctx;
  v1::SearchBulletinsRequest search;
  search.set_query("tỉnh");
  v1::SearchBulletinsResponse found;
  ASSERT_TRUE(stub_->SearchBulletins(&search_ctx, search, &found).ok());
  EXPECT_EQ(found.total_size(), 5);

  fs_->SetBudget(fs_->used() + (64 << 20));
  EXPECT_EQ(Health(HealthService::kWritesService), HealthCheckResponse::SERVING);
  v1::IngestBulletinResponse resumed;
  ASSERT_TRUE(Ingest(100, &resumed).ok());
  EXPECT_TRUE(resumed.created());
}

// `pages` distinct pages stored in a database at `db`, then closed
// (compacted into table files when asked); returns how many are stored.
size_t FillDatabase(const std::string& db, int pages, bool compact) {
  Result<std::unique_ptr<Store>> store = Store::Open(db);
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return 0;
  for (int n = 0; n < pages; ++n) {
    const std::string raw = testing::ReadFile(testing::SeedPaths()[n % 5]) + "\n#" + std::to_string(n) + "\n";
    EXPECT_TRUE((*store)->Put(ParseText(raw), raw).ok());
  }
  if (compact) EXPECT_TRUE((*store)->Compact().ok());
  return (*store)->size();
}

// A real server on 127.0.0.1 over the database at `db`.
Result<std::unique_ptr<Server>> ServeDatabase(const std::string& db) {
  ServerOptions o;
  o.db_dir = db;
  o.grpc_address = "127.0.0.1:0";
  o.drain_seconds = 1;
  return Server::Start(o);
}

std::shared_ptr<grpc::Channel> ChannelTo(const Server& server) {
  return grpc::CreateChannel("127.0.0.1:" + std::to_string(server.grpc_port()), grpc::InsecureChannelCredentials());
}

// A damaged write-ahead log under a server: it opens and serves what
// survived; health names the damage until a repair.
TEST(DamagedService, DamagedLogShowsInHealth) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  ASSERT_EQ(FillDatabase(db, 200, /*compact=*/false), 200u);
  for (const auto& entry : std::filesystem::directory_iterator(db))
    if (entry.path().extension() == ".log" && entry.file_size() > 0) {
      std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(entry.file_size() / 2));
      f.write(std::string(64, '\x5a').data(), 64);
    }
  Result<std::unique_ptr<Server>> server = ServeDatabase(db);
  ASSERT_TRUE(server.ok()) << server.status().message();
  auto health = grpc::health::v1::Health::NewStub(ChannelTo(**server));
  for (const auto& [service, expected] :
       {std::pair<std::string, HealthCheckResponse::ServingStatus>{"", HealthCheckResponse::SERVING},
        {HealthService::kIntegrityService, HealthCheckResponse::NOT_SERVING},
        {HealthService::kWritesService, HealthCheckResponse::SERVING}}) {
    grpc::ClientContext ctx;
    grpc::health::v1::HealthCheckRequest req;
    req.set_service(service);
    HealthCheckResponse resp;
    ASSERT_TRUE(health->Check(&ctx, req, &resp).ok()) << service;
    EXPECT_EQ(resp.status(), expected) << service;
  }
}

// A table file damaged under a server: List, Search and the Export stream
// answer OK, pass over the damaged bulletins and say which.
TEST(DamagedService, ReadsReportDamagedBulletinsAndGoOn) {
  testing::TempDir dir;
  const std::string db = dir.path() + "/db";
  const size_t stored = FillDatabase(db, 300, /*compact=*/true);
  ASSERT_EQ(stored, 300u);
  std::string table;
  uintmax_t largest = 0;
  for (const auto& entry : std::filesystem::directory_iterator(db))
    if (entry.path().extension() == ".sst" && entry.file_size() > largest)
      table = entry.path(), largest = entry.file_size();
  {
    std::fstream f(table, std::ios::in | std::ios::out | std::ios::binary);
    for (int quarter = 1; quarter <= 3; ++quarter) {
      f.seekp(static_cast<std::streamoff>(largest * quarter / 4));
      f.write(std::string(64, '\x5a').data(), 64);
    }
  }
  Result<std::unique_ptr<Server>> server = ServeDatabase(db);
  ASSERT_TRUE(server.ok()) << server.status().message();
  auto stub = v1::BulletinService::NewStub(ChannelTo(**server));

  grpc::ClientContext export_ctx;
  v1::ExportBulletinsRequest req;
  auto reader = stub->ExportBulletins(&export_ctx, req);
  v1::ExportBulletinsResponse item;
  size_t exported = 0, damaged = 0;
  while (reader->Read(&item)) {
    if (item.has_damaged()) {
      ++damaged;
      EXPECT_FALSE(item.damaged().reason().empty());
    } else {
      ++exported;
    }
  }
  const grpc::Status finished = reader->Finish();
  ASSERT_TRUE(finished.ok()) << finished.error_message();
  EXPECT_GT(damaged, 0u) << "the damage went unreported";
  EXPECT_GE(exported, stored - 60);
  EXPECT_LE(exported + damaged, stored);

  grpc::ClientContext list_ctx;
  v1::ListBulletinsRequest list;
  list.set_page_size(500);  // records only: a damaged raw page does not keep a bulletin out of a list
  v1::ListBulletinsResponse listed;
  ASSERT_TRUE(stub->ListBulletins(&list_ctx, list, &listed).ok());
  EXPECT_GE(static_cast<size_t>(listed.bulletins_size()), exported);
  // Every bulletin is in both answers, as itself or as damaged.
  EXPECT_EQ(static_cast<size_t>(listed.bulletins_size() + listed.damaged_size()), exported + damaged);

  grpc::ClientContext search_ctx;
  v1::SearchBulletinsRequest search;
  search.set_query("tỉnh");
  search.set_page_size(100);
  v1::SearchBulletinsResponse found;
  const grpc::Status searched = stub->SearchBulletins(&search_ctx, search, &found);
  EXPECT_TRUE(searched.ok()) << searched.error_message();
}

}  // namespace
}  // namespace bantin
