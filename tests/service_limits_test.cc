// Limits, deadlines and graceful shutdown, against a real `bantin serve`
// process on 127.0.0.1.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

using testing::DetailsOf;
using testing::ReadFile;
using testing::SeedPaths;
using testing::VariantOf;

class LimitsTest : public testing::ServiceFixture {};

TEST_F(LimitsTest, ConfiguredLimitsAreEnforcedWithTheirNames) {
  StartServer({"--max-message-bytes", "20000", "--max-page-size", "2", "--max-query-bytes", "16", "--max-batch-ids",
               "2", "--max-stream-items", "3"});
  // A page larger than the message limit: refused before any work.
  v1::IngestBulletinRequest big;
  big.set_raw(std::string(30000, 'a'));
  v1::IngestBulletinResponse r1;
  EXPECT_EQ(stub_->IngestBulletin(Ctx().get(), big, &r1).error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

  // Too long a stream: the first pages are kept, the call says why it ended.
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  v1::IngestBulletinsResponse summary;
  auto stream = stub_->IngestBulletins(ctx.get(), &summary);
  const std::string page = ReadFile(SeedPaths()[2]);
  ASSERT_LT(page.size(), 19000u);
  for (int i = 0; i < 5; ++i) {
    v1::IngestBulletinsRequest item;
    item.set_raw(VariantOf(page, i));
    if (!stream->Write(item)) break;
  }
  stream->WritesDone();
  const grpc::Status too_long = stream->Finish();
  EXPECT_EQ(too_long.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(DetailsOf(too_long).metadata["limit"], "max_stream_items");
  v1::ListBulletinsRequest list;
  list.set_page_size(100);  // lowered to the maximum, 2 (AIP-158)
  v1::ListBulletinsResponse listed;
  ASSERT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.bulletins_size(), 2);
  list.set_page_token(listed.next_page_token());
  ASSERT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  EXPECT_EQ(listed.bulletins_size(), 1);  // 3 stored in all
  EXPECT_TRUE(listed.next_page_token().empty());

  v1::SearchBulletinsRequest search;
  search.set_query("một truy vấn rất dài");
  v1::SearchBulletinsResponse r2;
  const grpc::Status long_query = stub_->SearchBulletins(Ctx().get(), search, &r2);
  EXPECT_EQ(long_query.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(DetailsOf(long_query).reason, "LIMIT_EXCEEDED");
  EXPECT_EQ(DetailsOf(long_query).metadata["max"], "16");

  v1::BatchGetBulletinsRequest batch;
  for (const char* id : {"a", "b", "c"}) batch.add_ids(id);
  v1::BatchGetBulletinsResponse r3;
  const grpc::Status many = stub_->BatchGetBulletins(Ctx().get(), batch, &r3);
  EXPECT_EQ(many.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(DetailsOf(many).metadata["limit"], "max_batch_ids");
}

// Every string field has a length limit, and an error never echoes a value
// past it: a 3 KB id gets a short INVALID_ARGUMENT, not its own id back in a
// trailer the client cannot read.
TEST_F(LimitsTest, StringFieldsHaveLengthsAndErrorsDoNotEchoThem) {
  StartServer();
  const std::string long_id(3000, 'a');
  v1::GetBulletinRequest get;
  get.set_id(long_id);
  v1::GetBulletinResponse got;
  const grpc::Status s = stub_->GetBulletin(Ctx().get(), get, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"id"});
  EXPECT_LT(s.error_message().size() + s.error_details().size(), 400u);
  v1::DeleteBulletinRequest del;
  del.set_id(long_id);
  v1::DeleteBulletinResponse deleted;
  EXPECT_EQ(stub_->DeleteBulletin(Ctx().get(), del, &deleted).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

  v1::IngestBulletinRequest ingest;
  ingest.set_raw(testing::ReadFile(testing::SeedPaths()[0]));
  ingest.mutable_hints()->set_url("https://example.vn/" + std::string(1 << 20, 'x'));
  v1::IngestBulletinResponse ingested;
  const grpc::Status u = stub_->IngestBulletin(Ctx().get(), ingest, &ingested);
  EXPECT_EQ(u.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(u).fields, std::vector<std::string>{"hints.url"});

  v1::ListBulletinsRequest list;
  list.set_source_id(std::string(1000, 's'));
  v1::ListBulletinsResponse listed;
  EXPECT_EQ(stub_->ListBulletins(Ctx().get(), list, &listed).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

// One date rule for search, filter and List: no 30 February anywhere.
TEST_F(LimitsTest, ImpossibleDatesAreRefusedEverywhere) {
  StartServer();
  for (const char* query : {"date>=2021-02-30", "tỉnh date:2021-13"}) {
    v1::SearchBulletinsRequest req;
    req.set_query(query);
    v1::SearchBulletinsResponse resp;
    EXPECT_EQ(stub_->SearchBulletins(Ctx().get(), req, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT)
        << query;
  }
  v1::SearchBulletinsRequest filtered;
  filtered.set_filter("date >= \"2021-02-30\"");
  v1::SearchBulletinsResponse resp;
  EXPECT_EQ(stub_->SearchBulletins(Ctx().get(), filtered, &resp).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::ListBulletinsRequest list;
  list.set_from_date("2021-02-30");
  v1::ListBulletinsResponse listed;
  EXPECT_EQ(stub_->ListBulletins(Ctx().get(), list, &listed).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::SearchBulletinsRequest fine;
  fine.set_query("date>=2024-02-29 date<=2024-03");
  EXPECT_TRUE(stub_->SearchBulletins(Ctx().get(), fine, &resp).ok());
}

TEST_F(LimitsTest, ASearchPastItsDeadlineStopsInTheEngine) {
  StartServer();
  for (const std::string& path : SeedPaths()) Ingest(ReadFile(path));
  v1::SearchBulletinsRequest search;
  search.set_query("tỉnh ủy");
  v1::SearchBulletinsResponse found;
  // Deadlines so short that they pass between the call's arrival and the
  // search: the engine notices, stops, and says so. Too short a deadline
  // fails in the client and too long one lets the search finish, so the
  // deadline shrinks and grows until the server has reported one.
  const std::string engine_stop = "search: cancelled or past its deadline";
  int micros = 400;
  for (int attempt = 0; attempt < 2000 && server_->Log().find(engine_stop) == std::string::npos; ++attempt) {
    std::unique_ptr<grpc::ClientContext> ctx = Ctx();
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::microseconds(micros));
    const grpc::Status s = stub_->SearchBulletins(ctx.get(), search, &found);
    if (s.ok())
      micros = micros * 3 / 4 + 1;
    else
      micros = micros * 5 / 4 + 1;
    if (!s.ok()) EXPECT_EQ(s.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED) << s.error_message();
  }
  EXPECT_NE(server_->Log().find(engine_stop), std::string::npos);
  // The server is unharmed and the same search within its deadline works.
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  EXPECT_TRUE(stub_->SearchBulletins(ctx.get(), search, &found).ok());
  EXPECT_GT(found.total_size(), 0);
}

TEST_F(LimitsTest, SigtermDrainsAndLosesNoAcknowledgedWrite) {
  StartServer({"--quiet"});
  const std::vector<std::string> seeds = SeedPaths();
  std::vector<std::string> pages;
  for (const std::string& path : seeds) pages.push_back(ReadFile(path));

  // A stream open across the signal: it is allowed to finish.
  std::unique_ptr<grpc::ClientContext> stream_ctx = Ctx();
  v1::IngestBulletinsResponse summary;
  auto stream = stub_->IngestBulletins(stream_ctx.get(), &summary);
  for (int i = 0; i < 20; ++i) {
    v1::IngestBulletinsRequest item;
    item.set_raw(VariantOf(pages[i % pages.size()], 1000 + i));
    ASSERT_TRUE(stream->Write(item));
  }

  // Unary ingests racing the signal, each acknowledged id recorded.
  std::vector<std::string> acknowledged;  // the writer's until it is joined
  std::atomic<size_t> acknowledged_count{0};
  std::atomic<bool> signalled{false};
  std::thread writer([&] {
    for (int i = 0; i < 100000; ++i) {
      v1::IngestBulletinRequest req;
      req.set_raw(VariantOf(pages[i % pages.size()], i));
      v1::IngestBulletinResponse resp;
      if (!stub_->IngestBulletin(Ctx().get(), req, &resp).ok()) {
        if (signalled) break;
        continue;
      }
      acknowledged.push_back(resp.bulletin().id());
      ++acknowledged_count;
    }
  });
  while (acknowledged_count < 50) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::thread stopper([&] {
    signalled = true;
    EXPECT_EQ(server_->Stop(SIGTERM), 0);
  });
  writer.join();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  for (int i = 20; i < 25; ++i) {
    v1::IngestBulletinsRequest item;
    item.set_raw(VariantOf(pages[i % pages.size()], 1000 + i));
    stream->Write(item);
  }
  stream->WritesDone();
  const grpc::Status stream_status = stream->Finish();
  stopper.join();
  EXPECT_TRUE(stream_status.ok()) << stream_status.error_message();
  EXPECT_EQ(summary.received(), 25);
  EXPECT_NE(server_->output().find("SIGTERM received, draining"), std::string::npos);

  StartServer();
  ASSERT_GE(acknowledged.size(), 50u);
  std::vector<std::string> ids = acknowledged;
  for (const std::string& id : summary.ids()) ids.push_back(id);
  for (size_t begin = 0; begin < ids.size(); begin += 500) {
    v1::BatchGetBulletinsRequest batch;
    for (size_t i = begin; i < ids.size() && i < begin + 500; ++i) batch.add_ids(ids[i]);
    v1::BatchGetBulletinsResponse got;
    const grpc::Status s = stub_->BatchGetBulletins(Ctx().get(), batch, &got);
    EXPECT_TRUE(s.ok()) << s.error_message();
  }
}

}  // namespace
}  // namespace bantin
