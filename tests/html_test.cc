#include <gtest/gtest.h>

#include "bantin/html/document.h"
#include "bantin/html/html_text.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

TEST(LooksLikeHtml, TellsMarkupFromText) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body><p>x</p></body></html>"));
  EXPECT_TRUE(LooksLikeHtml("\n  <div class=\"a\"><p>Xin chào</p></div>"));
  EXPECT_FALSE(LooksLikeHtml("Tiêu đề\n<không phải thẻ> trong văn bản"));
  EXPECT_FALSE(LooksLikeHtml("<<< Sóc Trăng >>> tin nổi bật"));
  EXPECT_FALSE(LooksLikeHtml(""));
}

TEST(HtmlToText, BlocksBecomeLinesAndScriptsVanish) {
  const HtmlText t = HtmlToText(
      "<html><head><title>T</title><style>p{}</style></head><body>"
      "<h1>Tiêu   đề</h1><p>Đoạn <b>một</b>\n tiếp.</p><script>var x=1;</script>"
      "<ul><li>Một</li><li>Hai</li></ul>Dòng<br>mới &amp; thực thể</body></html>");
  EXPECT_EQ(t.text, "Tiêu đề\n\nĐoạn một tiếp.\n\nMột\nHai\n\nDòng\nmới & thực thể\n");
  EXPECT_EQ(t.dropped_elements, 2u);  // head (with its style) and the script
}

TEST(HtmlToText, DeepNestingDoesNotOverflowTheStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<span>";
  html += "sâu";
  const HtmlText t = HtmlToText(html);
  EXPECT_NE(t.text.find("sâu"), std::string::npos);
}

TEST(Parse, HtmlFixtureParsesLikeItsText) {
  const Bulletin b = Parse(testing::ReadFile(testing::SourceDir() + "/tests/fixtures/quangnam_article.html"));
  EXPECT_EQ(b.title, "Quảng Nam ra quân chiến dịch tình nguyện hè năm 2023");
  EXPECT_EQ(b.date, "2023-06-11");
  EXPECT_EQ(b.time, "08:15");
  EXPECT_EQ(b.author, "VĂN PHIN");
  EXPECT_EQ(b.source.province, "Quảng Nam");
  ASSERT_FALSE(b.warnings.empty());
  EXPECT_NE(b.warnings[0].find("HTML"), std::string::npos);
  for (const Block& block : b.blocks) EXPECT_EQ(block.text.find("dataLayer"), std::string::npos);
}

TEST(Parse, TextGoesStraightToTheParser) {
  const std::string raw = testing::ReadFile(testing::SeedPaths()[0]);
  EXPECT_EQ(Parse(raw).id, Parse(raw).id);
}

}  // namespace
}  // namespace bantin
