// Kinds of nodes and lines article pages are built from, each in the
// smallest page that shows it: what the parser must make of it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bantin/html/document.h"

namespace bantin {
namespace {

const std::string kPara = "<p>Người dân trong xã đã cùng nhau sửa lại con đường bị lũ cuốn trôi hồi tháng trước.</p>";

std::vector<std::string> Captions(const Bulletin& b) {
  std::vector<std::string> out;
  for (const Block& block : b.blocks)
    if (block.kind == BlockKind::kCaption) out.push_back(block.text);
  return out;
}

std::vector<std::string> Paragraphs(const Bulletin& b) {
  std::vector<std::string> out;
  for (const Block& block : b.blocks)
    if (block.kind != BlockKind::kCaption) out.push_back(block.text);
  return out;
}

// A related box whose items the page loads by script: its heading stands
// alone between the lead and the rest of the article.
TEST(ArticleKinds, AnEmptyRelatedBoxAfterTheLeadDoesNotEndTheArticle) {
  std::string html = "<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara +
                     "<div class=box><span class=title_box>TIN MỚI</span></div>";
  for (int i = 0; i < 4; ++i) html += kPara;
  html += "<p>Con đường sẽ được bàn giao cho bà con trước mùa mưa năm nay theo kế hoạch.</p></body></html>";
  const Bulletin b = Parse(html);
  EXPECT_EQ(Paragraphs(b).size(), 6u);
  EXPECT_EQ(Paragraphs(b).back(), "Con đường sẽ được bàn giao cho bà con trước mùa mưa năm nay theo kế hoạch.");
}

// A related list set after the lead, with the article's many paragraphs
// after it: the list is not the article, and it does not end the article.
TEST(ArticleKinds, ARelatedListInsideTheArticleIsSkippedNotTheEnd) {
  std::string html = "<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara + "<div><b>Tin liên quan</b><ul>";
  for (int i = 0; i < 5; ++i)
    html += "<li><a href=/x" + std::to_string(i) + ">Bài viết khác số " + std::to_string(i) +
            " về chuyện giao thông (28/3)</a></li>";
  html += "</ul></div>";
  for (int i = 0; i < 6; ++i) html += kPara;
  const Bulletin b = Parse(html + "<p>Cuối cùng, con đường đã thông xe sau hai tháng thi công.</p></body></html>");
  const std::vector<std::string> paragraphs = Paragraphs(b);
  EXPECT_EQ(paragraphs.size(), 8u);
  EXPECT_EQ(paragraphs.back(), "Cuối cùng, con đường đã thông xe sau hai tháng thi công.");
  for (const std::string& p : paragraphs) EXPECT_EQ(p.find("Bài viết khác"), std::string::npos) << p;
}

// A line ending in a colon above a box of links is the box's heading.
TEST(ArticleKinds, AColonHeadingAboveTeasersIsNotAParagraph) {
  const Bulletin b =
      Parse("<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara + kPara +
            "<p>Đọc thêm những tin giao thông mới nhất:</p>"
            "<p><a href=/a>Cầu mới nối hai bờ sông</a></p><p><a href=/b>Đường tỉnh sắp thông xe</a></p>" +
            kPara + kPara + "</body></html>");
  for (const std::string& p : Paragraphs(b)) {
    EXPECT_EQ(p.find("Đọc thêm"), std::string::npos) << p;
    EXPECT_EQ(p.find("Cầu mới"), std::string::npos) << p;
  }
}

// A byline, a separator and the date, each set on its own line.
TEST(ArticleKinds, AHeaderBylineBesideASeparatorIsTheAuthor) {
  const Bulletin b = Parse(
      "<html><body><h1>Sửa đường sau lũ ở vùng cao</h1><div><span>Hạ Anh</span>"
      "<div>|</div><span>17/07/2026 01:00</span></div>" +
      kPara + kPara + "</body></html>");
  EXPECT_EQ(b.author, "Hạ Anh");
  EXPECT_EQ(b.date, "2026-07-17");
}

// Tags under their label, one per line: keywords, never a byline.
TEST(ArticleKinds, TagsUnderTheirLabelAreNotAByline) {
  const Bulletin b = Parse("<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara + kPara +
                           "<div>Tags</div><div><a href=/t1>Giao Thông</a></div><div><a href=/t2>Lũ Lụt</a></div>"
                           "</body></html>");
  EXPECT_EQ(b.author, "");
}

// A call to follow the outlet on a search engine closes many pages.
TEST(ArticleKinds, AFollowUsOnGooglePromoIsNotTheLastParagraph) {
  const Bulletin b = Parse("<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara + kPara +
                           "<p>Thêm BÁO trên Google Chọn BÁO làm nguồn ưu tiên trên Google Search.</p></body></html>");
  EXPECT_EQ(Paragraphs(b).back().find("Google"), std::string::npos);
}

// Markup that names captions: a class on a video's caption (no picture in
// the page: the player loads by script), an emptied caption element before
// a centred caption, and a note that the picture only illustrates.
TEST(ArticleKinds, CaptionsTheMarkupNamesAreCaptions) {
  const Bulletin b = Parse(
      "<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara +
      "<div type=VideoStream data-vid=v.mp4><div class=VideoCMS_Caption><p>Clip người dân ghi lại con đường</p></div>"
      "</div>" +
      kPara +
      "<p><img src=a.jpg></p><p class=PhotoCMS_Caption><p style=\"text-align:center\">Con đường mới sửa xong</p>" +
      kPara + "<figure><img src=b.jpg><figcaption>Ảnh minh họa.</figcaption></figure>" + kPara + "</body></html>");
  EXPECT_EQ(Captions(b),
            (std::vector<std::string>{"Clip người dân ghi lại con đường", "Con đường mới sửa xong", "Ảnh minh họa."}));
}

// A desk signing as a group is the byline.
TEST(ArticleKinds, AGroupSignatureIsTheByline) {
  const Bulletin b = Parse("<html><body><h1>Sửa đường sau lũ ở vùng cao</h1>" + kPara + kPara +
                           "<p><b>Nhóm PV Kinh tế</b></p><div>Các bài đã đăng</div></body></html>");
  EXPECT_EQ(b.author, "Nhóm PV Kinh tế");
}

}  // namespace
}  // namespace bantin
