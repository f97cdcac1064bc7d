// The posting tail (storage/posting_tail.h): new documents' entries held in
// memory and merged into RocksDB's lists in batches. Wherever an entry is
// (in the tail, merged, or being indexed again after a crash), search must
// answer the same, and the store must check whole.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <filesystem>

#include "bantin/index/memory_index.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

const char* const kQueries[] = {"tỉnh ủy",
                                "\"tỉnh ủy\"",
                                "bão",
                                "bao",
                                "nông nghiệp -lúa",
                                "lúa OR gạo",
                                "province:\"Hưng Yên\"",
                                "họp date>=2021-02-01"};

// The seeds and a few dozen short bulletins: some in one put each, some in
// a batch, so both write paths fill the tail.
std::vector<Bulletin> Corpus() {
  std::vector<Bulletin> docs;
  for (const std::string& path : testing::SeedPaths()) docs.push_back(ParseText(testing::ReadFile(path)));
  const char* const provinces[] = {"Hưng Yên", "Huế", "Sóc Trăng"};
  const char* const bodies[] = {"tỉnh ủy họp bàn nông nghiệp", "mùa lúa bội thu, gạo xuất khẩu", "bão số 3 gây mưa lớn",
                                "báo chí cách mạng, tỉnh uỷ gặp mặt"};
  for (int i = 0; i < 40; ++i) {
    Bulletin b;
    b.id = "doc-" + std::to_string(i);
    b.title = std::string("Tin ") + bodies[i % 4] + " " + std::to_string(i);
    b.date = "2021-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    b.source = {"nguon-" + std::to_string(i % 3), "Báo", provinces[i % 3], ""};
    b.blocks.push_back({BlockKind::kParagraph, bodies[(i + 1) % 4] + std::string(". ") + bodies[i % 4]});
    docs.push_back(std::move(b));
  }
  return docs;
}

std::unique_ptr<Store> Open(const std::string& dir, size_t tail_bytes) {
  Result<std::unique_ptr<Store>> store = Store::Open(dir, {.posting_tail_bytes = tail_bytes});
  EXPECT_TRUE(store.ok()) << store.status().message();
  return store.ok() ? std::move(*store) : nullptr;
}

void Ingest(Store& store, const std::vector<Bulletin>& docs) {
  std::vector<IngestItem> batch;
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::string raw = "raw of " + docs[i].id;
    if (i % 2 == 0) {
      ASSERT_TRUE(store.Put(docs[i], raw).ok());
    } else {
      batch.push_back({docs[i], raw, {}});
    }
    if (batch.size() == 8 || (i + 1 == docs.size() && !batch.empty())) {
      ASSERT_TRUE(store.PutMany(batch).ok());
      batch.clear();
    }
  }
}

// Every query's hits (ids and scores), total and province facet, against an
// index that holds every entry in one list from the start.
void ExpectAnswersOf(const Store& store, const MemoryIndex& memory, const std::string& what) {
  for (const char* query : kQueries) {
    Result<SearchPage> stored = store.Search(query, {.page_size = 100});
    Result<SearchResult> expected = Search(memory, query, {.page_size = 100});
    ASSERT_TRUE(stored.ok() && expected.ok()) << what << ": " << query;
    EXPECT_EQ(stored->total, expected->total) << what << ": " << query;
    ASSERT_EQ(stored->hits.size(), expected->hits.size()) << what << ": " << query;
    for (size_t i = 0; i < stored->hits.size(); ++i) {
      EXPECT_EQ(stored->hits[i].bulletin.id, memory.Document(expected->hits[i].docno)->id) << what << ": " << query;
      EXPECT_DOUBLE_EQ(stored->hits[i].score, expected->hits[i].score) << what << ": " << query;
    }
    ASSERT_EQ(stored->provinces.size(), expected->provinces.size()) << what << ": " << query;
    for (size_t i = 0; i < stored->provinces.size(); ++i) {
      EXPECT_EQ(stored->provinces[i].value, expected->provinces[i].value) << what << ": " << query;
      EXPECT_EQ(stored->provinces[i].count, expected->provinces[i].count) << what << ": " << query;
    }
  }
  EXPECT_TRUE(store.CheckIntegrity().ok()) << what;
}

TEST(PostingTailTest, SearchAnswersAlikeWhereverTheEntriesAre) {
  const std::vector<Bulletin> docs = Corpus();
  // Never merged before close; merged every few commits; after every commit.
  for (const size_t tail_bytes : {size_t{64} << 20, size_t{2} << 10, size_t{1}}) {
    const std::string what = "tail of " + std::to_string(tail_bytes) + " bytes";
    testing::TempDir dir;
    MemoryIndex expected;
    for (const Bulletin& b : docs) expected.Add(b);
    std::unique_ptr<Store> store = Open(dir.path(), tail_bytes);
    ASSERT_TRUE(store);
    Ingest(*store, docs);
    ExpectAnswersOf(*store, expected, what);
    // A removal of a document merged long ago and of the newest one (in a
    // tail unless every commit merges).
    for (const std::string id : {docs.front().id, docs.back().id}) {
      ASSERT_TRUE(store->Delete(id).ok()) << what;
      expected.Remove(id);
    }
    ExpectAnswersOf(*store, expected, what + ", after deletes");
    store.reset();
    store = Open(dir.path(), tail_bytes);
    ASSERT_TRUE(store);
    ExpectAnswersOf(*store, expected, what + ", reopened");
  }
}

// A crash leaves the files as they were: a copy of the directory taken while
// the store is open (its tail unmerged, in no file) is what the next open
// after kill -9 finds. It indexes the tail again from the records.
TEST(PostingTailTest, AnOpenAfterACrashIndexesTheTailAgain) {
  const std::vector<Bulletin> docs = Corpus();
  MemoryIndex memory;
  for (const Bulletin& b : docs) memory.Add(b);
  testing::TempDir dir, crashed;
  std::unique_ptr<Store> store = Open(dir.path(), size_t{3} << 10);  // some merged, the rest not
  ASSERT_TRUE(store);
  Ingest(*store, docs);
  std::filesystem::copy(dir.path(), crashed.path(),
                        std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
  std::unique_ptr<Store> reopened = Open(crashed.path(), size_t{3} << 10);
  ASSERT_TRUE(reopened);
  EXPECT_EQ(reopened->size(), docs.size());
  EXPECT_TRUE(reopened->Condition().damaged_at_open.empty());
  ExpectAnswersOf(*reopened, memory, "after a crash");
  // And ingest goes on from there, merging as before.
  const Bulletin more = ParseText(testing::ReadFile(testing::SeedPaths().front()) + "\nTin thêm: bão số 4.");
  ASSERT_TRUE(reopened->Put(more, "raw of the last").ok());
  memory.Add(more);
  ExpectAnswersOf(*reopened, memory, "after a crash and one more put");
}

// Sets m/format to `format` and removes m/posted, as a build before the
// posting tail wrote a database (format 2: every list complete on disk).
void RewriteFormat(const std::string& dir, const std::string& format) {
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(rocksdb::Options(), dir, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "m/format", format).ok());
  ASSERT_TRUE(db->Delete(rocksdb::WriteOptions(), "m/posted").ok());
}

TEST(PostingTailTest, FormatTwoOpensAsItIsAndANewerFormatIsRefused) {
  const std::vector<Bulletin> docs = Corpus();
  MemoryIndex memory;
  for (const Bulletin& b : docs) memory.Add(b);
  testing::TempDir dir;
  {
    std::unique_ptr<Store> store = Open(dir.path(), size_t{64} << 20);
    ASSERT_TRUE(store);
    Ingest(*store, docs);
    ASSERT_TRUE(store->Compact().ok());  // the lists whole on disk, as format 2 kept them
  }
  RewriteFormat(dir.path(), "2");
  {
    std::unique_ptr<Store> store = Open(dir.path(), size_t{64} << 20);  // no parser: nothing to re-parse
    ASSERT_TRUE(store);
    ExpectAnswersOf(*store, memory, "format 2");
    const Bulletin more = ParseText(testing::ReadFile(testing::SeedPaths().front()) + "\nTin thêm: bão số 4.");
    ASSERT_TRUE(store->Put(more, "raw of the last").ok());
    memory.Add(more);
    ExpectAnswersOf(*store, memory, "format 2, one more put");
  }
  RewriteFormat(dir.path(), "4");
  Result<std::unique_ptr<Store>> refused = Store::Open(dir.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().reason(), "DATABASE_FORMAT");
}

}  // namespace
}  // namespace bantin
