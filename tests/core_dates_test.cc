#include <gtest/gtest.h>

#include "bantin/text/dates.h"

namespace bantin {
namespace {

TEST(FindDates, ReadsCommonForms) {
  auto d = FindDates("dang ngay: 15/01/2021 - 8:41:57 am");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2021);
  EXPECT_EQ(d[0].month, 1);
  EXPECT_EQ(d[0].day, 15);

  d = FindDates("thu nam, ngay 4 thang 3 nam 2021");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2021);
  EXPECT_EQ(d[0].month, 3);

  d = FindDates("(26.07.2019 14:14)");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].month, 7);

  d = FindDates("2021-03-04t10:00:00+07:00");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].day, 4);
}

TEST(FindDates, DayMonthNeedsContext) {
  auto d = FindDates("sang 16/7, ban tuyen giao");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 0);
  EXPECT_EQ(d[0].context, 3);
  EXPECT_TRUE(FindDates("co 5/10 xa dat chuan").empty());
  d = FindDates("sang nay (1/8), dong chi");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].context, 3);
}

TEST(FindTime, NormalisesTwelveHourClock) {
  EXPECT_EQ(FindTime("15/01/2021 - 8:41:57 am"), "08:41:57");
  EXPECT_EQ(FindTime("4/3/2021 - 7:01:35 pm"), "19:01:35");
  EXPECT_EQ(FindTime("21/03/2025 | 15:45"), "15:45");
  EXPECT_EQ(FindTime("luc 9h30 sang"), "09:30");
  EXPECT_EQ(FindTime("khong co gio"), "");
}

TEST(MentionedYears, SkipsRangesAndPlans) {
  const auto y = MentionedYears("nam 2023 va ke hoach nam 2024, nhiem ky 2020 – 2025, den nam 2030");
  EXPECT_EQ(y, (std::vector<int>{2023, 2024}));
}

TEST(MentionedYears, EventsNamedByTheirYearAreNotThePresent) {
  const auto y = MentionedYears("vong loai world cup 2026, sea games 2025 va expo 2030; nam 2024");
  EXPECT_EQ(y, (std::vector<int>{2024}));
}

TEST(DateInUrl, PathSegmentsAndTimestampsNotHostsOrIds) {
  int y = 0, m = 0, d = 0;
  EXPECT_TRUE(DateInUrl("https://example.vn/2021/01/15/bai-viet.html", &y, &m, &d));
  EXPECT_EQ(std::vector<int>({y, m, d}), std::vector<int>({2021, 1, 15}));
  EXPECT_TRUE(DateInUrl("https://dantri.com.vn/xa-hoi/ha-noi-20201218141249485.htm", &y, &m, &d));
  EXPECT_EQ(std::vector<int>({y, m, d}), std::vector<int>({2020, 12, 18}));
  EXPECT_TRUE(DateInUrl("/tin-tuc/20240301/bai.html", &y, &m, &d));
  EXPECT_EQ(std::vector<int>({y, m, d}), std::vector<int>({2024, 3, 1}));
  EXPECT_FALSE(DateInUrl("https://soha.vn/bai-viet-198231215101234567.htm", &y, &m, &d));  // an id
  EXPECT_FALSE(DateInUrl("https://20201218.example.vn/bai.html", &y, &m, &d));             // the host
  EXPECT_FALSE(DateInUrl("https://vnexpress.net/bai-viet-4781234.html", &y, &m, &d));
  EXPECT_FALSE(DateInUrl("https://example.vn/2021/13/45/bai.html", &y, &m, &d));  // no such day
}

TEST(Dates, ValidatesCalendar) {
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2023, 2, 29));
  int y, m, d;
  EXPECT_TRUE(ParseIsoDate("2021-07-16", &y, &m, &d));
  EXPECT_FALSE(ParseIsoDate("2021-13-01", &y, &m, &d));
  EXPECT_FALSE(ParseIsoDate("16/07/2021", &y, &m, &d));
}

}  // namespace
}  // namespace bantin
