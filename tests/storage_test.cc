#include <gtest/gtest.h>

#include "core/parser.h"
#include "storage/store.h"
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
    Result<PutOutcome> r = store_->Put(Parse(raw), raw);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->bulletin.id : "";
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, PutGetKeepsParseAndRawPage) {
  const std::string raw = ReadFile(SeedPaths()[0]);
  Result<PutOutcome> put = store_->Put(Parse(raw), raw);
  ASSERT_TRUE(put.ok());
  EXPECT_TRUE(put->created);
  Result<StoredRecord> got = store_->Get(put->bulletin.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->raw, raw);
  EXPECT_EQ(got->bulletin.title, put->bulletin.title);
  EXPECT_EQ(got->bulletin.blocks.size(), put->bulletin.blocks.size());
}

TEST_F(StoreTest, ReingestIsIdempotent) {
  const std::string a = PutSeed(2);
  const std::string raw = ReadFile(SeedPaths()[2]);
  Result<PutOutcome> again = store_->Put(Parse(raw), raw);
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
  for (size_t i = 1; i < all->bulletins.size(); ++i)
    EXPECT_LE(all->bulletins[i - 1].date, all->bulletins[i].date);

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

TEST_F(StoreTest, SearchIsAccentInsensitiveAndToneEquivalent) {
  for (size_t i = 0; i < SeedPaths().size(); ++i) PutSeed(i);
  Result<SearchPage> r = store_->Search("Savannakhet", 10, "");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].bulletin.source.province, "Quảng Trị");
  // Old tone placement finds new, and unaccented finds accented.
  Result<SearchPage> old_style = store_->Search("\"Tỉnh uỷ\" \"Hưng Yên\"", 10, "");
  Result<SearchPage> bare = store_->Search("\"tinh uy\" \"hung yen\"", 10, "");
  ASSERT_TRUE(old_style.ok());
  ASSERT_TRUE(bare.ok());
  EXPECT_GE(old_style->total, 1);
  EXPECT_EQ(old_style->total, bare->total);
  EXPECT_EQ(store_->Search("\"unterminated", 10, "").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, SurvivesReopen) {
  const std::string id = PutSeed(1);
  store_.reset();
  Result<std::unique_ptr<Store>> s = Store::Open(dir_.path());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE((*s)->Get(id).ok());
  Result<SearchPage> r = (*s)->Search("Savannakhet", 10, "");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 1);
}

}  // namespace
}  // namespace bantin
