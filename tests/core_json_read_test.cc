// Reading Bulletin JSON and bundle lines back (core/json/json_read.h), and the
// search response JSON of indexes outside the server (core/search/search_json.h).
#include <gtest/gtest.h>

#include <filesystem>

#include "bantin/index/memory_index.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bantin/search/search_json.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

std::vector<std::string> PagePaths() {
  std::vector<std::string> out = testing::SeedPaths();
  for (const auto& e : std::filesystem::directory_iterator(testing::SourceDir() + "/tests/fixtures")) {
    const std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".html") out.push_back(e.path().string());
  }
  return out;
}

std::string ErrorOf(std::string_view json) {
  Result<Bulletin> b = BulletinFromJson(json);
  return b.ok() ? std::string() : b.status().message();
}

TEST(BulletinFromJson, ReadsBackEveryPageExactly) {
  const std::vector<std::string> paths = PagePaths();
  ASSERT_GE(paths.size(), 10u);
  for (const std::string& path : paths) {
    const std::string json = BulletinToJson(ParseText(testing::ReadFile(path)));
    Result<Bulletin> b = BulletinFromJson(json);
    ASSERT_TRUE(b.ok()) << path << ": " << b.status().message();
    EXPECT_EQ(BulletinToJson(*b), json) << path;
    EXPECT_FALSE(b->lines.empty());
  }
}

TEST(BulletinFromJson, EscapesNullsAndUnknownFields) {
  Result<Bulletin> b = BulletinFromJson(
      " {\"id\":\"x\",\"title\":\"Ti\\u1EBFng \\\"Vi\\u1ec7t\\\"\\n\\ud83d\\ude00\\/\",\"author\":null,"
      "\"future\":{\"a\":[1,-2.5e3,true,false,null,{}]},\"dateInferred\":true,"
      "\"blocks\":[{\"text\":\"a\"},{\"kind\":\"BLOCK_KIND_CAPTION\",\"text\":\"b\"}],"
      "\"lines\":[{\"role\":\"LINE_ROLE_TITLE\",\"end\":12},{}],\"confidence\":{\"date\":0.5}} ");
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->title, "Tiếng \"Việt\"\n\xF0\x9F\x98\x80/");
  EXPECT_EQ(b->author, "");
  EXPECT_TRUE(b->date_inferred);
  ASSERT_EQ(b->blocks.size(), 2u);
  EXPECT_EQ(b->blocks[0].kind, BlockKind::kUnspecified);  // omitted means the zero value
  EXPECT_EQ(b->blocks[1].kind, BlockKind::kCaption);
  ASSERT_EQ(b->lines.size(), 2u);
  EXPECT_EQ(b->lines[0].end, 12u);
  EXPECT_EQ(b->lines[1].role, LineRole::kUnspecified);
  EXPECT_DOUBLE_EQ(b->confidence.date, 0.5);
}

TEST(BulletinFromJson, StrictAndSaysWhere) {
  EXPECT_NE(ErrorOf("{\"id\":\"x\",}").find("expected a string at offset 10"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":\"x\"").find("expected ',' or '}'"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":\"x\"} x").find("after the value"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":\"\\ud800\"}").find("surrogate"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":\"\xC3\x28\"}").find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":\"\xED\xA0\x80\"}").find("invalid UTF-8"), std::string::npos);  // a surrogate
  EXPECT_NE(ErrorOf("{\"id\":\"\xC0\xAF\"}").find("invalid UTF-8"), std::string::npos);      // overlong
  EXPECT_NE(ErrorOf("{\"id\":\"a\nb\"}").find("control character"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"id\":1}").find("expected a string"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"title\":'x'}").find("expected a string"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"lines\":[{\"begin\":-1}]}").find("uint32"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"lines\":[{\"begin\":1.5}]}").find("uint32"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"blocks\":[{\"kind\":\"BLOCK_KIND_X\"}]}").find("unknown enum"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"x\":01}").find("offset"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"x\":NaN}").find("number"), std::string::npos);
  EXPECT_NE(ErrorOf("{\"x\":1e999}").find("out of range"), std::string::npos);
  EXPECT_NE(ErrorOf("[]").find("expected an object"), std::string::npos);
  EXPECT_FALSE(ErrorOf("").empty());
  EXPECT_FALSE(ErrorOf("{\"x\":\"abc").empty());
  EXPECT_FALSE(ErrorOf("{\"x\":\"\\u12").empty());
  // Nesting is bounded, so hostile depth is an error, not a stack overflow.
  const std::string deep = "{\"x\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_NE(ErrorOf(deep).find("nested too deeply"), std::string::npos);
}

TEST(BundleArticle, RoundTripsBulletinAndText) {
  const std::string raw = testing::ReadFile(testing::SeedPaths()[0]);
  const Bulletin b = ParseText(raw);
  const std::string line = BundleArticleToJson(b, raw);
  EXPECT_EQ(line.find('\n'), std::string::npos);  // one line of NDJSON
  Result<BundleArticle> a = BundleArticleFromJson(line);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->text, raw);
  EXPECT_EQ(BulletinToJson(a->bulletin), BulletinToJson(b));
  // For an index: neither the text nor the line spans, everything else.
  Result<BundleArticle> light = BundleArticleFromJson(line, {.text = false, .lines = false});
  ASSERT_TRUE(light.ok());
  EXPECT_EQ(light->text, "");
  EXPECT_TRUE(light->bulletin.lines.empty());
  light->bulletin.lines = b.lines;
  EXPECT_EQ(BulletinToJson(light->bulletin), BulletinToJson(b));
  // Skipped text is checked for syntax, not UTF-8; read, it must be UTF-8.
  const std::string bad_text = "{\"bulletin\":{},\"text\":\"\xC3\"}";
  EXPECT_TRUE(BundleArticleFromJson(bad_text, {.text = false}).ok());
  EXPECT_FALSE(BundleArticleFromJson(bad_text).ok());
  EXPECT_FALSE(BundleArticleFromJson("{\"bulletin\":{},\"text\":\"a\nb\"}", {.text = false}).ok());
  EXPECT_TRUE(BundleArticleFromJson("{\"text\":\"x\",\"future\":1,\"bulletin\":{\"id\":\"a\"}}").ok());
  EXPECT_FALSE(BundleArticleFromJson("{\"text\":\"x\"}").ok());
  EXPECT_FALSE(BundleArticleFromJson("{\"bantinBundle\":1}").ok());
  EXPECT_TRUE(CheckBundleHeader("{\"bantinBundle\":1,\"parserVersion\":\"1\",\"count\":2}").ok());
  EXPECT_FALSE(CheckBundleHeader("{\"bantinBundle\":2}").ok());
  EXPECT_FALSE(CheckBundleHeader("{\"bulletin\":{}}").ok());
  EXPECT_FALSE(CheckBundleHeader("not json").ok());
}

TEST(SearchResponseToJson, TheShapeOfSearchBulletinsResponse) {
  MemoryIndex index;
  Bulletin a;
  a.id = "a";
  a.title = "Bảo vệ rừng";
  a.date = "2021-07-02";
  a.source.province = "Sóc Trăng";
  a.author = "Lê Hà";
  a.blocks.push_back({BlockKind::kParagraph, "Người dân bảo vệ rừng đầu nguồn."});
  ASSERT_TRUE(index.Add(a));
  Result<SearchResult> r = Search(index, "bảo");
  ASSERT_TRUE(r.ok());
  const std::string json = SearchResponseToJson(*r, [&](uint32_t d) { return index.Document(d); });
  EXPECT_NE(json.find("{\"results\":[{\"id\":\"a\",\"title\":\"Bảo vệ rừng\",\"date\":\"2021-07-02\","
                      "\"source\":{\"province\":\"Sóc Trăng\"},\"score\":"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"snippet\":\"Người dân bảo vệ rừng đầu nguồn.\""), std::string::npos) << json;
  // The title snippet (block -1) and the lead (block 0, omitted as proto3 does).
  EXPECT_NE(json.find("{\"field\":\"title\",\"block\":-1,\"text\":\"Bảo vệ rừng\",\"highlights\":[{\"end\":5}]}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"field\":\"lead\",\"text\":\"Người dân bảo vệ rừng đầu "
                      "nguồn.\",\"highlights\":[{\"begin\":14,\"end\":19}]}]"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"author\":\"Lê Hà\",\"exactTerms\":1}]"), std::string::npos) << json;
  EXPECT_NE(json.find(",\"totalSize\":\"1\",\"provinceFacets\":[{\"value\":\"Sóc Trăng\",\"count\":\"1\"}],"
                      "\"monthFacets\":[{\"value\":\"2021-07\",\"count\":\"1\"}]}"),
            std::string::npos)
      << json;
  Result<SearchResult> none = Search(index, "gạo");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(SearchResponseToJson(*none, [&](uint32_t d) { return index.Document(d); }), "{}");
  EXPECT_EQ(ErrorToJson(Status::InvalidArgument("query: x")),
            "{\"error\":{\"code\":\"INVALID_ARGUMENT\",\"message\":\"query: x\"}}");
}

}  // namespace
}  // namespace bantin
