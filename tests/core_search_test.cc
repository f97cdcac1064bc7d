#include <gtest/gtest.h>

#include "core/search.h"

namespace bantin {
namespace {

Bulletin Doc(const std::string& title, const std::string& body) {
  Bulletin b;
  b.title = title;
  b.blocks.push_back({BlockKind::kParagraph, body});
  return b;
}

TEST(ParseQuery, WordsPhrasesExclusions) {
  Result<Query> q = ParseQuery("Tỉnh ủy \"tuyên giáo\" -covid");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->terms.size(), 2u);
  EXPECT_EQ(q->terms[0].folded, "tinh");
  ASSERT_EQ(q->phrases.size(), 1u);
  EXPECT_EQ(q->phrases[0][1].folded, "giao");
  EXPECT_EQ(q->excluded, std::vector<std::string>{"covid"});
}

TEST(ParseQuery, ErrorsSayWhere) {
  Result<Query> q = ParseQuery("abc \"def");
  ASSERT_FALSE(q.ok());
  EXPECT_NE(q.status().message().find("offset 4"), std::string::npos);
  EXPECT_FALSE(ParseQuery("   ").ok());
}

TEST(Score, ExactDiacriticsRankFirst) {
  const Query q = *ParseQuery("bảo");
  uint32_t la = 0, lb = 0;
  const DocTerms exact = IndexTerms(Doc("Tin bảo vệ", "bảo vệ rừng"), &la);
  const DocTerms folded = IndexTerms(Doc("Tin báo chí", "báo chí tỉnh"), &lb);
  CorpusStats stats{2, 4.0, {{"bao", 2}}};
  ASSERT_TRUE(Matches(q, exact));
  ASSERT_TRUE(Matches(q, folded));
  EXPECT_GT(Score(q, exact, la, stats), Score(q, folded, lb, stats));
}

TEST(Matches, PhraseNeedsAdjacencyAndExclusionsExclude) {
  uint32_t len = 0;
  const DocTerms d = IndexTerms(Doc("Ban Tuyên giáo Tỉnh uỷ", "hội nghị tổng kết"), &len);
  EXPECT_TRUE(Matches(*ParseQuery("\"tinh uy\""), d));
  EXPECT_TRUE(Matches(*ParseQuery("\"Tỉnh ủy\""), d));
  EXPECT_FALSE(Matches(*ParseQuery("\"uy tinh\""), d));
  EXPECT_FALSE(Matches(*ParseQuery("tuyen -nghi"), d));
}

}  // namespace
}  // namespace bantin
