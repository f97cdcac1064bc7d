// Identity (storage/README.md, Identity): a record is a page from a source.
// Different pages are never one record, however alike they parse; the same
// page re-sent is; copies of one article from several sources are linked.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "bantin/parse/identity.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::ReadFile;
using testing::SourceDir;
using testing::TempDir;

const ParseFunction kParse = [](const std::string& raw, const ParseHints& hints) { return ParseText(raw, hints); };

class IdentityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Store>> s = Store::Open(dir_.path());
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
  }
  Result<PutOutcome> Ingest(const std::string& raw, const ParseHints& hints = {}) {
    return store_->Put(ParseText(raw, hints), raw, hints);
  }
  static ParseHints Source(const std::string& id) {
    ParseHints h;
    h.source_id = id;
    return h;
  }
  TempDir dir_;
  std::unique_ptr<Store> store_;
};

const std::string& Article() {
  static const std::string raw = ReadFile(SourceDir() + "/tests/fixtures/camau_update_line.txt");
  return raw;
}

// Three archived copies of one page that differ only where the parser
// looks away (a visitor counter): one parse, three pages, three records.
TEST_F(IdentityTest, PagesThatParseAlikeAreThreeRecords) {
  std::vector<std::string> ids;
  for (const char* counter : {"Lượt xem: 1021", "Lượt xem: 1388", "Lượt xem: 2004"}) {
    const std::string raw = Article() + "\n" + counter + "\n";
    Result<PutOutcome> put = Ingest(raw);
    ASSERT_TRUE(put.ok()) << put.status().message();
    EXPECT_TRUE(put->created) << counter;
    ids.push_back(put->bulletin.id);
  }
  EXPECT_EQ(store_->size(), 3u);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_NE(ids[1], ids[2]);
  for (const std::string& id : ids) EXPECT_TRUE(store_->Get(id).ok()) << id;
  // Alike as articles: one copy id.
  EXPECT_EQ(store_->Get(ids[0])->bulletin.copy_id, store_->Get(ids[2])->bulletin.copy_id);
}

TEST_F(IdentityTest, SamePageAgainIsTheSameRecord) {
  Result<PutOutcome> first = Ingest(Article(), Source("site-one"));
  Result<PutOutcome> again = Ingest(Article(), Source("site-one"));
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_TRUE(first->created);
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->bulletin.id, first->bulletin.id);
  EXPECT_EQ(store_->size(), 1u);
}

// The same article from two sources: two records, each found by its
// source, linked as copies; a folded search shows one with the other.
TEST_F(IdentityTest, SameArticleFromTwoSourcesIsTwoLinkedRecords) {
  Result<PutOutcome> one = Ingest(Article(), Source("site-one"));
  Result<PutOutcome> two = Ingest(Article(), Source("site-two"));
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_TRUE(two->created);
  EXPECT_NE(one->bulletin.id, two->bulletin.id);
  EXPECT_FALSE(one->bulletin.copy_id.empty());
  EXPECT_EQ(one->bulletin.copy_id, two->bulletin.copy_id);
  EXPECT_EQ(store_->Search("source:site-two")->total, 1u);
  EXPECT_EQ(store_->Search("source:site-one")->total, 1u);

  EXPECT_EQ(store_->Search("tôm lúa")->total, 2u);
  SearchOptions folded;
  folded.collapse_copies = true;
  Result<SearchPage> page = store_->Search("tôm lúa", folded);
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->total, 1u);
  ASSERT_EQ(page->hits.size(), 1u);
  const SearchHit& hit = page->hits[0];
  ASSERT_EQ(hit.also_published_by.size(), 1u);
  const std::string other = hit.bulletin.id == one->bulletin.id ? two->bulletin.id : one->bulletin.id;
  EXPECT_EQ(hit.also_published_by[0].id, other);
  EXPECT_NE(hit.also_published_by[0].source.id, hit.bulletin.source.id);

  // Deleting one copy unlinks it.
  ASSERT_TRUE(store_->Delete(other).ok());
  page = store_->Search("tôm lúa", folded);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 1u);
  EXPECT_TRUE(page->hits[0].also_published_by.empty());
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

// Folding keeps the ranking's order and paging: every article once, each
// at the rank of its best copy.
TEST_F(IdentityTest, FoldedSearchPagesVisitEveryArticleOnce) {
  for (const char* source : {"a.vn", "b.vn", "c.vn"}) ASSERT_TRUE(Ingest(Article(), Source(source)).ok());
  for (const std::string& seed : testing::SeedPaths()) ASSERT_TRUE(Ingest(ReadFile(seed)).ok());
  SearchOptions o;
  o.collapse_copies = true;
  o.page_size = 2;
  std::set<std::string> copies;
  size_t seen = 0;
  for (int pages = 0; pages < 10; ++pages) {
    Result<SearchPage> page = store_->Search("tỉnh", o);
    ASSERT_TRUE(page.ok()) << page.status().message();
    for (const SearchHit& h : page->hits) {
      ++seen;
      if (!h.bulletin.copy_id.empty()) EXPECT_TRUE(copies.insert(h.bulletin.copy_id).second) << h.bulletin.id;
    }
    if (page->next_page_token.empty()) break;
    o.page_token = page->next_page_token;
  }
  SearchOptions unfolded;
  unfolded.page_size = 50;
  const uint64_t records = store_->Search("tỉnh", unfolded)->total;
  EXPECT_EQ(seen + 2, records);  // three copies of one article, shown once
}

// One publisher named three ways (its domain, a URL, a URL hint) is one
// source: one row in ListSources.
TEST_F(IdentityTest, OnePublisherIsOneSourceRow) {
  ParseHints domain = Source("daknong.gov.vn");
  ParseHints address = Source("https://www.daknong.gov.vn/");
  ParseHints url;
  url.url = "https://sotttt.daknong.gov.vn/tin-tuc/a.html";
  int n = 0;
  for (const ParseHints& hints : {domain, address, url})
    ASSERT_TRUE(Ingest(Article() + "\nLượt xem: " + std::to_string(n++) + "\n", hints).ok());
  Result<SourcesPage> sources = store_->ListSources();
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->sources.size(), 1u);
  EXPECT_EQ(sources->sources[0].source.id, "daknong.gov.vn");
  EXPECT_EQ(sources->sources[0].count, 3u);
}

// An id the parse proposes that a different page already holds: the new
// page is a new record with a derived id, never merged.
TEST_F(IdentityTest, ProposedIdHeldByAnotherPageGetsItsOwn) {
  Bulletin b = ParseText(Article());
  b.id = "00000000000000ab";
  ASSERT_TRUE(store_->Put(b, Article()).ok());
  Result<PutOutcome> other = store_->Put(b, Article() + "\nmột dòng khác\n");
  ASSERT_TRUE(other.ok()) << other.status().message();
  EXPECT_TRUE(other->created);
  EXPECT_EQ(other->bulletin.id, "00000000000000ab-2");
  Result<StoredRecord> stored = store_->Get("00000000000000ab-2", true);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->raw, Article() + "\nmột dòng khác\n");
  EXPECT_EQ(stored->bulletin.id, "00000000000000ab-2");
  EXPECT_EQ(store_->size(), 2u);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

// Within one batch too.
TEST_F(IdentityTest, BatchKeepsDifferentPagesApartAndFoldsRepeats) {
  std::vector<IngestItem> items;
  for (int i = 0; i < 20; ++i) {
    const std::string raw = Article() + "\nLượt xem: " + std::to_string(i % 10) + "\n";
    items.push_back({ParseText(raw), raw, {}});
  }
  Result<std::vector<PutOutcome>> put = store_->PutMany(items);
  ASSERT_TRUE(put.ok()) << put.status().message();
  EXPECT_EQ(store_->size(), 10u);
  for (int i = 10; i < 20; ++i) {
    EXPECT_FALSE((*put)[i].created);
    EXPECT_EQ((*put)[i].bulletin.id, (*put)[i - 10].bulletin.id);
  }
}

TEST(PageIdentity, HashesPageAndSourceNotTheParse) {
  EXPECT_EQ(PageId("page", "a.vn"), PageId("page", "a.vn"));
  EXPECT_NE(PageId("page", "a.vn"), PageId("page", "b.vn"));
  EXPECT_NE(PageId("ab", "c"), PageId("a", "bc"));
  EXPECT_EQ(PageId("x", "").size(), 16u);
  Bulletin short_one;
  short_one.title = "Tin ngắn";
  short_one.blocks.push_back({BlockKind::kParagraph, "Một dòng."});
  EXPECT_EQ(CopyId(short_one), "");
  const Bulletin article = ParseText(Article());
  EXPECT_EQ(CopyId(article).size(), 16u);
  Bulletin captioned = article;
  captioned.blocks.push_back({BlockKind::kCaption, "Ảnh: minh họa"});
  EXPECT_EQ(CopyId(captioned), CopyId(article));  // a copy without its pictures is still a copy
}

// A database written by the previous format (tests/fixtures/format1-db):
// opening migrates it, keeping every id; afterwards the same pages are the
// same records and the page that format dropped gets its own.
TEST(Migration, FormatOneDatabaseMigratesKeepingIds) {
  TempDir dir;
  std::filesystem::copy(SourceDir() + "/tests/fixtures/format1-db", dir.path(),
                        std::filesystem::copy_options::recursive);
  Result<std::unique_ptr<Store>> refused = Store::Open(dir.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().reason(), "DATABASE_FORMAT");

  const std::vector<std::string> old_ids = {"62ade009b3823741", "a22dc66af54ee17f", "c6d05f7f5847ff32",
                                            "9bb93bffc93a8714", "4a486549764cb2d2", "cbcf4db6a389c333"};
  {
    OpenOptions migrate;
    migrate.migrate_with = kParse;
    Result<std::unique_ptr<Store>> opened = Store::Open(dir.path(), migrate);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    Store& store = **opened;
    EXPECT_EQ(store.size(), 6u);
    for (const std::string& id : old_ids) {
      Result<StoredRecord> r = store.Get(id);
      ASSERT_TRUE(r.ok()) << id;
      EXPECT_EQ(r->bulletin.parser_version, kParserVersion) << id;
    }
    EXPECT_TRUE(store.CheckIntegrity().ok());
    ParseHints one, two;
    one.source_id = "site-one";
    two.source_id = "site-two";
    Result<PutOutcome> again = store.Put(ParseText(Article(), one), Article(), one);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->created);
    EXPECT_EQ(again->bulletin.id, "4a486549764cb2d2");
    Result<PutOutcome> second_source = store.Put(ParseText(Article(), two), Article(), two);
    ASSERT_TRUE(second_source.ok());
    EXPECT_TRUE(second_source->created);
    const std::string seed = ReadFile(testing::SeedPaths()[0]);
    Result<PutOutcome> seed_again = store.Put(ParseText(seed), seed);
    ASSERT_TRUE(seed_again.ok());
    EXPECT_FALSE(seed_again->created);
  }
  // Marked: it opens without a parser now.
  Result<std::unique_ptr<Store>> reopened = Store::Open(dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  EXPECT_EQ((*reopened)->size(), 7u);
}

}  // namespace
}  // namespace bantin
