#include <gtest/gtest.h>

#include <algorithm>

#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/text/text.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::ReadFile;
using testing::SeedPaths;
using testing::SourceDir;

std::vector<std::string> BodyTexts(const Bulletin& b) {
  std::vector<std::string> out;
  for (const Block& block : b.blocks)
    if (block.kind == BlockKind::kParagraph || block.kind == BlockKind::kListItem) out.push_back(block.text);
  return out;
}

TEST(ParseSeeds, PublicationLineWinsOverPageClock) {
  const Bulletin b = ParseText(ReadFile(SeedPaths()[3]));
  EXPECT_EQ(b.date, "2021-01-15");
  EXPECT_FALSE(b.date_inferred);
  EXPECT_EQ(b.time, "08:41:57");
  EXPECT_EQ(b.page_date, "2021-03-04");
  EXPECT_EQ(b.source.province, "Hưng Yên");
  EXPECT_EQ(b.source.site, "tuyengiaohungyen.vn");
  EXPECT_EQ(b.related.size(), 10u);
  int list_items = 0;
  for (const Block& block : b.blocks) list_items += block.kind == BlockKind::kListItem;
  EXPECT_EQ(list_items, 8);
}

TEST(ParseSeeds, YearInferredFromTheTextAndBoundedByTheClock) {
  const Bulletin b = ParseText(ReadFile(SeedPaths()[4]));
  EXPECT_EQ(b.title, "Ban Tuyên giáo Trung ương: Sơ kết công tác tuyên giáo 6 tháng đầu năm");
  EXPECT_EQ(b.date, "2021-07-16");
  EXPECT_TRUE(b.date_inferred);
  EXPECT_EQ(b.page_date, "2022-05-29");
  EXPECT_EQ(b.author, "MAI CHI");
  EXPECT_EQ(b.source.province, "Lạng Sơn");
}

TEST(ParseSeeds, OutletPrefixGivesProvince) {
  const Bulletin b = ParseText(ReadFile(SeedPaths()[1]));
  EXPECT_EQ(b.source.province, "Quảng Trị");
  EXPECT_EQ(b.date, "2024-02-27");
  EXPECT_EQ(b.author, "Kăn Sương");
  ASSERT_FALSE(b.people.empty());
  EXPECT_EQ(b.people[0].name, "Nguyễn Đăng Quang");
  EXPECT_EQ(b.people[0].role, "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh");
}

TEST(ParseSeeds, PeopleWithTheirRoles) {
  const Bulletin b = ParseText(ReadFile(SeedPaths()[0]));
  std::vector<std::string> names;
  for (const Person& p : b.people) names.push_back(p.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Phan Văn Sáu", "Lâm Tấn Hòa", "Hồ Thị Cẩm Đào", "Dương Sà Kha", "Lý RoTha"}));
  EXPECT_EQ(b.people[0].role, "Bí thư Tỉnh ủy");
  // A middle name that is also a rank ("Đại") stays in the name.
  const Bulletin qt = ParseText(ReadFile(SeedPaths()[1]));
  ASSERT_EQ(qt.people.size(), 2u);
  EXPECT_EQ(qt.people[1].name, "Hồ Đại Nam");
  EXPECT_EQ(qt.people[1].role, "Trưởng Ban Tuyên giáo Tỉnh ủy");
}

TEST(ParseSeeds, FooterNeverReachesTheBody) {
  for (const std::string& path : SeedPaths()) {
    const Bulletin b = ParseText(ReadFile(path));
    for (const std::string& text : BodyTexts(b)) {
      const std::string f = FoldedKey(text);
      EXPECT_EQ(f.find("luot truy cap"), std::string::npos) << path;
      EXPECT_EQ(f.find("go top"), std::string::npos) << path;
      EXPECT_EQ(f.find("giay phep"), std::string::npos) << path;
    }
    // Every line of the page has a role and a span inside the input.
    const std::string raw = ReadFile(path);
    ASSERT_FALSE(b.lines.empty());
    for (const LineSpan& l : b.lines) {
      EXPECT_NE(l.role, LineRole::kUnspecified);
      EXPECT_LE(l.end, raw.size());
    }
  }
}

TEST(ParseSeeds, IdIsStableAndJsonIsDeterministic) {
  const std::string raw = ReadFile(SeedPaths()[0]);
  const Bulletin a = ParseText(raw), b = ParseText(raw);
  EXPECT_EQ(a.id.size(), 16u);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(BulletinToJson(a), BulletinToJson(b));
}

TEST(ParsePages, GeneralShapesBeyondTheSeeds) {
  const std::string page =
      "Báo Điện tử Tỉnh X\n"
      "Trang chủ » Kinh tế\n"
      "Nông dân Cà Mau trúng mùa tôm lúa\n"
      "Cập nhật: 10:30 20/05/2023\n"
      "Chiều 19/5, tại huyện Thới Bình, Sở Nông nghiệp và Phát triển nông thôn tỉnh Cà Mau tổ chức hội thảo "
      "đánh giá mô hình tôm lúa vụ 2022 - 2023 với sự tham gia của hàng trăm nông dân.\n"
      "Nông dân tham quan ruộng lúa tại xã Biển Bạch\n"
      "Theo báo cáo, diện tích tôm lúa toàn tỉnh đạt hơn 40.000 ha, năng suất lúa bình quân đạt 4,5 tấn mỗi "
      "héc-ta, cao hơn vụ trước, mang lại lợi nhuận đáng kể cho bà con nông dân trong vùng.\n"
      "Tin, ảnh: Hoàng Vũ\n"
      "Tin liên quan\n"
      "Cà Mau đẩy mạnh xuất khẩu tôm sang thị trường châu Âu\n"
      "Bản quyền thuộc Báo Cà Mau. Địa chỉ: 75 Lý Thường Kiệt, TP Cà Mau\n";
  const Bulletin b = ParseText(page);
  EXPECT_EQ(b.title, "Nông dân Cà Mau trúng mùa tôm lúa");
  EXPECT_EQ(b.date, "2023-05-20");
  EXPECT_EQ(b.time, "10:30");
  EXPECT_FALSE(b.date_inferred);
  EXPECT_EQ(b.author, "Hoàng Vũ");
  EXPECT_EQ(b.source.province, "Cà Mau");
  ASSERT_EQ(b.blocks.size(), 3u);
  EXPECT_EQ(b.blocks[1].kind, BlockKind::kCaption);
  ASSERT_EQ(b.related.size(), 1u);
  EXPECT_EQ(b.related[0], "Cà Mau đẩy mạnh xuất khẩu tôm sang thị trường châu Âu");
}

TEST(ParsePages, NfdInputComesOutNfc) {
  const std::string nfd_title =
      "Hu\xCC\x9BO\xCC\x9B\xCC\x81ng da\xCC\x82\xCC\x83n co\xCC\x82ng ta\xCC\x81\x63 mo\xCC\x9B\xCC\x81i";
  const std::string page =
      nfd_title +
      "\n\nSáng 3/4, Sở Giáo dục và Đào tạo tỉnh Bến Tre tổ chức hội nghị triển khai hướng dẫn công tác "
      "mới cho năm học 2024 - 2025 với hơn hai trăm cán bộ quản lý tham dự.\n\nPV\n";
  const Bulletin b = ParseText(page);
  EXPECT_EQ(b.title, ToNfc(nfd_title));
  // The lead names the province; an article alone (no header, footer or
  // outlet) does not say who published it: Bến Tre is where it happened.
  EXPECT_EQ(b.places, std::vector<std::string>{"Bến Tre"});
  EXPECT_EQ(b.source.province, "");
  EXPECT_EQ(b.author, "PV");
}

TEST(ParsePages, NoDateWhenNothingSupportsOne) {
  const Bulletin b = ParseText(
      "Một tiêu đề không có ngày tháng nào cả\n\n"
      "Đây là một đoạn văn dài mô tả sự kiện nhưng không hề nhắc đến ngày tháng hay năm nào, "
      "vì vậy bộ phân tích không được đoán ra một ngày đăng bài.\n");
  EXPECT_TRUE(b.date.empty());
  EXPECT_FALSE(b.warnings.empty());
}

TEST(ParsePages, DatesACrawlerRecordedBeforeTheLead) {
  // A dataset's header field above the headline wins over the URL's date,
  // which wins over the lead's event date (tests/pages/c003.txt, c002.txt).
  EXPECT_EQ(ParseText(ReadFile(SourceDir() + "/tests/pages/c003.txt")).date, "2020-10-02");
  const Bulletin from_url = ParseText(ReadFile(SourceDir() + "/tests/pages/c002.txt"));
  EXPECT_EQ(from_url.date, "2020-12-18");
  const Bulletin hinted = ParseText("Tiêu đề bài viết\n\nSáng 3/4, đoàn công tác đến thăm xã.\n",
                                    {.url = "https://example.vn/tin/2023/04/05/bai.html"});
  EXPECT_EQ(hinted.date, "2023-04-05");
  EXPECT_TRUE(hinted.date_inferred);
}

TEST(ParsePages, MenuRowsAndTagListsAreChrome) {
  const std::string lead =
      "(Dân trí) - Nhiều ngân hàng có tên trong danh sách dự kiến tham gia chương trình tín dụng mới.\n";
  const Bulletin b = ParseText(
      "Tài chính - Đầu tư - Thị trường - Doanh nghiệp - Nhà đất\n\n"
      "\"Gói 50.000 tỷ\" cứu BĐS: Chuyện thật hay đùa?\n" +
      lead + lead + "Từ khóa: ngân hàng, tín dụng, bất động sản\n");
  EXPECT_EQ(b.title, "\"Gói 50.000 tỷ\" cứu BĐS: Chuyện thật hay đùa?");
  for (const Block& block : b.blocks) EXPECT_EQ(block.text.find("Từ khóa"), std::string::npos);
}

TEST(ParsePages, NumberedImageTextIsNotProse) {
  const Bulletin b = ParseText(
      "Đường chạy của người phụ nữ\n\nChị đã chạy suốt hai mươi năm qua trên con đường làng.\n"
      "Đường chạy của người phụ nữ - Ảnh 1.\nMỗi sáng chị dậy từ bốn giờ để chạy bộ cùng các bạn.\n");
  for (const Block& block : b.blocks) EXPECT_EQ(block.text.find("Ảnh 1"), std::string::npos) << block.text;
}

TEST(ParseBadInput, NeverCrashesAndWarns) {
  EXPECT_FALSE(ParseText("").warnings.empty());
  EXPECT_FALSE(ParseText(" \n\t\r\n\xC2\xA0\n").warnings.empty());
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 131) & 0xFF));
  const Bulletin b = ParseText(binary);
  EXPECT_FALSE(b.warnings.empty());
  const Bulletin nul = ParseText(std::string("Tiêu đề\0 có NUL\n", 19));
  bool warned = false;
  for (const std::string& w : nul.warnings) warned = warned || w.find("control") != std::string::npos;
  EXPECT_TRUE(warned);
  const std::string long_line(1 << 20, 'a');
  EXPECT_EQ(ParseText(long_line).lines.size(), 1u);
}

// Sizes and shapes that would expose super-linear steps: the suite would
// hang on them. (Speed itself is measured in bench/, never asserted here.)
// Found by the fuzzer: a line that is only the word "Theo" (a credit's
// opening with nothing after it).
TEST(ParseBadInput, ACreditWordAloneIsNoByline) {
  for (const char* page : {"Tiêu đề\n\nMột đoạn văn đủ dài để thành đoạn văn.\nTheo", "Theo\n", "THEO(\n", "Theo ()"})
    EXPECT_EQ(ParseText(page).author, "") << page;
}

TEST(ParseBadInput, HugeAndRepetitivePagesParse) {
  std::string page;
  for (const std::string& p : SeedPaths()) page += ReadFile(p);
  std::string fifty;
  while (fifty.size() < (50u << 20)) fifty += page;
  const Bulletin big = ParseText(fifty);
  EXPECT_FALSE(big.blocks.empty());
  EXPECT_EQ(big.title, ParseText(page).title);

  std::string names;
  for (int i = 0; i < 200000; ++i) names += "Nguyễn Văn A\n";
  // Past the lines a page may have, the rest is left unread, and said so.
  const Bulletin many = ParseText(names);
  EXPECT_EQ(many.lines.size(), 20000u);
  EXPECT_NE(std::find_if(many.warnings.begin(), many.warnings.end(),
                         [](const std::string& w) { return w.find("more than 20000 lines") != std::string::npos; }),
            many.warnings.end());

  std::string related;
  for (int i = 0; i < 100000; ++i) related += "Tin liên quan\nMột tiêu đề bài viết liên quan\n";
  EXPECT_LE(ParseText(related).related.size(), 50u);
}

}  // namespace
}  // namespace bantin
