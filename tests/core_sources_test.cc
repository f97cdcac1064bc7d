// Who published a page and what it is about: the publisher's province comes
// from publisher evidence only (core/text/outlets.h, domains, footers), the
// provinces an article is about are a field of their own (places).
#include <gtest/gtest.h>

#include "bantin/index/memory_index.h"
#include "bantin/parse/parser.h"
#include "bantin/search/search_engine.h"
#include "bantin/text/outlets.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::ReadFile;

Bulletin Page(const std::string& name) { return ParseText(ReadFile(testing::SourceDir() + "/tests/pages/" + name)); }

TEST(Outlets, NamesAndDomainsTellNationalFromCityPapers) {
  ASSERT_NE(OutletNamed("Nhân Dân"), nullptr);
  EXPECT_EQ(OutletNamed("nhan dan")->province, "");  // case and accents ignored
  EXPECT_EQ(OutletNamed("SGGP")->province, "Hồ Chí Minh");
  EXPECT_EQ(OutletNamed("Hà Nội Mới")->province, "Hà Nội");
  ASSERT_NE(OutletOfDomain("m.tuoitre.vn"), nullptr);
  EXPECT_EQ(OutletOfDomain("m.tuoitre.vn")->name, "Tuổi Trẻ");
  EXPECT_EQ(OutletOfDomain("notuoitre.vn"), nullptr);  // a host under the domain, not a suffix of a name
  EXPECT_EQ(OutletNamed("Phan Văn Sáu"), nullptr);
  // A section word that is also an outlet's short name ("Tin tức" is a
  // menu item on every portal) names it only where asked for weak names.
  EXPECT_EQ(OutletNamed("Tin tức"), nullptr);
  ASSERT_NE(OutletNamed("Tin tức", /*weak=*/true), nullptr);
  EXPECT_EQ(OutletNamed("Tin tức", true)->province, "");
}

// A national paper's story about a province (a 2013 dump whose last line is
// the outlet, QĐND): no publisher province, the province in places.
TEST(PublisherAndPlaces, NationalStoryAboutAProvince) {
  const Bulletin b = Page("012.txt");
  EXPECT_EQ(b.source.province, "");
  EXPECT_EQ(b.source.name, "Quân đội nhân dân");
  ASSERT_FALSE(b.places.empty());
  EXPECT_EQ(b.places.front(), "Đắk Lắk");
  EXPECT_EQ(b.author, "BÌNH ĐỊNH");  // the byline glued to the one-line body
  EXPECT_EQ(b.credit, "QĐND");       // the outlet line is a credit, not a byline
}

// A city paper named by its outlet line has its city, wherever the story is.
TEST(PublisherAndPlaces, CityPaperKeepsItsCity) {
  const Bulletin b = Page("016.txt");
  EXPECT_EQ(b.source.province, "Hồ Chí Minh");  // SGGP
  EXPECT_EQ(b.date, "2013-05-31");              // "31/05/13 18:25 GMT+7"
  EXPECT_FALSE(b.date_inferred);
}

TEST(PublisherAndPlaces, ATieGoesToTheProvinceNamedFirst) {
  // A district portal's report speaking from inside its province ("toàn
  // tỉnh") names "tỉnh Đắk Nông" in its lead and "TP. Hồ Chí Minh" later.
  EXPECT_EQ(Page("e004.txt").source.province, "Đắk Nông");
}

TEST(PublisherAndPlaces, PlacesAreSearchedApartFromTheProvince) {
  MemoryIndex index;
  for (const char* name : {"012.txt", "016.txt", "034.txt"}) index.Add(Page(name));
  Result<SearchResult> about = Search(index, "place:\"Đắk Lắk\"");
  ASSERT_TRUE(about.ok()) << about.status().message();
  ASSERT_EQ(about->hits.size(), 1u);
  EXPECT_EQ(index.Document(about->hits[0].docno)->title, Page("012.txt").title);
  Result<SearchResult> published = Search(index, "province:\"Đắk Lắk\"");
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->total, 0u);
  // Faceted beside the publishers' provinces: every match's places counted.
  Result<SearchResult> all = Search(index, "");
  ASSERT_TRUE(all.ok());
  uint64_t dak_lak = 0;
  for (const FacetCount& f : all->places)
    if (f.value == "Đắk Lắk") dak_lak = f.count;
  EXPECT_EQ(dak_lak, 1u);
  for (const FacetCount& f : all->provinces) EXPECT_NE(f.value, "Đắk Lắk");
}

}  // namespace
}  // namespace bantin
