// Query language, ranking, filters, facets, pagination and snippets, over
// the in-memory index (the storage suite runs the same engine on RocksDB).
#include <gtest/gtest.h>

#include "bantin/index/memory_index.h"
#include "bantin/search/highlight.h"
#include "bantin/search/search_engine.h"
#include "bantin/text/text.h"

namespace bantin {
namespace {

Bulletin Doc(const std::string& id, const std::string& title, const std::string& body, const std::string& date = "",
             const std::string& province = "", const std::string& author = "") {
  Bulletin b;
  b.id = id;
  b.title = title;
  b.date = date;
  b.source.province = province;
  b.source.id = province.empty() ? "" : "bao-" + FilterKey(province);
  b.author = author;
  b.blocks.push_back({BlockKind::kParagraph, body});
  return b;
}

std::vector<std::string> Ids(const MemoryIndex& index, const std::string& query) {
  Result<SearchResult> r = Search(index, query);
  EXPECT_TRUE(r.ok()) << query << ": " << r.status().message();
  std::vector<std::string> ids;
  if (r.ok())
    for (const Hit& h : r->hits) ids.push_back(index.Document(h.docno)->id);
  return ids;
}

using Strings = std::vector<std::string>;

TEST(ParseQuery, ClausesAlternativesAndFilters) {
  Result<Query> q = ParseQuery("Tỉnh ủy \"tuyên giáo\" -covid lúa OR gạo province:\"Sóc Trăng\" date>=2021-07");
  ASSERT_TRUE(q.ok()) << q.status().message();
  ASSERT_EQ(q->clauses.size(), 7u);
  EXPECT_EQ(q->clauses[0].phrases[0].terms[0].folded, "tinh");
  EXPECT_EQ(q->clauses[2].phrases[0].terms.size(), 2u);
  EXPECT_TRUE(q->clauses[3].excluded);
  EXPECT_EQ(q->clauses[4].phrases.size(), 2u);  // lúa OR gạo
  EXPECT_EQ(q->clauses[5].filters[0].value, "soc-trang");
  EXPECT_EQ(q->clauses[6].filters[0].date_from, "2021-07");
}

TEST(ParseQuery, MalformedQueriesSayWhere) {
  const auto error = [](const std::string& text) {
    Result<Query> q = ParseQuery(text);
    EXPECT_FALSE(q.ok()) << text;
    return q.ok() ? std::string() : q.status().message();
  };
  EXPECT_NE(error("abc \"def").find("unterminated quote at offset 4"), std::string::npos);
  EXPECT_NE(error("OR lúa").find("offset 0"), std::string::npos);
  EXPECT_NE(error("lúa OR").find("offset 5"), std::string::npos);
  EXPECT_NE(error("lúa - gạo").find("offset 5"), std::string::npos);
  EXPECT_NE(error("date:2021-13").find("YYYY-MM"), std::string::npos);
  EXPECT_NE(error("x province:").find("offset 2"), std::string::npos);
  EXPECT_NE(error("lúa OR province:x").find("OR joins"), std::string::npos);
  EXPECT_FALSE(ParseQuery(std::string(2000, 'a')).ok());
  EXPECT_TRUE(ParseQuery("   ").ok());          // no clause: everything
  EXPECT_TRUE(ParseQuery("http://x.vn").ok());  // not a field: words
}

class SearchTest : public ::testing::Test {
 protected:
  void Add(Bulletin b) { ASSERT_TRUE(index_.Add(std::move(b))); }
  MemoryIndex index_;
};

TEST_F(SearchTest, ExactDiacriticsRankAboveFoldedOnly) {
  Add(Doc("bao-chi", "Tin báo chí", "báo chí tỉnh báo cáo báo động"));
  Add(Doc("bao-ve", "Bảo vệ rừng", "bảo vệ rừng đầu nguồn"));
  Add(Doc("bao-lu", "Mùa bão", "bão số 3 gây mưa lớn"));
  const Strings hits = Ids(index_, "bảo");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0], "bao-ve");
  EXPECT_EQ(Ids(index_, "bão")[0], "bao-lu");
  EXPECT_EQ(Ids(index_, "bao").size(), 3u);  // unaccented finds every spelling
}

TEST_F(SearchTest, ToneSpellingsAndDAreEqual) {
  Add(Doc("a", "Hội nghị Tỉnh ủy", "Ban Thường vụ Tỉnh ủy họp về hòa giải"));
  Add(Doc("b", "Đà Nẵng đón khách", "du lịch Đà Nẵng"));
  EXPECT_EQ(Ids(index_, "Tỉnh uỷ"), Strings{"a"});
  EXPECT_EQ(Ids(index_, "\"tỉnh uỷ\""), Strings{"a"});
  EXPECT_EQ(Ids(index_, "hoà giải"), Strings{"a"});
  EXPECT_EQ(Ids(index_, "da nang"), Strings{"b"});
  EXPECT_EQ(Ids(index_, "đà nẵng"), Strings{"b"});
}

TEST_F(SearchTest, PhrasesExclusionsAndAlternatives) {
  Add(Doc("a", "Lúa mùa", "giá lúa tăng ở đồng bằng"));
  Add(Doc("b", "Gạo xuất khẩu", "giá gạo giảm"));
  Add(Doc("c", "Cà phê", "giá cà phê tăng, lúa thì không"));
  EXPECT_EQ(Ids(index_, "\"giá lúa\""), Strings{"a"});
  EXPECT_EQ(Ids(index_, "\"lúa giá\"").size(), 0u);
  EXPECT_EQ(Ids(index_, "giá -lúa"), Strings{"b"});
  Strings either = Ids(index_, "gạo OR \"cà phê\"");
  std::sort(either.begin(), either.end());
  EXPECT_EQ(either, (Strings{"b", "c"}));
  EXPECT_EQ(Ids(index_, "giá -\"cà phê\" -gạo"), Strings{"a"});
}

TEST_F(SearchTest, FiltersAndFacets) {
  Add(Doc("a", "Lúa", "lúa", "2021-07-16", "Sóc Trăng", "Lê Thị Hà"));
  Add(Doc("b", "Lúa", "lúa", "2021-08-02", "Quảng Trị", "Nguyễn Văn An"));
  Add(Doc("c", "Lúa", "lúa", "2022-01-05", "Sóc Trăng", "Trần Hà"));
  Add(Doc("d", "Lúa", "lúa"));  // undated, no province
  EXPECT_EQ(Ids(index_, "lúa province:\"Sóc Trăng\"").size(), 2u);
  EXPECT_EQ(Ids(index_, "lúa province:soc-trang date:2021"), Strings{"a"});
  EXPECT_EQ(Ids(index_, "date>=2021-08 date<2022"), Strings{"b"});
  EXPECT_EQ(Ids(index_, "author:hà").size(), 2u);
  EXPECT_EQ(Ids(index_, "author:\"lê hà\"").size(), 0u);
  EXPECT_EQ(Ids(index_, "source:bao-quang-tri"), Strings{"b"});
  EXPECT_EQ(Ids(index_, "lúa -province:soc-trang").size(), 2u);  // b and d
  EXPECT_EQ(Ids(index_, "province:quang-tri OR province:soc-trang").size(), 3u);
  // Filter-only queries list newest first.
  EXPECT_EQ(Ids(index_, "date>=2021"), (Strings{"c", "b", "a"}));

  Result<SearchResult> r = Search(index_, "lúa");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 4u);
  ASSERT_EQ(r->provinces.size(), 2u);
  EXPECT_EQ(r->provinces[0].value, "Sóc Trăng");
  EXPECT_EQ(r->provinces[0].count, 2u);
  ASSERT_EQ(r->months.size(), 3u);
  EXPECT_EQ(r->months[0].value, "2022-01");
}

TEST_F(SearchTest, PagesStayCorrectWhileIngestGoesOn) {
  for (int i = 0; i < 25; ++i)
    Add(Doc("d" + std::to_string(i), "Tin " + std::to_string(i), "nông nghiệp tỉnh", "2021-01-01"));
  SearchOptions o;
  o.page_size = 10;
  Strings seen;
  for (int page = 0;; ++page) {
    Result<SearchResult> r = Search(index_, "nông nghiệp", o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->total, 25u);
    for (const Hit& h : r->hits) seen.push_back(index_.Document(h.docno)->id);
    // New matching documents arrive between pages; they must not shift pages.
    Add(Doc("new" + std::to_string(page), "Nông nghiệp", "nông nghiệp nông nghiệp", "2022-01-01"));
    if (r->next_page_token.empty()) break;
    o.page_token = r->next_page_token;
  }
  ASSERT_EQ(seen.size(), 25u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
  EXPECT_EQ(seen.front().substr(0, 1), "d");

  o.page_token = "zz";
  EXPECT_EQ(Search(index_, "nông nghiệp", o).status().code(), StatusCode::kInvalidArgument);
  o.page_token = Search(index_, "nông", SearchOptions{1}).value().next_page_token;
  EXPECT_NE(Search(index_, "nông nghiệp", o).status().message().find("different query"), std::string::npos);
}

TEST_F(SearchTest, RemoveDropsPostings) {
  Add(Doc("a", "Lúa", "lúa mùa"));
  Add(Doc("b", "Lúa", "lúa chiêm"));
  ASSERT_TRUE(index_.Remove("a"));
  EXPECT_EQ(Ids(index_, "lúa"), Strings{"b"});
  PostingBytes list;
  ASSERT_TRUE(index_.Postings("mua", &list).ok());
  EXPECT_TRUE(list.bytes.empty());
  EXPECT_FALSE(index_.Remove("a"));
}

TEST_F(SearchTest, CancelledSearchStops) {
  for (int i = 0; i < 3000; ++i) Add(Doc("d" + std::to_string(i), "Tin", "tỉnh"));
  SearchOptions o;
  o.cancelled = [] { return true; };
  EXPECT_EQ(Search(index_, "tỉnh", o).status().code(), StatusCode::kDeadlineExceeded);
}

TEST(Snippets, MarkMatchedSyllablesByByteOffsets) {
  Bulletin b = Doc("a", "Bảo vệ rừng", std::string(300, 'x') + " người dân bảo vệ rừng phòng hộ");
  const Query q = *ParseQuery("bao ve -xyz");
  const std::vector<Snippet> s = Snippets(b, q);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].field, "title");
  ASSERT_EQ(s[0].highlights.size(), 2u);
  EXPECT_EQ(s[0].text.substr(s[0].highlights[0].begin, s[0].highlights[0].end - s[0].highlights[0].begin), "Bảo");
  EXPECT_EQ(s[1].field, "lead");
  ASSERT_FALSE(s[1].highlights.empty());
  const HighlightSpan h = s[1].highlights[0];
  EXPECT_EQ(s[1].text.substr(h.begin, h.end - h.begin), "bảo");
  EXPECT_EQ(b.blocks[0].text.substr(s[1].offset, s[1].text.size()), s[1].text);
}

}  // namespace
}  // namespace bantin
