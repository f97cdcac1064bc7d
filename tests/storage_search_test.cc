// Search through the store: the engine over postings merged by RocksDB, the
// document table, snippets read from records. A real database in a temp dir.
#include <gtest/gtest.h>

#include <algorithm>

#include "bantin/index/memory_index.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bantin/text/text.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using Strings = std::vector<std::string>;

Bulletin Doc(const std::string& id, const std::string& title, const std::string& body, const std::string& date,
             const std::string& province, const std::string& author = "") {
  Bulletin b;
  b.id = id;
  b.title = title;
  b.date = date;
  b.source = {"bao-" + FilterKey(province), "Báo " + province, province, ""};
  b.author = author;
  b.blocks.push_back({BlockKind::kParagraph, body});
  b.people.push_back({"Phan Văn Sáu", "Bí thư Tỉnh ủy"});
  return b;
}

class StoreSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*Store::Open(dir_.path()));
    Put(Doc("bao-ve", "Bảo vệ rừng đầu nguồn", "Tỉnh ủy chỉ đạo bảo vệ rừng", "2021-07-16", "Sóc Trăng", "Lê Thị Hà"));
    Put(Doc("bao-chi", "Hội báo xuân", "báo chí cách mạng, Tỉnh uỷ gặp mặt", "2021-08-02", "Quảng Trị", "Trần Văn An"));
    Put(Doc("bao-lu", "Bão số 3", "bão gây mưa lớn ở Đà Nẵng", "2022-01-05", "Đà Nẵng"));
  }
  void Put(const Bulletin& b) { ASSERT_TRUE(store_->Put(b, "raw of " + b.id).ok()); }
  Strings Ids(const std::string& query) {
    Result<SearchPage> r = store_->Search(query);
    EXPECT_TRUE(r.ok()) << query << ": " << r.status().message();
    Strings ids;
    if (r.ok())
      for (const SearchHit& h : r->hits) ids.push_back(h.bulletin.id);
    return ids;
  }
  static Strings Sorted(Strings v) {
    std::sort(v.begin(), v.end());
    return v;
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreSearchTest, AccentedWordsRankExactSpellingFirst) {
  EXPECT_EQ(Ids("bảo").front(), "bao-ve");
  EXPECT_EQ(Ids("bão").front(), "bao-lu");
  EXPECT_EQ(Ids("báo").front(), "bao-chi");
  EXPECT_EQ(Ids("bao").size(), 3u);
}

TEST_F(StoreSearchTest, TonePlacementAndDAreEquivalent) {
  EXPECT_EQ(Sorted(Ids("\"Tỉnh uỷ\"")), (Strings{"bao-chi", "bao-ve"}));
  EXPECT_EQ(Sorted(Ids("\"Tỉnh ủy\"")), (Strings{"bao-chi", "bao-ve"}));
  EXPECT_EQ(Ids("da nang"), Strings{"bao-lu"});
  EXPECT_EQ(Ids("Đà Nẵng"), Strings{"bao-lu"});
}

TEST_F(StoreSearchTest, PhrasesExclusionsAlternatives) {
  EXPECT_EQ(Ids("\"bảo vệ rừng\""), Strings{"bao-ve"});
  EXPECT_TRUE(Ids("\"rừng bảo vệ\"").empty());
  EXPECT_EQ(Ids("bao -rung -mua"), Strings{"bao-chi"});
  EXPECT_EQ(Sorted(Ids("rừng OR mưa")), (Strings{"bao-lu", "bao-ve"}));
}

TEST_F(StoreSearchTest, FiltersFacetsAndSnippets) {
  EXPECT_EQ(Ids("bao province:\"Sóc Trăng\""), Strings{"bao-ve"});
  EXPECT_EQ(Ids("bao source:bao-quang-tri"), Strings{"bao-chi"});
  EXPECT_EQ(Ids("author:\"Lê Thị Hà\""), Strings{"bao-ve"});
  EXPECT_EQ(Ids("person:sáu date:2022"), Strings{"bao-lu"});
  EXPECT_EQ(Ids("date>=2021-08-01 date<=2021-12"), Strings{"bao-chi"});

  Result<SearchPage> r = store_->Search("bao");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 3u);
  EXPECT_EQ(r->provinces.size(), 3u);
  ASSERT_EQ(r->months.size(), 3u);
  EXPECT_EQ(r->months.front().value, "2022-01");
  const SearchHit& top = r->hits.front();
  ASSERT_FALSE(top.snippets.empty());
  const Snippet& s = top.snippets.front();
  ASSERT_FALSE(s.highlights.empty());
  EXPECT_EQ(FilterKey(s.text.substr(s.highlights[0].begin, s.highlights[0].end - s.highlights[0].begin)), "bao");
  EXPECT_EQ(store_->Search("date:20x").status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreSearchTest, PaginationHoldsWhileIngestGoesOn) {
  for (int i = 0; i < 30; ++i)
    Put(Doc("n" + std::to_string(100 + i), "Nông nghiệp " + std::to_string(i), "nông nghiệp", "2020-01-01", "Huế"));
  SearchOptions o;
  o.page_size = 7;
  Strings seen;
  for (int page = 0; page < 20; ++page) {
    Result<SearchPage> r = store_->Search("nông nghiệp", o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (const SearchHit& h : r->hits) seen.push_back(h.bulletin.id);
    Put(Doc("late" + std::to_string(page), "Nông nghiệp", "nông nghiệp nông nghiệp", "2024-01-01", "Huế"));
    if (r->next_page_token.empty()) break;
    o.page_token = r->next_page_token;
  }
  ASSERT_EQ(seen.size(), 30u);
  const Strings sorted = Sorted(seen);
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  for (const std::string& id : seen) EXPECT_EQ(id[0], 'n');
}

TEST_F(StoreSearchTest, SeedsAreFoundAcrossSpellings) {
  for (const std::string& path : testing::SeedPaths()) {
    const std::string raw = testing::ReadFile(path);
    ASSERT_TRUE(store_->Put(ParseText(raw), raw).ok());
  }
  Result<SearchPage> r = store_->Search("Savannakhet");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1u);
  EXPECT_EQ(r->hits[0].bulletin.source.province, "Quảng Trị");
  EXPECT_EQ(store_->Search("\"Tỉnh uỷ\" \"Hưng Yên\"")->total, store_->Search("\"tinh uy\" \"hung yen\"")->total);
  EXPECT_GE(store_->Search("\"tinh uy\" \"hung yen\"")->total, 1u);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

}  // namespace
}  // namespace bantin

namespace bantin {
namespace {

// Scores use document frequencies the store remembers between searches
// (core/index/frequency_memo.h): after ingest (lists grow) and after a delete
// (remembered counts no longer apply) they must equal an index that counts
// afresh every time.
TEST(StoreFrequencyMemoTest, ScoresMatchAnIndexThatCountsEveryTime) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::Open(dir.path()));
  MemoryIndex memory;
  const auto add = [&](const Bulletin& b) {
    ASSERT_TRUE(store->Put(b, "raw of " + b.id).ok());
    memory.Add(b);
  };
  const auto same_scores = [&](const std::string& query) {
    Result<SearchPage> stored = store->Search(query);
    Result<SearchResult> counted = Search(memory, query);
    ASSERT_TRUE(stored.ok() && counted.ok()) << query;
    ASSERT_EQ(stored->hits.size(), counted->hits.size()) << query;
    for (size_t i = 0; i < stored->hits.size(); ++i)
      EXPECT_DOUBLE_EQ(stored->hits[i].score, counted->hits[i].score) << query;
  };
  add(Doc("a", "Tỉnh ủy họp", "tỉnh ủy chỉ đạo nông nghiệp", "2021-01-01", "Huế"));
  add(Doc("b", "Nông nghiệp", "mùa lúa bội thu", "2021-02-01", "Huế"));
  same_scores("tỉnh nông");
  same_scores("tỉnh nông");  // the second time from remembered counts
  for (int i = 0; i < 5; ++i)
    add(Doc("c" + std::to_string(i), "Tỉnh họp " + std::to_string(i), "tỉnh tổ chức", "2021-03-01", "Huế"));
  same_scores("tỉnh nông");
  ASSERT_TRUE(store->Delete("c0").ok());
  memory.Remove("c0");
  same_scores("tỉnh nông");
}

}  // namespace
}  // namespace bantin
