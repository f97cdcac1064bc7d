// AIP-160-style filters translated to query clauses (core/query/filter.h).
#include <gtest/gtest.h>

#include "bantin/query/filter.h"
#include "bantin/query/query.h"

namespace bantin {
namespace {

std::string Translate(std::string_view filter) {
  Result<std::string> r = FilterToQuery(filter);
  EXPECT_TRUE(r.ok()) << filter << ": " << r.status().message();
  return r.ok() ? *r : "";
}

std::string ErrorOf(std::string_view filter) {
  Result<std::string> r = FilterToQuery(filter);
  EXPECT_FALSE(r.ok()) << filter;
  return r.ok() ? "" : r.status().message();
}

TEST(FilterTest, RestrictionsBecomeQueryClauses) {
  EXPECT_EQ(Translate(""), "");
  EXPECT_EQ(Translate("  "), "");
  EXPECT_EQ(Translate("province = \"Sóc Trăng\""), "province:\"Sóc Trăng\"");
  EXPECT_EQ(Translate("source:qto AND author = \"Lê Hà\""), "source:\"qto\" author:\"Lê Hà\"");
  EXPECT_EQ(Translate("date >= 2021-01-01 date<2022"), "date>=2021-01-01 date<2022");
  EXPECT_EQ(Translate("date = 2021-07"), "date:2021-07");
  EXPECT_EQ(Translate("source = a OR source = b"), "source:\"a\" OR source:\"b\"");
  EXPECT_EQ(Translate("place = \"Cà Mau\""), "place:\"Cà Mau\"");
}

TEST(FilterTest, NegationsBecomeExclusions) {
  EXPECT_EQ(Translate("NOT province = Huế"), "-province:\"Huế\"");
  EXPECT_EQ(Translate("-person = sáu"), "-person:\"sáu\"");
  EXPECT_EQ(Translate("province != Huế"), "-province:\"Huế\"");
  EXPECT_EQ(Translate("NOT date != 2021"), "date:2021");
}

TEST(FilterTest, TranslationsParseAsQueries) {
  for (const char* f : {"province = \"Sóc Trăng\" AND date >= 2021", "NOT source = x", "date:2021 OR date:2023"}) {
    Result<Query> q = ParseQuery(Translate(f));
    ASSERT_TRUE(q.ok()) << f << ": " << q.status().message();
    EXPECT_FALSE(q->clauses.empty());
  }
}

TEST(FilterTest, MistakesNameWhatAndWhere) {
  EXPECT_NE(ErrorOf("year = 2021").find("unknown field \"year\""), std::string::npos);
  EXPECT_NE(ErrorOf("province").find("expected an operator"), std::string::npos);
  EXPECT_NE(ErrorOf("province >= a").find("only =, : and !="), std::string::npos);
  EXPECT_NE(ErrorOf("date = yesterday").find("YYYY"), std::string::npos);
  EXPECT_NE(ErrorOf("province = \"Sóc").find("unterminated quote"), std::string::npos);
  EXPECT_NE(ErrorOf("province =").find("expected a value"), std::string::npos);
  EXPECT_NE(ErrorOf("AND source = a").find("before it"), std::string::npos);
  EXPECT_NE(ErrorOf("source = a OR").find("must follow"), std::string::npos);
  EXPECT_NE(ErrorOf("source = a (").find("at byte 11"), std::string::npos);
  for (const std::string& e : {ErrorOf("x"), ErrorOf("date = 1")}) EXPECT_EQ(e.rfind("filter: ", 0), 0u) << e;
}

}  // namespace
}  // namespace bantin
