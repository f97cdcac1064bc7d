// Who published a page and what it is about: the publisher's province comes
// from publisher evidence only (core/text/outlets.h, domains, footers), the
// provinces an article is about are a field of their own (places).
#include <gtest/gtest.h>

#include "bantin/index/memory_index.h"
#include "bantin/parse/parser.h"
#include "bantin/parse/source_id.h"
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

namespace bantin {
namespace {

TEST(SourceIds, RegistrableDomainOfHosts) {
  EXPECT_EQ(RegistrableDomain("www.nhandan.vn"), "nhandan.vn");
  EXPECT_EQ(RegistrableDomain("BaoDakNong.vn"), "baodaknong.vn");
  EXPECT_EQ(RegistrableDomain("sotttt.daknong.gov.vn"), "daknong.gov.vn");
  EXPECT_EQ(RegistrableDomain("daknong.gov.vn"), "daknong.gov.vn");
  EXPECT_EQ(RegistrableDomain("vtv.com.vn"), "vtv.com.vn");
  EXPECT_EQ(RegistrableDomain("m.tuoitre.vn"), "tuoitre.vn");
  EXPECT_EQ(RegistrableDomain("news.example.com"), "example.com");
  EXPECT_EQ(RegistrableDomain("gov.vn"), "");
  EXPECT_EQ(RegistrableDomain("localhost"), "");
  EXPECT_EQ(RegistrableDomain("bad..vn"), "");
}

// One publisher, one id, however a caller names it.
TEST(SourceIds, GivenIdsTakeOneForm) {
  for (const char* given : {"daknong.gov.vn", "https://www.daknong.gov.vn/tin-tuc/a.html", "WWW.DAKNONG.GOV.VN",
                            "http://sotttt.daknong.gov.vn", " daknong.gov.vn "})
    EXPECT_EQ(CanonicalSourceId(given), "daknong.gov.vn") << given;
  EXPECT_EQ(CanonicalSourceId("site-one"), "site-one");
  EXPECT_EQ(CanonicalSourceId("Báo Đắk Nông"), "bao-dak-nong");
  EXPECT_EQ(CanonicalSourceId(""), "");
  const std::string long_name =
      "Cổng thông tin điện tử của Ủy ban nhân dân tỉnh Đắk Nông và các sở ban ngành trực thuộc tỉnh";
  const std::string id = CanonicalSourceId(long_name);
  EXPECT_LE(id.size(), kMaxSourceIdBytes);
  EXPECT_NE(id.back(), '-');
  EXPECT_EQ(id.rfind("cong-thong-tin-dien-tu", 0), 0u);
}

// The parser's source id: the caller's hint (canonicalised), else the
// registrable domain the page or URL gives, else the publisher's name;
// never a province's slug.
TEST(SourceIds, ParsedPagesGetTheCanonicalId) {
  const std::string page = "Tin tức\n\nNông dân trúng mùa lúa\n\nNgày 20/05/2023, nông dân tỉnh thu hoạch lúa.\n";
  ParseHints url;
  url.url = "https://www.baodaknong.vn/nong-dan-trung-mua-lua.html";
  EXPECT_EQ(ParseText(page, url).source.id, "baodaknong.vn");
  ParseHints given = url;
  given.source_id = "https://www.daknong.gov.vn/";
  EXPECT_EQ(ParseText(page, given).source.id, "daknong.gov.vn");
  ParseHints province;
  province.province = "Đắk Nông";
  const Bulletin b = ParseText(page, province);
  EXPECT_EQ(b.source.id, kUnknownSource);
  EXPECT_EQ(b.source.province, "Đắk Nông");
  const std::string footer = page + "\nBáo điện tử Đắk Nông - Cơ quan của Đảng bộ tỉnh\nEmail: toasoan@baodaknong.vn\n";
  EXPECT_EQ(ParseText(footer).source.id, "baodaknong.vn");
}

}  // namespace
}  // namespace bantin
