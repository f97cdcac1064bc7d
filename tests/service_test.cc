// Every RPC against a real `bantin serve` process on 127.0.0.1, over a real
// RocksDB, through a real gRPC channel; plus the HTTP side.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "bantin/parse/parser.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "tests/service_fixture.h"

namespace bantin {
namespace {

using testing::ReadFile;
using testing::SeedPaths;

class ServiceTest : public testing::ServiceFixture {
 protected:
  void SetUp() override { StartServer(); }
};

TEST_F(ServiceTest, IngestGetListSearch) {
  for (const std::string& path : SeedPaths()) EXPECT_TRUE(Ingest(ReadFile(path)).created());
  const v1::IngestBulletinResponse again = Ingest(ReadFile(SeedPaths()[0]));
  EXPECT_FALSE(again.created());

  v1::GetBulletinRequest get;
  get.set_id(again.bulletin().id());
  get.set_include_raw(true);
  v1::GetBulletinResponse got;
  ASSERT_TRUE(stub_->GetBulletin(Ctx("").get(), get, &got).ok());  // reads are open
  EXPECT_EQ(got.bulletin().source().province(), "Sóc Trăng");
  EXPECT_EQ(got.raw(), ReadFile(SeedPaths()[0]));

  v1::ListBulletinsRequest list;
  list.set_from_date("2022-01-01");
  v1::ListBulletinsResponse listed;
  ASSERT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.bulletins_size(), 2);  // 2022-08-01 and 2024-02-27
  EXPECT_EQ(listed.bulletins(0).date(), "2022-08-01");
  list.set_page_size(1);
  ASSERT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.bulletins_size(), 1);
  list.set_page_token(listed.next_page_token());
  ASSERT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  ASSERT_EQ(listed.bulletins_size(), 1);
  EXPECT_EQ(listed.bulletins(0).date(), "2024-02-27");

  v1::SearchBulletinsRequest search;
  search.set_query("tuyen giao \"Thái Nguyên\"");
  v1::SearchBulletinsResponse found;
  ASSERT_TRUE(stub_->SearchBulletins(Ctx().get(), search, &found).ok());
  ASSERT_GE(found.results_size(), 1);
  EXPECT_EQ(found.results(0).source().province(), "Thái Nguyên");
  EXPECT_GT(found.results(0).score(), 0);
  ASSERT_GE(found.results(0).snippets_size(), 1);
  const v1::Snippet& snippet = found.results(0).snippets(0);
  ASSERT_GE(snippet.highlights_size(), 1);
  EXPECT_LE(snippet.highlights(0).end(), snippet.text().size());
  ASSERT_GE(found.province_facets_size(), 1);
  EXPECT_EQ(found.province_facets(0).value(), "Thái Nguyên");
}

TEST_F(ServiceTest, SearchFilterRestrictsTheQuery) {
  for (const std::string& path : SeedPaths()) Ingest(ReadFile(path));
  v1::SearchBulletinsRequest search;
  search.set_query("tỉnh ủy");
  v1::SearchBulletinsResponse all, filtered;
  ASSERT_TRUE(stub_->SearchBulletins(Ctx().get(), search, &all).ok());
  search.set_filter("province = \"Sóc Trăng\" OR province = \"Thái Nguyên\" AND date >= 2020");
  ASSERT_TRUE(stub_->SearchBulletins(Ctx().get(), search, &filtered).ok());
  ASSERT_GT(all.total_size(), filtered.total_size());
  ASSERT_GT(filtered.total_size(), 0);
  for (const v1::SearchResult& r : filtered.results()) {
    EXPECT_TRUE(r.source().province() == "Sóc Trăng" || r.source().province() == "Thái Nguyên");
    EXPECT_GE(r.date(), "2020");
  }
}

TEST_F(ServiceTest, BatchGetDeleteListSources) {
  const std::string a = Ingest(ReadFile(SeedPaths()[0])).bulletin().id();
  const std::string b = Ingest(ReadFile(SeedPaths()[1])).bulletin().id();

  v1::BatchGetBulletinsRequest batch;
  batch.add_ids(b);
  batch.add_ids(a);
  v1::BatchGetBulletinsResponse got;
  ASSERT_TRUE(stub_->BatchGetBulletins(Ctx().get(), batch, &got).ok());
  ASSERT_EQ(got.bulletins_size(), 2);
  EXPECT_EQ(got.bulletins(0).id(), b);

  v1::ListSourcesRequest sources;
  v1::ListSourcesResponse listed;
  ASSERT_TRUE(stub_->ListSources(Ctx().get(), sources, &listed).ok());
  ASSERT_EQ(listed.sources_size(), 2);
  EXPECT_EQ(listed.sources(0).bulletin_count(), 1);
  EXPECT_FALSE(listed.sources(0).first_date().empty());

  // Served once (and so remembered by the server's read cache) ...
  v1::GetBulletinRequest get;
  get.set_id(a);
  v1::GetBulletinResponse one;
  ASSERT_TRUE(stub_->GetBulletin(Ctx().get(), get, &one).ok());
  ASSERT_TRUE(stub_->GetBulletin(Ctx().get(), get, &one).ok());
  EXPECT_EQ(one.bulletin().id(), a);

  v1::DeleteBulletinRequest del;
  del.set_id(a);
  v1::DeleteBulletinResponse deleted;
  ASSERT_TRUE(stub_->DeleteBulletin(Ctx().get(), del, &deleted).ok());
  // ... and gone once deleted.
  EXPECT_EQ(stub_->GetBulletin(Ctx().get(), get, &one).error_code(), grpc::StatusCode::NOT_FOUND);
  const grpc::Status again = stub_->DeleteBulletin(Ctx().get(), del, &deleted);
  EXPECT_EQ(again.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(testing::DetailsOf(again).reason, "BULLETIN_NOT_FOUND");
  const grpc::Status missing = stub_->BatchGetBulletins(Ctx().get(), batch, &got);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(testing::DetailsOf(missing).metadata["id"], a);
  Ingest(ReadFile(SeedPaths()[0]));
  EXPECT_TRUE(stub_->GetBulletin(Ctx().get(), get, &one).ok());
}

TEST_F(ServiceTest, ParseStoresNothing) {
  v1::ParseBulletinRequest req;
  req.set_raw(ReadFile(SeedPaths()[4]));
  v1::ParseBulletinResponse resp;
  ASSERT_TRUE(stub_->ParseBulletin(Ctx("").get(), req, &resp).ok());
  EXPECT_EQ(resp.bulletin().date(), "2021-07-16");
  v1::GetBulletinRequest get;
  get.set_id(resp.bulletin().id());
  v1::GetBulletinResponse got;
  EXPECT_EQ(stub_->GetBulletin(Ctx().get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(ServiceTest, BadRequestsNameTheFieldAndReason) {
  const auto expect_field = [](const grpc::Status& s, const std::string& field, const std::string& reason) {
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << field;
    const testing::ErrorDetails d = testing::DetailsOf(s);
    EXPECT_EQ(d.reason, reason);
    EXPECT_EQ(d.domain, "bantin.v1");
    ASSERT_EQ(d.fields.size(), 1u) << s.error_message();
    EXPECT_EQ(d.fields[0], field);
  };
  v1::IngestBulletinRequest empty;
  v1::IngestBulletinResponse r1;
  expect_field(stub_->IngestBulletin(Ctx().get(), empty, &r1), "raw", "INVALID_RAW");
  empty.set_raw("Tiêu đề\n\nNội dung.");
  empty.mutable_hints()->set_fetch_date("hôm qua");
  expect_field(stub_->IngestBulletin(Ctx().get(), empty, &r1), "hints.fetch_date", "INVALID_HINTS_FETCH_DATE");

  v1::ListBulletinsRequest list;
  list.set_from_date("16/07/2021");
  v1::ListBulletinsResponse r2;
  expect_field(stub_->ListBulletins(Ctx().get(), list, &r2), "from_date", "INVALID_FROM_DATE");
  list.set_from_date("");
  list.set_page_size(-1);
  expect_field(stub_->ListBulletins(Ctx().get(), list, &r2), "page_size", "INVALID_PAGE_SIZE");
  list.set_page_size(0);
  list.set_page_token("not-a-token");
  expect_field(stub_->ListBulletins(Ctx().get(), list, &r2), "page_token", "INVALID_PAGE_TOKEN");

  v1::SearchBulletinsRequest search;
  search.set_query("\"open quote");
  v1::SearchBulletinsResponse r3;
  const grpc::Status bad_query = stub_->SearchBulletins(Ctx().get(), search, &r3);
  expect_field(bad_query, "query", "INVALID_QUERY");
  EXPECT_NE(bad_query.error_message().find("offset 0"), std::string::npos) << bad_query.error_message();
  search.set_query("lúa");
  search.set_filter("province = \"Sóc Trăng\" OR source = qto");  // OR across fields
  expect_field(stub_->SearchBulletins(Ctx().get(), search, &r3), "filter", "INVALID_FILTER");
  search.set_filter("year = 2021");
  expect_field(stub_->SearchBulletins(Ctx().get(), search, &r3), "filter", "INVALID_FILTER");

  v1::GetBulletinRequest get;
  v1::GetBulletinResponse r4;
  expect_field(stub_->GetBulletin(Ctx().get(), get, &r4), "id", "INVALID_ID");
  v1::BatchGetBulletinsRequest batch;
  batch.add_ids("");
  v1::BatchGetBulletinsResponse r5;
  expect_field(stub_->BatchGetBulletins(Ctx().get(), batch, &r5), "ids[0]", "INVALID_IDS");
}

TEST_F(ServiceTest, IngestStreamSkipsBadPagesAndReportsThem) {
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  v1::IngestBulletinsResponse summary;
  auto stream = stub_->IngestBulletins(ctx.get(), &summary);
  const std::vector<std::string> seeds = SeedPaths();
  for (size_t i = 0; i < seeds.size(); ++i) {
    v1::IngestBulletinsRequest item;
    item.set_label(seeds[i]);
    if (i == 1)
      item.set_label("empty page");  // bad: no bytes
    else
      item.set_raw(ReadFile(seeds[i]));
    if (i == 3) item.mutable_hints()->set_fetch_date("2021-02-30");  // bad: no such day
    ASSERT_TRUE(stream->Write(item));
  }
  v1::IngestBulletinsRequest repeat;
  repeat.set_raw(ReadFile(seeds[0]));
  ASSERT_TRUE(stream->Write(repeat));
  ASSERT_TRUE(stream->WritesDone());
  const grpc::Status s = stream->Finish();
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(summary.received(), 6);
  EXPECT_EQ(summary.created(), 3);
  EXPECT_EQ(summary.unchanged(), 1);
  EXPECT_EQ(summary.failed(), 2);
  ASSERT_EQ(summary.failures_size(), 2);
  EXPECT_EQ(summary.failures(0).index(), 1);
  EXPECT_EQ(summary.failures(0).label(), "empty page");
  EXPECT_EQ(summary.failures(0).reason(), "INVALID_RAW");
  EXPECT_EQ(summary.failures(1).index(), 3);
  EXPECT_EQ(summary.failures(1).code(), static_cast<int>(grpc::StatusCode::INVALID_ARGUMENT));
  ASSERT_EQ(summary.ids_size(), 6);
  EXPECT_TRUE(summary.ids(1).empty());
  EXPECT_EQ(summary.ids(5), summary.ids(0));
  for (int i : {0, 2, 4}) {
    v1::GetBulletinRequest get;
    get.set_id(summary.ids(i));
    v1::GetBulletinResponse got;
    EXPECT_TRUE(stub_->GetBulletin(Ctx().get(), get, &got).ok()) << i;
  }
}

TEST_F(ServiceTest, ExportStreamsBulletinsWithTheirText) {
  for (const std::string& path : SeedPaths()) Ingest(ReadFile(path));
  v1::ExportBulletinsRequest req;
  req.set_from_date("2021-01-01");
  std::unique_ptr<grpc::ClientContext> ctx = Ctx("");
  auto stream = stub_->ExportBulletins(ctx.get(), req);
  v1::ExportBulletinsResponse item;
  std::vector<std::string> dates;
  while (stream->Read(&item)) {
    dates.push_back(item.bulletin().date());
    // A text page is its own page text; the line spans index it.
    ASSERT_GT(item.bulletin().lines_size(), 0);
    EXPECT_LE(item.bulletin().lines(item.bulletin().lines_size() - 1).end(), item.text().size());
    EXPECT_NE(item.text().find(item.bulletin().title().substr(0, 12)), std::string::npos);
  }
  ASSERT_TRUE(stream->Finish().ok());
  EXPECT_EQ(dates, (std::vector<std::string>{"2021-01-15", "2021-07-16", "2022-08-01", "2024-02-27"}));
}

// A reader that synced keeps up with what changed: the bundle's ETag is the
// store's change cursor (304 while nothing changed), and `since` brings
// what was stored and deleted after it, nothing else.
TEST_F(ServiceTest, HttpBundleSyncsOnlyWhatChanged) {
  const std::vector<std::string> seeds = SeedPaths();
  std::vector<std::string> ids;
  for (size_t i = 0; i < 3; ++i) ids.push_back(Ingest(ReadFile(seeds[i])).bulletin().id());
  httplib::Client http("127.0.0.1", server_->http_port());
  httplib::Result full = http.Get("/bundle");
  ASSERT_TRUE(full);
  ASSERT_EQ(full->status, 200);
  const std::string etag = full->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  const std::string header = full->body.substr(0, full->body.find('\n'));
  const std::string cursor =
      header.substr(header.find("\"cursor\":\"") + 10, header.rfind('"') - header.find("\"cursor\":\"") - 10);
  EXPECT_EQ("\"" + cursor + "\"", etag);

  // Nothing new: 304 and no body, or a bundle of nothing.
  httplib::Result same = http.Get("/bundle?since=" + cursor, {{"If-None-Match", etag}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 304);
  EXPECT_TRUE(same->body.empty());
  httplib::Result nothing = http.Get("/bundle?since=" + cursor);
  ASSERT_TRUE(nothing);
  EXPECT_EQ(std::count(nothing->body.begin(), nothing->body.end(), '\n'), 1);  // the header alone
  EXPECT_LT(nothing->body.size(), 1024u);

  // Two new, one deleted: exactly those.
  const std::string added_one = Ingest(ReadFile(seeds[3])).bulletin().id();
  const std::string added_two = Ingest(ReadFile(seeds[4])).bulletin().id();
  v1::DeleteBulletinRequest del;
  del.set_id(ids[0]);
  v1::DeleteBulletinResponse deleted;
  ASSERT_TRUE(stub_->DeleteBulletin(Ctx().get(), del, &deleted).ok());
  httplib::Result changes = http.Get("/bundle?since=" + cursor, {{"If-None-Match", etag}});
  ASSERT_TRUE(changes);
  ASSERT_EQ(changes->status, 200);
  const std::string& body = changes->body;
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 4);  // header, two articles, one deletion
  EXPECT_NE(body.find("{\"deleted\":\"" + ids[0] + "\"}"), std::string::npos);
  EXPECT_NE(body.find("\"id\":\"" + added_one + "\""), std::string::npos);
  EXPECT_NE(body.find("\"id\":\"" + added_two + "\""), std::string::npos);
  EXPECT_EQ(body.find("\"id\":\"" + ids[1] + "\""), std::string::npos);
  EXPECT_NE(changes->get_header_value("ETag"), etag);

  httplib::Result foreign = http.Get("/bundle?since=another-database:3");
  ASSERT_TRUE(foreign);
  EXPECT_NE(foreign->body.find("\"reset\":true"), std::string::npos);
  EXPECT_EQ(std::count(foreign->body.begin(), foreign->body.end(), '\n'), 5);  // everything: 4 bulletins
  httplib::Result bad = http.Get("/bundle?since=" + cursor.substr(0, cursor.rfind(':')) + ":zz");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServiceTest, HttpServesBundleMetricsAndViewer) {
  for (const std::string& path : SeedPaths()) Ingest(ReadFile(path));
  httplib::Client http("127.0.0.1", server_->http_port());
  httplib::Result bundle = http.Get("/bundle?province=S%C3%B3c%20Tr%C4%83ng");
  ASSERT_TRUE(bundle);
  EXPECT_EQ(bundle->status, 200);
  EXPECT_EQ(bundle->get_header_value("Content-Type"), "application/x-ndjson");
  const std::string& body = bundle->body;
  EXPECT_EQ(body.substr(0, body.find(",\"cursor\":")),
            std::string("{\"bantinBundle\":1,\"parserVersion\":\"") + kParserVersion + "\"");
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 2);  // header + the one Sóc Trăng bulletin
  EXPECT_NE(body.find("\"province\":\"Sóc Trăng\""), std::string::npos);
  EXPECT_NE(body.find("\"text\":\""), std::string::npos);
  httplib::Result bad = http.Get("/bundle?from=2021-13-01");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("from_date"), std::string::npos);

  httplib::Result metrics = http.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("bantin_bulletins 5"), std::string::npos);
  EXPECT_NE(
      metrics->body.find("bantin_rpc_calls_total{method=\"/bantin.v1.BulletinService/IngestBulletin\",code=\"OK\"} 5"),
      std::string::npos)
      << metrics->body;
  EXPECT_NE(
      metrics->body.find("bantin_rpc_latency_seconds_count{method=\"/bantin.v1.BulletinService/IngestBulletin\"} 5"),
      std::string::npos);
  httplib::Result index = http.Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
}

TEST_F(ServiceTest, EveryCallWritesOneLogLine) {
  v1::GetBulletinRequest get;
  get.set_id("0000000000000000");
  v1::GetBulletinResponse got;
  EXPECT_EQ(stub_->GetBulletin(Ctx().get(), get, &got).error_code(), grpc::StatusCode::NOT_FOUND);
  const std::string log = server_->Log();
  const size_t line = log.find("\"method\":\"/bantin.v1.BulletinService/GetBulletin\"");
  ASSERT_NE(line, std::string::npos) << log;
  const size_t begin = line == 0 ? 0 : log.rfind('\n', line) + 1;
  const std::string entry = log.substr(begin, log.find('\n', line) - begin);
  EXPECT_EQ(entry.rfind("{\"time\":\"", 0), 0u) << entry;
  EXPECT_NE(entry.find("\"code\":\"NOT_FOUND\""), std::string::npos) << entry;
  EXPECT_NE(entry.find("\"latency_ms\":"), std::string::npos) << entry;
}

TEST_F(ServiceTest, HealthCheckServes) {
  auto health = grpc::health::v1::Health::NewStub(channel_);
  grpc::health::v1::HealthCheckRequest req;
  grpc::health::v1::HealthCheckResponse resp;
  grpc::ClientContext ctx;
  ASSERT_TRUE(health->Check(&ctx, req, &resp).ok());
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);
}

}  // namespace
}  // namespace bantin
