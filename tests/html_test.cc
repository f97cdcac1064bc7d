#include <gtest/gtest.h>

#include <algorithm>

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

// What the markup says decides where the lines alone would guess wrong:
// a teaser above the article, a headline shaped like prose, the date and
// author only in the metadata, captions, related boxes and share bars
// inside the article's container. A page shaped like many a news CMS's.
constexpr char kCmsPage[] = R"(<!DOCTYPE html><html><head>
<title>Nông dân trúng mùa tôm lúa ở Thới Bình - Báo Mẫu</title>
<meta property="og:site_name" content="Báo Mẫu">
<link rel="canonical" href="https://www.tuoitre.vn/nong-dan-trung-mua.htm">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Nông dân trúng mùa tôm lúa ở Thới Bình","datePublished":"2023-05-20T10:30:00+07:00",
 "author":{"@type":"Person","name":"Hoàng Vũ"},"publisher":{"@type":"Organization","name":"Tuổi Trẻ"}}</script>
</head><body>
<div class="box-tinmoi"><p>16:26 Một bài khác dài dòng kể chuyện giá lúa tăng mạnh khắp đồng bằng trong tuần qua khiến nông dân phấn khởi.</p></div>
<nav><a href="/">Trang chủ</a> <a href="/kt">Kinh tế</a></nav>
<article>
<h1>Nông dân trúng mùa tôm lúa ở Thới Bình</h1>
<div class="share-tools"><a href="#">Chia sẻ</a> <a href="#">Facebook</a></div>
<p>Chiều 19/5, tại huyện Thới Bình, Sở Nông nghiệp tổ chức hội thảo đánh giá mô hình tôm lúa vụ 2022 - 2023 với hàng trăm nông dân.</p>
<figure><img src="a.jpg"><figcaption>Nông dân tham quan ruộng lúa</figcaption></figure>
<p><a href="/khac.htm">Giá lúa tăng mạnh, nông dân khắp đồng bằng phấn khởi bán lúa sớm</a></p>
<p>Theo báo cáo, diện tích tôm lúa toàn tỉnh đạt hơn 40.000 ha, năng suất lúa bình quân đạt 4,5 tấn mỗi héc-ta, cao hơn vụ trước.</p>
<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/1">Cà Mau đẩy mạnh xuất khẩu tôm sang châu Âu năm nay</a></li></ul></div>
</article></body></html>)";

TEST(Parse, MarkupCuesDecideWhereLineShapesGuessWrong) {
  const Bulletin b = Parse(kCmsPage);
  EXPECT_EQ(b.title, "Nông dân trúng mùa tôm lúa ở Thới Bình");  // the h1, not the teaser above it
  EXPECT_EQ(b.date, "2023-05-20");                               // JSON-LD: the page prints no date
  EXPECT_FALSE(b.date_inferred);
  EXPECT_EQ(b.time, "10:30");
  EXPECT_EQ(b.author, "Hoàng Vũ");         // JSON-LD author: no byline on the page
  EXPECT_EQ(b.source.site, "tuoitre.vn");  // the canonical link
  EXPECT_EQ(b.source.province, "");        // a national outlet
  EXPECT_EQ(b.url, "https://www.tuoitre.vn/nong-dan-trung-mua.htm");
  ASSERT_EQ(b.blocks.size(), 3u);
  EXPECT_EQ(b.blocks[0].text.rfind("Chiều 19/5", 0), 0u);
  EXPECT_EQ(b.blocks[1].kind, BlockKind::kCaption);  // the figcaption
  EXPECT_EQ(b.blocks[2].text.rfind("Theo báo cáo", 0), 0u);
  for (const Block& block : b.blocks) {
    EXPECT_EQ(block.text.find("Chia sẻ"), std::string::npos);      // share bar dropped
    EXPECT_EQ(block.text.find("xuất khẩu"), std::string::npos);    // related box dropped
    EXPECT_EQ(block.text.find("bán lúa sớm"), std::string::npos);  // a teaser link is not a paragraph
  }
  EXPECT_NE(
      std::find(b.related.begin(), b.related.end(), "Giá lúa tăng mạnh, nông dân khắp đồng bằng phấn khởi bán lúa sớm"),
      b.related.end());
}

// Furniture is judged by shapes measured in one walk: nested elements all
// named like furniture, with the article at the bottom, cost a walk, not a
// walk per level (measuring each level's own subtree made it quadratic).
TEST(HtmlToText, NestedFurnitureNamesAreMeasuredOnce) {
  std::string html = "<body>";
  for (int i = 0; i < 20000; ++i) html += "<div class=\"menu\">";
  for (int i = 0; i < 8; ++i)
    html += "<p>Đoạn văn thứ " + std::to_string(i) +
            " kể lại sự việc một cách đầy đủ, đủ dài để là văn xuôi thật sự của bài.</p>";
  const HtmlText t = HtmlToText(html);
  EXPECT_NE(t.text.find("Đoạn văn thứ 7"), std::string::npos);  // holds the article: kept
}

// A column named like furniture that holds the article's paragraphs stays.
TEST(HtmlToText, FurnitureNamesDoNotDropTheArticle) {
  std::string html = "<body><div class=\"sidebar-1\"><h1>Tiêu đề bài viết mẫu ở đây</h1>";
  for (int i = 0; i < 8; ++i)
    html += "<p>Đoạn văn thứ " + std::to_string(i) +
            " kể lại sự việc một cách đầy đủ, có đầu có cuối, đủ dài để là văn xuôi thật sự.</p>";
  html += "</div><div class=\"sidebar-2\"><a href=\"/1\">Một tin khác</a> <a href=\"/2\">Tin nữa</a></div></body>";
  const HtmlText t = HtmlToText(html);
  EXPECT_NE(t.text.find("Đoạn văn thứ 7"), std::string::npos);
  EXPECT_EQ(t.text.find("Một tin khác"), std::string::npos);
}

// Older Vietnamese pages declare windows-1258 (tones as combining marks);
// tools save UTF-16 with a BOM. Both parse like the page in UTF-8.
TEST(Parse, DeclaredCharsetsAndUtf16AreDecoded) {
  // The title and lead in windows-1258 bytes: base letters (some with their
  // own marks: ô, ê, ă, đ) and tone marks as separate combining characters.
  const std::string html_1258 =
      "<html><head><meta charset=\"windows-1258\"><title>x</title></head><body><h1>"
      "H\xF4\xF2i nghi\xF2 t\xF4\xD2ng k\xEA\xECt c\xF4ng t\xE1"
      "c n\xE3m 2023</h1><p>C\xE0 Mau - S\xE1ng nay, "
      "\xF0o\xE0n c\xF4ng t\xE1"
      "c \xF0"
      "a\xDE ki\xEA\xD2m tra nhi\xEA\xCCu c\xF4ng tri\xCCnh tr\xEAn \xF0i\xF2"
      "a "
      "b\xE0n ti\xD2nh.</p></body></html>";
  const Bulletin b = Parse(html_1258);
  EXPECT_NE(b.warnings[0].find("windows-1258"), std::string::npos);
  EXPECT_EQ(b.title, "Hội nghị tổng kết công tác năm 2023");  // NFC, as every title
  ASSERT_FALSE(b.blocks.empty());
  EXPECT_EQ(b.blocks[0].text, "Cà Mau - Sáng nay, đoàn công tác đã kiểm tra nhiều công trình trên địa bàn tỉnh.");
  const std::string utf8 = "Hội nghị tổng kết công tác năm 2023";
  std::u16string utf16 =
      u"Hội nghị tổng kết công tác năm 2023\n\nĐoạn văn đầu tiên của bài báo, đủ dài để là văn xuôi thật sự của một "
      u"bài.\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : utf16) bytes += static_cast<char>(c & 0xFF), bytes += static_cast<char>(c >> 8);
  const Bulletin u = Parse(bytes);
  EXPECT_EQ(u.title, utf8);
  EXPECT_NE(u.warnings[0].find("utf-16le"), std::string::npos);
  EXPECT_EQ(PageText(bytes).substr(0, utf8.size()), utf8);  // spans index the decoded text
}

// A cue cut at its length limit inside a character must not break parsing
// (found by the fuzzer: a long multi-byte <title>).
TEST(Parse, LongMultibyteCuesAreCutBetweenCharacters) {
  std::string title;
  while (title.size() < 2000) title += "Quảng Nam ";
  const Bulletin b = Parse("<html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>");
  EXPECT_FALSE(b.blocks.empty());
}

// Elements the page hides (a template's "<h1 style=display:none>Mobile</h1>",
// the hidden attribute, aria-hidden) are neither text nor cues.
TEST(Parse, HiddenElementsAreNotThePage) {
  const std::string lead =
      "Sáng nay, hội nghị tổng kết công tác năm đã diễn ra tại trụ sở Ủy ban nhân dân tỉnh với đông đủ đại biểu.";
  const Bulletin b = Parse(
      "<html><body><h1 style=\"DISPLAY: none\">Mobile</h1><div hidden>Ẩn đi</div>"
      "<span aria-hidden=\"true\">☰</span><p><b>Hội nghị tổng kết công tác năm 2024</b></p><p>" +
      lead + "</p><p>" + lead + "</p></body></html>");
  EXPECT_EQ(b.title, "Hội nghị tổng kết công tác năm 2024");
  EXPECT_EQ(PageText("<p>Thấy</p><p style=\"visibility:hidden\">Không thấy</p>").find("Không thấy"), std::string::npos);
}

// Captions set beside pictures without <figcaption>: run on after the image
// and its line break, or an emphasised block right after an image-only one.
// Plain paragraphs after pictures stay paragraphs.
TEST(Parse, CaptionsBesideImagesAreMarkedAsCaptions) {
  const std::string para = "<p>Người dân trong xã đã cùng nhau sửa lại con đường bị lũ cuốn trôi hồi tháng trước.</p>";
  const Bulletin b = Parse(
      "<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + para +
      "<div align=center><img src=a.jpg><br>Con đường mới sửa xong<br><br><img src=b.jpg><br>Bà con mừng rỡ</div>" +
      para + "<div><img src=c.jpg></div><div><em>Trẻ em đi học qua đoạn đường này</em></div>" + para +
      "<div><a href=x><img src=d.jpg></a></div><p>Đoạn văn sau ảnh không phải là chú thích của bức ảnh đó.</p>" +
      "</body></html>");
  std::vector<std::string> captions, paragraphs;
  for (const Block& block : b.blocks) (block.kind == BlockKind::kCaption ? captions : paragraphs).push_back(block.text);
  EXPECT_EQ(captions,
            (std::vector<std::string>{"Con đường mới sửa xong", "Bà con mừng rỡ", "Trẻ em đi học qua đoạn đường này"}));
  EXPECT_EQ(paragraphs.back(), "Đoạn văn sau ảnh không phải là chú thích của bức ảnh đó.");
}

TEST(Parse, AGalleryClosingTheArticleKeepsItsCaptions) {
  const std::string para = "<p>Bộ phim dự kiến ra mắt khán giả vào đầu năm sau theo kế hoạch của hãng sản xuất.</p>";
  const Bulletin b = Parse("<html><body><h1>Cặp đôi xuất hiện cùng nhau</h1>" + para + para +
                           "<p><b>Mời độc giả ngắm hình ảnh:</b></p>"
                           "<div style=\"TEXT-ALIGN: center\"><b><img src=a.jpg></b></div>"
                           "<div style=\"TEXT-ALIGN: center\"><span>Nam diễn viên chính</span></div>"
                           "<div align=center><img src=b.jpg></div><div align=center>Nữ diễn viên chính</div>"
                           "<nav><a href=/x>Trang chủ</a></nav></body></html>");
  std::vector<std::string> captions;
  for (const Block& block : b.blocks)
    if (block.kind == BlockKind::kCaption) captions.push_back(block.text);
  EXPECT_EQ(captions, (std::vector<std::string>{"Nam diễn viên chính", "Nữ diễn viên chính"}));
}

TEST(Parse, EveryCaptionOfALongGalleryCounts) {
  std::string html =
      "<html><body><h1>Ngắm ảnh gia đình nữ doanh nhân</h1><p>Cô sinh ra trong một gia đình kinh "
      "doanh lớn và luôn sống giản dị, gần gũi với mọi người.</p><div align=center>";
  std::vector<std::string> want;
  for (int i = 1; i <= 12; ++i) {
    want.push_back("Cô chụp cùng gia đình năm " + std::to_string(2000 + i));
    html += "<span style=\"font-style: italic\"><img src=a.jpg></span><br><span>" + want.back() + "</span><br><br>";
  }
  const Bulletin b = Parse(html + "</div><p>Dù là con nhà giàu nhưng cô được nhiều bạn bè yêu quý vì tính tình.</p>");
  std::vector<std::string> captions;
  for (const Block& block : b.blocks)
    if (block.kind == BlockKind::kCaption) captions.push_back(block.text);
  EXPECT_EQ(captions, want);
}

// A figcaption as long as a paragraph is still the caption (cues are cut at
// 512 bytes, captions are kept whole to be matched against their line).
TEST(Parse, LongFigcaptionsStayCaptions) {
  std::string caption = "Nhiều khán giả cho rằng";
  while (caption.size() < 900) caption += ", nữ diễn viên không nên lộ diện khi phim đang phát sóng";
  caption += ".";
  const std::string para = "<p>Hành động nhỏ của nữ diễn viên lại đem tới nhiều rắc rối cho cô trong tuần qua.</p>";
  const Bulletin b = Parse("<html><body><h1>Nữ diễn viên bị chê bai</h1>" + para +
                           "<figure><img src=a.jpg></figure>"
                           "<figcaption>" +
                           caption + "</figcaption>" + para + "</body></html>");
  std::vector<std::string> captions;
  for (const Block& block : b.blocks)
    if (block.kind == BlockKind::kCaption) captions.push_back(block.text);
  EXPECT_EQ(captions, std::vector<std::string>{caption});
}

TEST(Parse, CaptionsBesideImagesCostLinearTime) {
  std::string html = "<html><body><p>Mở đầu bài viết có đủ chữ để thành một đoạn văn xuôi đầy đủ.</p>";
  for (int i = 0; i < 20000; ++i) html += "<div><span>";
  html += "<img src=a.jpg><br>Chú thích ở rất sâu";
  const Bulletin b = Parse(html);
  EXPECT_FALSE(b.blocks.empty());
  // A run on after an image made of 200,000 blank inline elements.
  std::string blanks =
      "<html><body><p>Mở đầu bài viết có đủ chữ để thành một đoạn văn xuôi đầy đủ.</p><div><img src=a.jpg>";
  for (int i = 0; i < 200000; ++i) blanks += "<b> </b>";
  EXPECT_FALSE(Parse(blanks + "Chú thích</div></body></html>").blocks.empty());
}

}  // namespace
}  // namespace bantin
