// What a hostile or careless client may send a real `bantin serve`, and
// the answers it must get: a status with a reason, bounded work, never a
// crash or an INTERNAL. Loops and sizes are bounded; nothing here times
// the server.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

using testing::DetailsOf;
using testing::ReadFile;
using testing::SeedPaths;

class AbuseTest : public testing::ServiceFixture {};

constexpr char kNotUtf8[] = "tin \xC3\x28 \xFF";

// Every string of every request is checked: the error names the field,
// nested ("hints.url") and repeated ("ids[1]") ones too.
TEST_F(AbuseTest, InvalidUtf8AnywhereIsInvalidArgumentNamingTheField) {
  StartServer();
  v1::SearchBulletinsRequest search;
  search.set_query(kNotUtf8);
  v1::SearchBulletinsResponse found;
  grpc::Status s = stub_->SearchBulletins(Ctx().get(), search, &found);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << s.error_message();
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"query"});
  EXPECT_EQ(DetailsOf(s).reason, "INVALID_QUERY");

  v1::ListBulletinsRequest list;
  list.set_province(kNotUtf8);
  v1::ListBulletinsResponse listed;
  s = stub_->ListBulletins(Ctx().get(), list, &listed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"province"});

  v1::IngestBulletinRequest ingest;
  ingest.set_raw(ReadFile(SeedPaths()[0]));
  ingest.mutable_hints()->set_url(std::string("https://a.vn/") + kNotUtf8);
  v1::IngestBulletinResponse ingested;
  s = stub_->IngestBulletin(Ctx().get(), ingest, &ingested);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"hints.url"});

  v1::BatchGetBulletinsRequest batch;
  batch.add_ids("0123456789abcdef");
  batch.add_ids(kNotUtf8);
  v1::BatchGetBulletinsResponse got;
  s = stub_->BatchGetBulletins(Ctx().get(), batch, &got);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"ids[1]"});

  v1::GetBulletinRequest get;
  get.set_id(kNotUtf8);
  v1::GetBulletinResponse one;
  s = stub_->GetBulletin(Ctx().get(), get, &one);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"id"});
}

// In a stream, a page with a bad field is that page's failure, named; the
// pages around it are stored.
TEST_F(AbuseTest, InvalidUtf8InAStreamItemFailsThatPageOnly) {
  StartServer();
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  v1::IngestBulletinsResponse summary;
  auto stream = stub_->IngestBulletins(ctx.get(), &summary);
  for (int i = 0; i < 3; ++i) {
    v1::IngestBulletinsRequest item;
    item.set_raw(ReadFile(SeedPaths()[i]));
    item.set_label("page-" + std::to_string(i));
    if (i == 1) item.mutable_hints()->set_province(kNotUtf8);
    ASSERT_TRUE(stream->Write(item));
  }
  stream->WritesDone();
  ASSERT_TRUE(stream->Finish().ok());
  EXPECT_EQ(summary.received(), 3);
  EXPECT_EQ(summary.created(), 2);
  ASSERT_EQ(summary.failures_size(), 1);
  EXPECT_EQ(summary.failures(0).index(), 1);
  EXPECT_EQ(summary.failures(0).reason(), "INVALID_HINTS_PROVINCE");
  EXPECT_EQ(summary.failures(0).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_FALSE(summary.ids(0).empty());
  EXPECT_TRUE(summary.ids(1).empty());
  EXPECT_FALSE(summary.ids(2).empty());
}

// Past --max-page-bytes a page is refused before any work, naming the limit.
TEST_F(AbuseTest, APageOverTheLimitIsRefusedNamingIt) {
  StartServer({"--max-page-bytes", "4096"});
  v1::ParseBulletinRequest parse;
  parse.set_raw(std::string(5000, 'a'));
  v1::ParseBulletinResponse parsed;
  const grpc::Status s = stub_->ParseBulletin(Ctx().get(), parse, &parsed);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailsOf(s).fields, std::vector<std::string>{"raw"});
  EXPECT_EQ(DetailsOf(s).metadata["limit"], "max_page_bytes");
  EXPECT_EQ(DetailsOf(s).metadata["max"], "4096");
  parse.set_raw(std::string(4000, 'a'));
  EXPECT_TRUE(stub_->ParseBulletin(Ctx().get(), parse, &parsed).ok());
}

// Pages built to cost: markup nested a million deep, a page of one-byte
// lines. Each is parsed with a warning saying what was left out, and the
// record stays a small multiple of the page.
TEST_F(AbuseTest, PathologicalPagesCostBoundedWorkAndSayWhatWasLeftOut) {
  StartServer();
  std::string deep = "<html><body>";
  for (int i = 0; i < 1000000; ++i) deep += "<div>";
  deep += "<p>Bài viết ở rất sâu trong trang.</p></body></html>";
  v1::ParseBulletinRequest parse;
  parse.set_raw(deep);
  v1::ParseBulletinResponse parsed;
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  ASSERT_TRUE(stub_->ParseBulletin(ctx.get(), parse, &parsed).ok());
  bool warned = false;
  for (const std::string& w : parsed.bulletin().warnings()) warned |= w.find("nested deeper than") != std::string::npos;
  EXPECT_TRUE(warned);

  std::string lines;
  for (int i = 0; i < 2000000; ++i) lines += "a\n";
  v1::IngestBulletinRequest ingest;
  ingest.set_raw(lines);
  v1::IngestBulletinResponse ingested;
  ASSERT_TRUE(stub_->IngestBulletin(Ctx().get(), ingest, &ingested).ok());
  EXPECT_LE(ingested.bulletin().lines_size(), 20000);
  EXPECT_LT(ingested.bulletin().ByteSizeLong(), lines.size());
  warned = false;
  for (const std::string& w : ingested.bulletin().warnings()) warned |= w.find("lines: the last") != std::string::npos;
  EXPECT_TRUE(warned);
}

// One worker and no queue: while it parses, other calls are refused at
// once with OVERLOADED and a retry hint, and the server stays well.
TEST_F(AbuseTest, PastTheQueueCallsAreRefusedWithARetryHint) {
  StartServer({"--max-concurrent-calls", "1", "--max-queued-calls", "0", "--quiet"});
  std::string page = ReadFile(SeedPaths()[0]);
  while (page.size() < (4u << 20)) page += page;  // a parse of some length
  std::atomic<int> ok{0}, overloaded{0}, other{0};
  std::atomic<bool> retry_hint{true};
  std::vector<std::thread> clients;
  for (int c = 0; c < 6; ++c)
    clients.emplace_back([&] {
      for (int i = 0; i < 3; ++i) {
        v1::ParseBulletinRequest parse;
        parse.set_raw(page);
        v1::ParseBulletinResponse parsed;
        const grpc::Status s = stub_->ParseBulletin(Ctx().get(), parse, &parsed);
        if (s.ok()) {
          ++ok;
        } else if (s.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED && DetailsOf(s).reason == "OVERLOADED") {
          ++overloaded;
          if (DetailsOf(s).metadata["retry_after_ms"].empty()) retry_hint = false;
        } else {
          ++other;
        }
      }
    });
  for (std::thread& t : clients) t.join();
  EXPECT_GT(ok.load(), 0);
  EXPECT_GT(overloaded.load(), 0);
  EXPECT_EQ(other.load(), 0);
  EXPECT_TRUE(retry_hint.load());
  // The server is well: a call finds the worker free again (the last one
  // may still be finishing as its answer arrives).
  v1::ListBulletinsRequest list;
  v1::ListBulletinsResponse listed;
  grpc::Status after;
  for (int attempt = 0; attempt < 50; ++attempt) {
    after = stub_->ListBulletins(Ctx().get(), list, &listed);
    if (after.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(after.ok()) << after.error_message();
}

// Started on a disk without room, the server says so and exits 1 (it
// aborted on a RocksDB assertion). The room asked for is more than any
// disk has; bench/RESULTS.md has the same on a full tmpfs.
TEST_F(AbuseTest, AFullDiskAtStartIsAClearErrorNotAnAbort) {
  testing::ServerProcess server(dir_.path() + "/db", {"--min-free-bytes", "4000000000000000000"});
  EXPECT_FALSE(server.started());
  EXPECT_EQ(server.Stop(), 1);
  EXPECT_NE(server.Log().find("disk is full"), std::string::npos) << server.Log();
}

}  // namespace
}  // namespace bantin
