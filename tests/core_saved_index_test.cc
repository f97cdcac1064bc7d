// The saved index (bantin/index/saved_index.h): a memory index saved and
// loaded back answers every query exactly as before and saves to the same
// bytes; damaged, truncated or foreign bytes are DATA_LOSS, never a crash.
#include <gtest/gtest.h>

#include <cstring>
#include <thread>
#include <vector>

#include "bantin/index/memory_index.h"
#include "bantin/index/saved_index.h"
#include "bantin/parse/parser.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"
#include "bantin/search/search_json.h"
#include "core/index/list_cache.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

const char* const kQueries[] = {"tỉnh ủy",          "\"tuyên giáo\"",     "bao",
                                "lúa OR gạo",       "nông nghiệp -covid", "province:\"Sóc Trăng\"",
                                "date>=2021-01-01", "Savannakhet",        "nhân dân author:hà"};

// Each query's first page; its snippets cut from the bulletins `texts` holds
// (a saved index keeps no texts: its reader cuts them from its own copy).
std::string Answers(const MemoryIndex& index, const MemoryIndex& texts) {
  std::string out;
  for (const char* q : kQueries) {
    SearchOptions o;
    o.page_size = 3;
    Result<SearchResult> r = Search(index, q, o);
    const auto whole = [&](uint32_t docno) {
      const Bulletin* b = index.Document(docno);
      return b ? texts.Find(b->id) : nullptr;
    };
    out += r.ok() ? SearchResponseToJson(*r, whole) : r.status().message();
    out += '\n';
  }
  return out;
}

// SaveIndex's bytes (it fails only when a stored list cannot be read).
std::string Saved(const MemoryIndex& index) {
  Result<std::string> bytes = SaveIndex(index);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : std::string();
}

MemoryIndex Pages() {
  MemoryIndex index;
  for (const std::string& path : testing::SeedPaths()) index.Add(ParseText(testing::ReadFile(path)));
  for (const char* name : {"camau_update_line.txt", "yenbai_nfd_no_byline.txt", "daknong_credit_stamp.txt",
                           "tayninh_crlf_list_quote.txt", "binhdinh_caps_title_theo.txt"})
    index.Add(ParseText(testing::ReadFile(testing::SourceDir() + "/tests/fixtures/" + name)));
  return index;
}

TEST(SavedIndex, LoadsBackToTheSameAnswersAndTheSameBytes) {
  MemoryIndex index = Pages();
  ASSERT_TRUE(index.Remove(index.Document(2)->id));  // a hole in the docnos
  const std::string saved = Saved(index);
  MemoryIndex loaded;
  ASSERT_TRUE(LoadIndex(saved, &loaded).ok());
  EXPECT_EQ(loaded.size(), index.size());
  EXPECT_EQ(loaded.DocLimit(), index.DocLimit());
  EXPECT_EQ(Answers(loaded, index), Answers(index, index));
  EXPECT_EQ(Saved(loaded), saved);
  // Adding to a loaded index goes on from its docnos.
  const Bulletin extra =
      ParseText(testing::ReadFile(testing::SourceDir() + "/tests/fixtures/hatinh_long_title_short_paras.txt"));
  ASSERT_TRUE(index.Add(extra));
  ASSERT_TRUE(loaded.Add(extra));
  EXPECT_EQ(Answers(loaded, index), Answers(index, index));
  EXPECT_EQ(Saved(loaded), Saved(index));
}

TEST(SavedIndex, KeepsNoTextsAndItsReaderCutsTheSnippetsAsSearchDoes) {
  const MemoryIndex index = Pages();
  MemoryIndex loaded;
  ASSERT_TRUE(LoadIndex(Saved(index), &loaded).ok());
  // No block's text is in the saved bytes (the longest of each page).
  const std::string saved = Saved(index);
  for (uint32_t d = 0; d < index.DocLimit(); ++d) {
    std::string longest;
    for (const Block& b : index.Document(d)->blocks)
      if (b.text.size() > longest.size()) longest = b.text;
    ASSERT_GT(longest.size(), 40u);
    EXPECT_EQ(saved.find(longest), std::string::npos) << longest;
  }
  for (uint32_t d = 0; d < loaded.DocLimit(); ++d) {
    EXPECT_TRUE(loaded.Document(d)->blocks.empty());
    EXPECT_EQ(loaded.Document(d)->title, index.Document(d)->title);
  }
  // The fields SnippetsToJson writes are the ones the whole answer has.
  int compared = 0;
  for (const char* q : kQueries) {
    Result<SearchResult> r = Search(index, q, SearchOptions());
    ASSERT_TRUE(r.ok()) << q;
    if (r->hits.empty()) continue;
    ++compared;
    const Bulletin& first = *index.Document(r->hits[0].docno);
    const std::string fields = SnippetsToJson(first, r->query);
    const std::string answer = SearchResponseToJson(*r, [&](uint32_t docno) { return index.Document(docno); });
    EXPECT_NE(answer.find(fields.substr(1, fields.size() - 2)), std::string::npos) << q << "\n" << fields;
  }
  EXPECT_GE(compared, 6);
}

// A document removed from a loaded index (which has no texts to find its
// words by) is gone from every answer and from the next saved form, as if
// removed from the index that had its texts.
TEST(SavedIndex, RemovingFromALoadedIndexLeavesNoTrace) {
  MemoryIndex index = Pages();
  MemoryIndex loaded;
  ASSERT_TRUE(LoadIndex(Saved(index), &loaded).ok());
  for (uint32_t docno : {1u, 4u}) {
    const std::string id = index.Document(docno)->id;
    ASSERT_TRUE(loaded.Remove(id));
    ASSERT_TRUE(index.Remove(id));
  }
  EXPECT_EQ(Answers(loaded, index), Answers(index, index));
  EXPECT_EQ(Saved(loaded), Saved(index));
}

// A head-only load (what the viewer does with its saved file): the same
// answers, reading only the lists a search asks for; changes read the lists
// they touch first, so the next save is what a whole load's would be; a
// damaged list is DATA_LOSS for the search that reads it.
TEST(SavedIndex, LoadsTheHeadAndReadsListsWhenAsked) {
  MemoryIndex index = Pages();
  const std::string saved = Saved(index);
  Result<uint64_t> head = SavedIndexHeadBytes(saved.substr(0, 16));
  ASSERT_TRUE(head.ok());
  ASSERT_LT(*head, saved.size());
  std::string file = saved;  // read by offset, as a file would be
  size_t reads = 0;
  const SavedBytesReader read = [&](uint64_t offset, uint32_t size, char* out) {
    ++reads;
    if (offset > file.size() || size > file.size() - offset) return false;
    std::memcpy(out, file.data() + offset, size);
    return true;
  };
  MemoryIndex lazy;
  ASSERT_TRUE(LoadIndexHead(saved.substr(0, *head), read, &lazy).ok());
  EXPECT_EQ(reads, 0u);
  EXPECT_EQ(lazy.size(), index.size());
  EXPECT_EQ(Answers(lazy, index), Answers(index, index));
  EXPECT_GT(reads, 0u);
  // The lists read are kept for the next searches (they fit the budget).
  const size_t read_once = reads;
  EXPECT_EQ(Answers(lazy, index), Answers(index, index));
  EXPECT_EQ(reads, read_once);
  size_t lists = 0;
  lazy.ForEachPostingKey([&](const std::string&) { ++lists; });
  EXPECT_LT(reads, lists);  // not every list
  EXPECT_EQ(Saved(lazy), saved);
  // Its bulletins are decoded when asked for, once: the same object after.
  const Bulletin* first = lazy.Document(0);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->id, index.Document(0)->id);
  EXPECT_EQ(lazy.Document(0), first);
  EXPECT_EQ(lazy.Find(first->id), first);
  EXPECT_TRUE(lazy.Contains(first->id));

  const Bulletin extra =
      ParseText(testing::ReadFile(testing::SourceDir() + "/tests/fixtures/hatinh_long_title_short_paras.txt"));
  const std::string gone = index.Document(3)->id;
  for (MemoryIndex* i : {&index, &lazy}) {
    ASSERT_TRUE(i->Add(extra));
    ASSERT_TRUE(i->Remove(gone));
  }
  EXPECT_EQ(Answers(lazy, index), Answers(index, index));
  EXPECT_EQ(Saved(lazy), Saved(index));

  MemoryIndex damaged;
  ASSERT_TRUE(LoadIndexHead(saved.substr(0, *head), read, &damaged).ok());
  for (size_t at = *head; at < file.size(); ++at) file[at] = static_cast<char>(~file[at]);
  Result<SearchResult> r = Search(damaged, "tỉnh ủy", SearchOptions());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(r.status().reason(), "INDEX_CORRUPTED");
  EXPECT_FALSE(SaveIndex(damaged).ok());
}

// A list saved in two parts (posting.h) is read without its positions by
// a search that has no phrase of two syllables or more: exactly the first
// part of each of its lists, and the same answers as the index whole. A
// phrase reads both parts.
TEST(SavedIndex, ASearchWithoutPhrasesReadsNoPositions) {
  const MemoryIndex index = Pages();
  const std::string saved = Saved(index);
  Result<uint64_t> head = SavedIndexHeadBytes(saved.substr(0, 16));
  ASSERT_TRUE(head.ok());
  uint64_t bytes_read = 0;
  const SavedBytesReader read = [&](uint64_t offset, uint32_t size, char* out) {
    bytes_read += size;
    std::memcpy(out, saved.data() + offset, size);
    return offset + size <= saved.size();
  };
  // What a query's lists weigh as the saved form splits them: their first
  // parts, and the positions of the keys a phrase holds.
  struct Weight {
    uint64_t without = 0, positions = 0;
  };
  const auto weigh = [&](const std::string& query) {
    Weight w;
    const Result<Query> q = ParseQuery(query);
    const std::vector<std::string> positional = q->PositionalKeys();
    for (const std::string& key : q->Keys()) {
      PostingBytes list;
      std::string without, positions;
      EXPECT_TRUE(index.Postings(key, &list).ok());
      EXPECT_TRUE(SplitPositions(list.bytes, &without, &positions));
      w.without += without.size();
      if (std::find(positional.begin(), positional.end(), key) != positional.end()) w.positions += positions.size();
    }
    return w;
  };
  for (const auto& [query, phrase] : std::vector<std::pair<std::string, bool>>{
           {"tỉnh ủy", false}, {"lúa OR gạo", false}, {"\"tuyên giáo\"", true}, {"\"tỉnh ủy\" -covid", true}}) {
    MemoryIndex lazy;  // a fresh one each: nothing kept from another query
    ASSERT_TRUE(LoadIndexHead(saved.substr(0, *head), read, &lazy).ok());
    bytes_read = 0;
    Result<SearchResult> got = Search(lazy, query, SearchOptions());
    Result<SearchResult> want = Search(index, query, SearchOptions());
    ASSERT_TRUE(got.ok() && want.ok()) << query;
    EXPECT_GT(want->total, 0u) << query;
    const auto all = [&](uint32_t docno) { return index.Document(docno); };
    EXPECT_EQ(SearchResponseToJson(*got, all), SearchResponseToJson(*want, all)) << query;
    const Weight w = weigh(query);
    EXPECT_EQ(w.positions > 0, phrase) << query;
    EXPECT_EQ(bytes_read, w.without + w.positions) << query;
  }
}

// The two parts join back into the list; parts that cannot belong
// together, or a damaged list, are refused (the saved form's checksums
// catch the rest).
TEST(SavedIndex, PostingListsSplitAtTheirPositionsAndJoinBack) {
  const MemoryIndex index = Pages();
  size_t lists = 0;
  index.ForEachPostingKey([&](const std::string& folded) {
    PostingBytes list;
    ASSERT_TRUE(index.Postings(folded, &list).ok());
    std::string without, positions, joined;
    ASSERT_TRUE(SplitPositions(list.bytes, &without, &positions)) << folded;
    ASSERT_TRUE(JoinPositions(without, positions, &joined)) << folded;
    EXPECT_EQ(joined, list.bytes) << folded;
    // Scoring reads the same frequencies from the first part alone.
    EntryCursor whole{PostingRuns(list.bytes)}, first{PostingRuns(without)};
    for (; !whole.done(); whole.Next(), first.Next()) {
      ASSERT_FALSE(first.done());
      std::array<uint32_t, kFieldCount> a{}, b{};
      ASSERT_TRUE(ReadFrequencies(whole.payload(), 0, &a, nullptr));
      ASSERT_TRUE(ReadFrequencies(first.payload(), 0, &b, nullptr));
      EXPECT_EQ(a, b);
    }
    EXPECT_FALSE(JoinPositions(without, positions + '\x01', &joined)) << folded;  // a position too many
    EXPECT_FALSE(JoinPositions(without, "", &joined)) << folded;                  // none at all
    EXPECT_FALSE(JoinPositions(list.bytes, positions, &joined)) << folded;        // a whole list as the first part
    EXPECT_FALSE(SplitPositions(list.bytes.substr(0, list.bytes.size() - 1), &without, &positions)) << folded;
    ++lists;
  });
  EXPECT_GT(lists, 100u);
}

// A file saved before lists were split (version 3, each list whole, of
// the pages Pages() reads; tests/fixtures/README.md) still loads, whole or by its head, answers as
// the index it was saved from, and saves again in the current version.
TEST(SavedIndex, ReadsTheVersionBefore) {
  const MemoryIndex index = Pages();
  const std::string v3 = testing::ReadFile(testing::SourceDir() + "/tests/fixtures/saved_index_v3.btix");
  ASSERT_EQ(v3.substr(4, 4), std::string("\x03\0\0\0", 4));
  MemoryIndex whole;
  ASSERT_TRUE(LoadIndex(v3, &whole).ok());
  EXPECT_EQ(Answers(whole, index), Answers(index, index));
  EXPECT_EQ(Saved(whole), Saved(index));
  Result<uint64_t> head = SavedIndexHeadBytes(v3.substr(0, 16));
  ASSERT_TRUE(head.ok());
  const SavedBytesReader read = [&](uint64_t offset, uint32_t size, char* out) {
    if (offset > v3.size() || size > v3.size() - offset) return false;
    std::memcpy(out, v3.data() + offset, size);
    return true;
  };
  MemoryIndex lazy;
  ASSERT_TRUE(LoadIndexHead(v3.substr(0, *head), read, &lazy).ok());
  EXPECT_EQ(Answers(lazy, index), Answers(index, index));
  EXPECT_EQ(Saved(lazy), Saved(index));
}

// Threads asking a loaded index for its bulletins at once each get the one
// object of each docno, with the bulletin that was saved.
TEST(SavedIndex, BulletinsDecodedFromSeveralThreadsAreOneEach) {
  MemoryIndex index = Pages();
  MemoryIndex loaded;
  ASSERT_TRUE(LoadIndex(Saved(index), &loaded).ok());
  std::vector<std::vector<const Bulletin*>> seen(4);
  std::vector<std::thread> threads;
  for (auto& got : seen)
    threads.emplace_back([&loaded, &got] {
      for (uint32_t docno = 0; docno < loaded.DocLimit(); ++docno) got.push_back(loaded.Document(docno));
    });
  for (std::thread& t : threads) t.join();
  for (uint32_t docno = 0; docno < loaded.DocLimit(); ++docno) {
    ASSERT_NE(seen[0][docno], nullptr);
    EXPECT_EQ(seen[0][docno]->id, index.Document(docno)->id);
    EXPECT_EQ(seen[0][docno]->title, index.Document(docno)->title);
    for (const auto& got : seen) EXPECT_EQ(got[docno], seen[0][docno]);
  }
}

// The lists a loaded index read stay within their budget, the one used
// longest ago going first; a list larger than the budget is not kept, and
// one handed out stays readable after the cache lets it go.
TEST(ListCache, KeepsTheRecentlyUsedWithinItsBudget) {
  ListCache cache(10);
  const auto list = [](size_t n) { return std::make_shared<const std::string>(n, 'x'); };
  cache.Put("a", list(4));
  cache.Put("b", list(4));
  const std::shared_ptr<const std::string> a = cache.Find("a");  // now the most recent
  ASSERT_NE(a, nullptr);
  cache.Put("c", list(4));  // 12 > 10: "b" goes
  EXPECT_EQ(cache.Find("b"), nullptr);
  EXPECT_NE(cache.Find("a"), nullptr);
  EXPECT_NE(cache.Find("c"), nullptr);
  EXPECT_EQ(cache.bytes(), 8u);
  cache.Put("big", list(11));
  EXPECT_EQ(cache.Find("big"), nullptr);
  EXPECT_EQ(cache.bytes(), 8u);
  cache.Put("a", list(2));  // replaced, not kept twice
  EXPECT_EQ(cache.bytes(), 6u);
  cache.Erase("c");
  cache.Erase("a");
  EXPECT_EQ(cache.bytes(), 0u);
  EXPECT_EQ(*a, std::string(4, 'x'));
}

TEST(SavedIndex, AnEmptyIndexRoundTrips) {
  MemoryIndex empty, loaded;
  ASSERT_TRUE(LoadIndex(Saved(empty), &loaded).ok());
  EXPECT_EQ(loaded.size(), 0u);
}

TEST(SavedIndex, DamagedOrForeignBytesAreDataLossAndLeaveTheIndexEmpty) {
  const std::string saved = Saved(Pages());
  std::vector<std::string> bad = {"", "BTIX", saved.substr(0, saved.size() / 2), "XXXX" + saved.substr(4)};
  for (size_t at : {size_t{5}, saved.size() / 3, saved.size() / 2, saved.size() - 2}) {
    std::string flipped = saved;
    flipped[at] = static_cast<char>(~flipped[at]);
    bad.push_back(flipped);
  }
  std::string newer = saved;
  newer[4] = 9;  // the version
  // A list damaged where it lies: a whole load refuses it (a head-only
  // load finds out when a search reads it: LoadsTheHeadAndReadsListsWhenAsked).
  std::string list_damaged = saved;
  list_damaged[saved.size() - 3] = static_cast<char>(~list_damaged[saved.size() - 3]);
  bad.push_back(list_damaged);
  bad.push_back(saved + "x");
  bad.push_back(newer);
  for (const std::string& bytes : bad) {
    MemoryIndex index = Pages();
    const Status s = LoadIndex(bytes, &index);
    EXPECT_EQ(s.code(), StatusCode::kDataLoss) << bytes.size();
    EXPECT_EQ(index.size(), 0u);
  }
}

}  // namespace
}  // namespace bantin
