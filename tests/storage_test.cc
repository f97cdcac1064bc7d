#include <gtest/gtest.h>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bantin/v1/bantin.pb.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::ReadFile;
using testing::SeedPaths;
using testing::TempDir;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> s = Store::Open(dir_.path());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }
  std::string PutSeed(size_t i) {
    const std::string raw = ReadFile(SeedPaths()[i]);
    Result<PutOutcome> r = store_->Put(ParseText(raw), raw);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->bulletin.id : "";
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, PutGetKeepsParseAndRawPage) {
  const std::string raw = ReadFile(SeedPaths()[0]);
  Result<PutOutcome> put = store_->Put(ParseText(raw), raw);
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(put->created);
  Result<StoredRecord> got = store_->Get(put->bulletin.id, true);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->raw, raw);
  EXPECT_EQ(got->bulletin.title, put->bulletin.title);
  EXPECT_EQ(got->bulletin.blocks.size(), put->bulletin.blocks.size());
}

// Batches of 16 or more are prepared on every core while staged in order.
TEST_F(StoreTest, LargeBatchKeepsOrderDuplicatesAndAtomicity) {
  std::vector<IngestItem> items;
  for (int i = 0; i < 40; ++i) {
    Bulletin b;
    b.id = "b" + std::to_string(i);
    b.title = "Tin số " + std::to_string(i);
    b.blocks.push_back({BlockKind::kParagraph, "nông nghiệp tỉnh " + std::to_string(i)});
    items.push_back({b, "raw " + std::to_string(i), {}});
  }
  items.push_back(items[3]);  // the same page again in the batch
  Result<std::vector<PutOutcome>> put = store_->PutMany(items);
  ASSERT_TRUE(put.ok()) << put.status().message();
  ASSERT_EQ(put->size(), 41u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_TRUE((*put)[i].created);
    EXPECT_EQ((*put)[i].bulletin.id, "b" + std::to_string(i));
  }
  EXPECT_FALSE((*put)[40].created);
  EXPECT_EQ(store_->size(), 40u);
  Result<SearchPage> found = store_->Search("nông nghiệp");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->total, 40u);
  ASSERT_TRUE(store_->CheckIntegrity().ok());

  // A bad item fails the whole batch, and nothing of it is stored.
  std::vector<IngestItem> bad;
  for (int i = 0; i < 30; ++i) {
    IngestItem item = items[i];
    item.bulletin.id = i == 20 ? "" : "c" + std::to_string(i);
    item.raw = "other raw " + std::to_string(i);
    bad.push_back(item);
  }
  EXPECT_EQ(store_->PutMany(bad).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->size(), 40u);
  EXPECT_EQ(store_->Get("c0").status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, ReingestIsIdempotent) {
  const std::string a = PutSeed(2);
  const std::string raw = ReadFile(SeedPaths()[2]);
  Result<PutOutcome> again = store_->Put(ParseText(raw), raw);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->bulletin.id, a);
  Result<ListPage> all = store_->List({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->bulletins.size(), 1u);
}

TEST_F(StoreTest, MissingIdIsNotFound) {
  Result<StoredRecord> r = store_->Get("0000000000000000");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST_F(StoreTest, ListsByDateRangeAndProvinceInKeyOrder) {
  for (size_t i = 0; i < SeedPaths().size(); ++i) PutSeed(i);
  Result<ListPage> all = store_->List({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->bulletins.size(), 5u);
  for (size_t i = 1; i < all->bulletins.size(); ++i) EXPECT_LE(all->bulletins[i - 1].date, all->bulletins[i].date);

  ListOptions range;
  range.from_date = "2021-01-01";
  range.to_date = "2021-12-31";
  Result<ListPage> in2021 = store_->List(range);
  ASSERT_TRUE(in2021.ok());
  ASSERT_EQ(in2021->bulletins.size(), 2u);  // 2021-01-15 and 2021-07-16
  EXPECT_EQ(in2021->bulletins[0].date, "2021-01-15");

  ListOptions province;
  province.province = "Quảng Trị";
  Result<ListPage> qt = store_->List(province);
  ASSERT_TRUE(qt.ok());
  ASSERT_EQ(qt->bulletins.size(), 1u);
  EXPECT_EQ(qt->bulletins[0].source.province, "Quảng Trị");
}

TEST_F(StoreTest, PaginationVisitsEveryRecordOnce) {
  for (size_t i = 0; i < SeedPaths().size(); ++i) PutSeed(i);
  ListOptions o;
  o.page_size = 2;
  std::vector<std::string> seen;
  for (int pages = 0; pages < 10; ++pages) {
    Result<ListPage> p = store_->List(o);
    ASSERT_TRUE(p.ok());
    for (const Bulletin& b : p->bulletins) seen.push_back(b.id);
    if (p->next_page_token.empty()) break;
    o.page_token = p->next_page_token;
  }
  EXPECT_EQ(seen.size(), 5u);
  o.page_token = "not-a-token";
  EXPECT_EQ(store_->List(o).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, DeleteRemovesRecordRawPageAndPostings) {
  const std::string id = PutSeed(1);
  ASSERT_EQ(store_->Search("Savannakhet")->total, 1u);
  ASSERT_TRUE(store_->Delete(id).ok());
  EXPECT_EQ(store_->Get(id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Search("Savannakhet")->total, 0u);
  EXPECT_EQ(store_->Delete(id).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->size(), 0u);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
  // The same page can come back, as a new record.
  EXPECT_EQ(PutSeed(1), id);
  EXPECT_EQ(store_->Search("Savannakhet")->total, 1u);
}

TEST_F(StoreTest, BatchGetIsAllOrNothing) {
  const std::string a = PutSeed(0), b = PutSeed(3);
  Result<std::vector<StoredRecord>> both = store_->BatchGet({b, a});
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].bulletin.id, b);
  Result<std::vector<StoredRecord>> missing = store_->BatchGet({a, "ffffffffffffffff"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("ffffffffffffffff"), std::string::npos);
}

TEST_F(StoreTest, ListSourcesCountsAndSpans) {
  for (size_t i = 0; i < SeedPaths().size(); ++i) PutSeed(i);
  const std::vector<SourceSummary> sources = store_->ListSources()->sources;
  uint64_t total = 0;
  for (const SourceSummary& s : sources) {
    total += s.count;
    EXPECT_LE(s.first_date, s.last_date);
  }
  EXPECT_EQ(total, 5u);
  EXPECT_GE(sources.size(), 4u);
  // Two at a time: every source once, in id order.
  std::vector<std::string> paged;
  std::string token;
  do {
    Result<SourcesPage> page = store_->ListSources(2, token);
    ASSERT_TRUE(page.ok());
    for (const SourceSummary& s : page->sources) paged.push_back(s.source.id);
    token = page->next_page_token;
  } while (!token.empty());
  ASSERT_EQ(paged.size(), sources.size());
  EXPECT_TRUE(std::is_sorted(paged.begin(), paged.end()));
  EXPECT_FALSE(store_->ListSources(2, "zz").ok());
}

TEST_F(StoreTest, ReparseRebuildsRecordsAndIndexKeepingIds) {
  const std::string raw = ReadFile(SeedPaths()[1]);
  Bulletin old = ParseText(raw);
  old.parser_version = "0";  // as an older parser left it
  old.title = "Tiêu đề cũ";
  ASSERT_TRUE(store_->Put(old, raw).ok());
  ASSERT_EQ(store_->Search("\"tiêu đề cũ\"")->total, 1u);
  PutSeed(2);  // current version: left alone

  const ParseFunction parse = [](const std::string& r, const ParseHints& h) { return ParseText(r, h); };
  Result<ReparseReport> report = store_->Reparse(parse, false);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 2u);
  EXPECT_EQ(report->rebuilt, 1u);
  Result<StoredRecord> fresh = store_->Get(old.id);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->bulletin.parser_version, kParserVersion);
  EXPECT_EQ(fresh->bulletin.title, ParseText(raw).title);
  EXPECT_EQ(store_->Search("\"tiêu đề cũ\"")->total, 0u);
  EXPECT_EQ(store_->Search("Savannakhet")->hits.at(0).bulletin.id, old.id);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
  EXPECT_EQ(store_->Reparse(parse, true)->rebuilt, 2u);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

TEST_F(StoreTest, SamePageAfterReparseKeepsItsId) {
  const std::string raw = ReadFile(SeedPaths()[1]);
  Bulletin old = ParseText(raw);
  old.id = "00000000000000aa";  // an id an older parser computed
  ASSERT_TRUE(store_->Put(old, raw).ok());
  Result<PutOutcome> again = store_->Put(ParseText(raw), raw);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->bulletin.id, old.id);
}

TEST_F(StoreTest, RawPageAndHintsComeBack) {
  const std::string raw = ReadFile(SeedPaths()[4]);
  ParseHints hints;
  hints.url = "https://example.vn/a.html";
  ASSERT_TRUE(store_->Put(ParseText(raw, hints), raw, hints).ok());
  Result<StoredRecord> r = store_->Get(ParseText(raw, hints).id, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->raw, raw);
  EXPECT_EQ(r->hints.url, hints.url);
  EXPECT_GT(r->ingested_unix_ms, 0);
  EXPECT_TRUE(store_->Get(r->bulletin.id, false)->raw.empty());
}

TEST_F(StoreTest, BackupAndRestore) {
  const std::string a = PutSeed(0), b = PutSeed(1);
  testing::TempDir backups, restored;
  ASSERT_TRUE(store_->Backup(backups.path()).ok());
  PutSeed(2);  // after the backup: not in it
  store_.reset();
  ASSERT_TRUE(Store::Restore(backups.path(), restored.path()).ok());
  Result<std::unique_ptr<Store>> s = Store::Open(restored.path());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ((*s)->size(), 2u);
  EXPECT_TRUE((*s)->Get(a).ok());
  EXPECT_TRUE((*s)->Get(b, true).ok());
  EXPECT_EQ((*s)->Search("Savannakhet")->total, 1u);
  EXPECT_TRUE((*s)->CheckIntegrity().ok());
  testing::TempDir empty;
  EXPECT_FALSE(Store::Restore(empty.path() + "/none", restored.path()).ok());
}

TEST_F(StoreTest, SurvivesReopen) {
  const std::string id = PutSeed(1);
  PutSeed(3);
  ASSERT_TRUE(store_->Delete(PutSeed(0)).ok());
  store_.reset();
  Result<std::unique_ptr<Store>> s = Store::Open(dir_.path());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->Get(id).ok());
  EXPECT_EQ((*s)->size(), 2u);
  EXPECT_EQ((*s)->Search("Savannakhet")->total, 1u);
  EXPECT_TRUE((*s)->CheckIntegrity().ok());
}

// The wire fast path serves what Get serves, follows a record whose key
// moved (reparse changed its date) and notices a delete, though it
// remembers keys.
TEST_F(StoreTest, BulletinWireFollowsMovesAndDeletes) {
  const std::string raw = ReadFile(SeedPaths()[1]);
  Bulletin old = ParseText(raw);
  old.parser_version = "0";
  old.date = "1999-01-01";  // a date the current parser will correct: a new key
  ASSERT_TRUE(store_->Put(old, raw).ok());
  const auto wire_date = [&](std::string* date) {
    std::string wire;
    const Status s = store_->GetBulletinWire(old.id, &wire);
    v1::Bulletin b;
    if (s.ok() && b.ParseFromString(wire)) *date = b.date();
    return s;
  };
  std::string date;
  ASSERT_TRUE(wire_date(&date).ok());
  EXPECT_EQ(date, "1999-01-01");

  const ParseFunction parse = [](const std::string& r, const ParseHints& h) { return ParseText(r, h); };
  ASSERT_TRUE(store_->Reparse(parse, true).ok());
  ASSERT_TRUE(wire_date(&date).ok());
  EXPECT_EQ(date, store_->Get(old.id)->bulletin.date);
  EXPECT_NE(date, "1999-01-01");

  ASSERT_TRUE(store_->Delete(old.id).ok());
  EXPECT_EQ(wire_date(&date).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->Put(ParseText(raw), raw).ok());
  EXPECT_TRUE(wire_date(&date).ok());
}

}  // namespace
}  // namespace bantin
