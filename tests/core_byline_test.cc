// Bylines where crawler dumps leave them: glued to the end of a one-line
// body, after a label, beside the outlet the author wrote for. Real pages of
// tests/pages/ (their labels say the same).
#include <gtest/gtest.h>

#include "bantin/parse/parser.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

Bulletin Page(const std::string& name) {
  return ParseText(testing::ReadFile(testing::SourceDir() + "/tests/pages/" + name));
}

std::string LastBlock(const Bulletin& b) { return b.blocks.empty() ? "" : b.blocks.back().text; }

TEST(TrailingByline, NameAfterTheLastSentence) {
  const Bulletin b = Page("016.txt");  // "…tại dự án này.Quốc Hùng"
  EXPECT_EQ(b.author, "Quốc Hùng");
  EXPECT_EQ(LastBlock(b).find("Quốc Hùng"), std::string::npos);  // the byline left the paragraph
}

TEST(TrailingByline, LabelledAndWithItsOutlet) {
  EXPECT_EQ(Page("011.txt").author, "NGUYỄN KIỂM");  // "… thiên tai. Tin, ảnh: NGUYỄN KIỂM"
  EXPECT_EQ(Page("006.txt").author, "Linh Vũ");      // "…lắp ráp./.Linh Vũ (Vietnam+)"
}

TEST(TrailingByline, ToolbarWordsAndCreditsArePeeledOff) {
  EXPECT_EQ(Page("022.txt").author, "Xuân Hoàng");  // "…thông tin.Xuân HoàngEmail Print Góp ý"
  const Bulletin b = Page("c023.txt");              // "…não.VŨ KHUÊ(Theo Science Daily, 5/2013)"
  EXPECT_EQ(b.author, "VŨ KHUÊ");
  EXPECT_EQ(Page("041.txt").author, "Ngát Ngọc");  // "…này.Ngát Ngọc Ảnh: Miss Universe Canada"
}

TEST(TrailingByline, NotedByAndTitledSignatures) {
  const Bulletin noted = Page("021.txt");  // "…ở nhiều bệnh viện lớn  Bảo Trân ghi"
  EXPECT_EQ(noted.author, "Bảo Trân");
  EXPECT_EQ(LastBlock(noted).find("Bảo Trân"), std::string::npos);
  // "…của cha bạn.Luật gia Nguyễn Văn Khôi (Trung tâm Tư vấn pháp luật …)"
  EXPECT_EQ(Page("c014.txt").author, "Luật gia Nguyễn Văn Khôi");
  // A sentence that merely ends in capitalised words does not sign.
  EXPECT_EQ(
      ParseText("Tiêu đề bài\n\nĐoàn công tác đã làm việc với Sở Y tế.\nHọ đến thăm Bệnh viện Đa khoa ghi\n").author,
      "");
}

TEST(HeaderByline, ANameAloneBetweenHeadlineAndLead) {
  const std::string lead = "Sáng 5/3, đoàn công tác của tỉnh đã đến thăm và tặng quà các gia đình chính sách tại xã.\n";
  EXPECT_EQ(ParseText("Đoàn công tác thăm gia đình chính sách\nShin Hee\n\n" + lead + lead).author, "Shin Hee");
  // The header printed twice (mobile and desktop copies): still one byline.
  EXPECT_EQ(ParseText("Đoàn công tác thăm gia đình chính sách\nLê Ngọc Quỳnh\nĐoàn công tác thăm gia đình "
                      "chính sách\nLê Ngọc Quỳnh\n\n" +
                      lead + lead)
                .author,
            "Lê Ngọc Quỳnh");
  // Two different short lines there are a menu, not a byline.
  EXPECT_EQ(ParseText("Đoàn công tác thăm gia đình chính sách\nThời Sự\nXã Hội\n\n" + lead + lead).author, "");
}

TEST(FooterByline, TheoWithAPersonsNameAndNameWithSource) {
  const std::string body =
      "Tiêu đề bài viết về kinh tế\n\nĐoạn một của bài viết kể về thị trường trong năm qua.\n"
      "Đoạn hai của bài viết nói thêm về các doanh nghiệp lớn.\n";
  EXPECT_EQ(ParseText(body + "Theo Vân Anh\n").author, "Vân Anh");
  EXPECT_EQ(ParseText(body + "Theo VFF\n").author, "");         // an organisation
  EXPECT_EQ(ParseText(body + "Theo Hà Nội Mới\n").author, "");  // an outlet
  EXPECT_EQ(ParseText(body + "Ca Tiếu(theo online-tech-tips)\n").author, "Ca Tiếu");
}

TEST(FooterByline, AShortClosingSentenceBeforeTheSignatureEndsTheArticle) {
  const Bulletin b = ParseText(
      "Tại sao học sinh miền núi phải vượt sông?\n\n"
      "Những người thầy giáo ở bản xa đã ở lại cùng học trò suốt nhiều năm qua dù cuộc sống còn nhiều khó khăn.\n"
      "Họ mong rằng một ngày những cây cầu sẽ được dựng lên để các em đến trường an toàn hơn trong mùa lũ.\n"
      "Xin đừng ở mãi trên mây nữa!”\nHà Anh\n\nBình luận của bạn\n");
  ASSERT_FALSE(b.blocks.empty());
  EXPECT_EQ(b.blocks.back().text, "Xin đừng ở mãi trên mây nữa!”");
  EXPECT_EQ(b.author, "Hà Anh");
}

TEST(TrailingByline, InitialsAreAName) {
  EXPECT_EQ(Page("c027.txt").author, "T.Tr");  // "…(tháng 7-2013).T.Tr"
}

TEST(FooterByline, NameSlashOutlet) {
  const Bulletin b = Page("038.txt");  // "Thiên Lý/VOV - TP.HCM"
  EXPECT_EQ(b.author, "Thiên Lý");
  EXPECT_EQ(b.credit, "VOV - TP.HCM");
}

// A section named like an outlet ("Văn hóa") above the dump's outlet line
// ("Thanh Niên"): the outlet line is the credit and the source.
TEST(FooterByline, TheLastOutletLineIsTheCredit) {
  const Bulletin b = Page("041.txt");
  EXPECT_EQ(b.credit, "Thanh Niên");
  EXPECT_EQ(b.source.name, "Thanh Niên");
  EXPECT_EQ(b.source.province, "");
}

}  // namespace
}  // namespace bantin
