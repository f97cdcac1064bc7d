// The engine's fast paths against slow, obvious references over an
// in-memory index: match sets (phrases, alternatives, exclusions, filters)
// against a scan of each document's syllables, pages of a top-k ranking with
// score bounds against one exhaustive page, date keys against string
// comparison, the flat tables of IndexDocument, and corrupt lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "bantin/index/doc_row.h"
#include "bantin/index/filter_keys.h"
#include "bantin/index/index_document.h"
#include "bantin/index/memory_index.h"
#include "bantin/search/search_engine.h"
#include "bantin/text/text.h"
#include "core/search/filter_plan.h"

namespace bantin {
namespace {

TEST(DateKeys, OrderLikeTheDateStrings) {
  std::mt19937 rng(7);
  std::vector<std::string> dates, bounds;
  for (int i = 0; i < 300; ++i) {
    char d[16];
    std::snprintf(d, sizeof d, "%04d-%02d-%02d", 2019 + static_cast<int>(rng() % 4), 1 + static_cast<int>(rng() % 12),
                  1 + static_cast<int>(rng() % 28));
    dates.push_back(d);
    const std::string full = d;
    const std::string cut = full.substr(0, std::vector<size_t>{4, 7, 10}[rng() % 3]);
    bounds.push_back(rng() % 2 ? cut : cut + "~");  // as ParseQuery writes them
  }
  for (const std::string& d : dates) {
    ASSERT_NE(DateKey(d), 0u);
    for (const std::string& b : bounds) {
      EXPECT_EQ(d >= b, DateKey(d) >= DateBoundKey(b)) << d << " vs " << b;
      EXPECT_EQ(d < b, DateKey(d) < DateBoundKey(b)) << d << " vs " << b;
    }
  }
  EXPECT_EQ(DateKey(""), 0u);
  EXPECT_EQ(DateKey("2021-7-1"), 0u);
  EXPECT_EQ(DateBoundKey(""), 0u);
}

TEST(FilterKeys, NumbersAreStable) {
  KeyTable t;
  EXPECT_EQ(t.Intern("soc-trang"), 0u);
  EXPECT_EQ(t.Intern("quang-tri"), 1u);
  EXPECT_EQ(t.Intern("soc-trang"), 0u);
  EXPECT_EQ(t.Find("quang-tri"), 1u);
  EXPECT_FALSE(t.Find("ha-noi").has_value());
  EXPECT_EQ(t.Key(1), "quang-tri");
}

TEST(IndexDocument, ManyDistinctSyllablesKeepTheirCountsAndPositions) {
  // Far more distinct syllables than the per-page tables start with.
  Bulletin b;
  b.title = "tiêu đề";
  std::string body;
  for (int i = 0; i < 3000; ++i) body += "w" + std::to_string(i % 1500) + " ";
  b.blocks.push_back({BlockKind::kParagraph, body});
  const DocumentTerms doc = IndexDocument(b);
  ASSERT_EQ(doc.terms.size(), 1502u);  // w0..w1499, tieu, de
  EXPECT_TRUE(std::is_sorted(doc.terms.begin(), doc.terms.end(),
                             [](const auto& x, const auto& y) { return x.first < y.first; }));
  EXPECT_EQ(doc.length[kTitleField], 2u);
  EXPECT_EQ(doc.length[kLeadField], 3000u);
  for (const auto& [folded, term] : doc.terms) {
    if (folded[0] != 'w') continue;
    const uint32_t i = static_cast<uint32_t>(std::stoul(folded.substr(1)));
    ASSERT_EQ(term.positions.size(), 2u) << folded;
    // Title at 0-1, a gap, then the lead from position 3.
    EXPECT_EQ(term.positions[0], 3 + i);
    EXPECT_EQ(term.positions[1], 3 + 1500 + i);
    EXPECT_EQ(term.tf[kLeadField], 2u);
  }
}

// A random corpus over a small vocabulary with accent variants, so common
// words match most documents (as in a real archive's most frequent words).
const char* const kWords[] = {"bảo",  "báo",  "bão", "bao", "vệ",  "ve", "tỉnh", "tính", "ủy", "uỷ", "hội",
                              "nghị", "tổng", "kết", "lúa", "gạo", "du", "lịch", "đầu",  "tư", "dân"};
const char* const kProvinces[] = {"Sóc Trăng", "Quảng Trị", "Đà Nẵng", ""};
const char* const kAuthors[] = {"Lê Thị Hà", "Trần Hà", "Nguyễn An", ""};

std::string Words(std::mt19937& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += std::string(i ? " " : "") + kWords[rng() % std::size(kWords)];
  return out;
}

Bulletin RandomDoc(std::mt19937& rng, int n) {
  Bulletin b;
  b.id = "d" + std::to_string(n);
  b.title = Words(rng, 2 + static_cast<int>(rng() % 5));
  for (int k = 1 + static_cast<int>(rng() % 3); k > 0; --k)
    b.blocks.push_back(
        {k % 2 ? BlockKind::kParagraph : BlockKind::kCaption, Words(rng, 3 + static_cast<int>(rng() % 30))});
  if (rng() % 5) {
    char d[16];
    std::snprintf(d, sizeof d, "%04d-%02d-%02d", 2020 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 12),
                  1 + static_cast<int>(rng() % 28));
    b.date = d;
  }
  b.source.province = kProvinces[rng() % std::size(kProvinces)];
  b.source.id = b.source.province.empty() ? "" : "bao-" + FilterKey(b.source.province);
  b.author = kAuthors[rng() % std::size(kAuthors)];
  return b;
}

// The folded syllables of each text of a bulletin (no phrase spans two).
std::vector<std::vector<std::string>> Texts(const Bulletin& b) {
  std::vector<std::vector<std::string>> out;
  const auto add = [&](const std::string& text) {
    out.emplace_back();
    for (const Token& t : Tokenize(text)) out.back().push_back(t.folded);
  };
  add(b.title);
  for (const Block& block : b.blocks) add(block.text);
  return out;
}

bool HasPhrase(const std::vector<std::vector<std::string>>& texts, const Phrase& p) {
  for (const auto& words : texts)
    for (size_t at = 0; at + p.terms.size() <= words.size(); ++at) {
      size_t k = 0;
      while (k < p.terms.size() && words[at + k] == p.terms[k].folded) ++k;
      if (k == p.terms.size()) return true;
    }
  return false;
}

// The match set by definition: every clause holds for the document.
bool Matches(const Bulletin& b, const Query& q) {
  const auto texts = Texts(b);
  const DocMeta meta = MetaOf(b, {});
  for (const Clause& c : q.clauses) {
    const bool holds =
        c.phrases.empty()
            ? std::any_of(c.filters.begin(), c.filters.end(), [&](const Filter& f) { return PassesFilter(f, meta); })
            : std::any_of(c.phrases.begin(), c.phrases.end(), [&](const Phrase& p) { return HasPhrase(texts, p); });
    if (holds == c.excluded) return false;
  }
  return true;
}

std::string RandomQuery(std::mt19937& rng) {
  std::string q;
  const int clauses = 1 + static_cast<int>(rng() % 3);
  for (int c = 0; c < clauses; ++c) {
    if (!q.empty()) q += ' ';
    switch (rng() % 8) {
      case 0:
        q += "\"" + Words(rng, 2 + static_cast<int>(rng() % 2)) + "\"";
        break;
      case 1:
        q += Words(rng, 1) + " OR " + Words(rng, 1);
        break;
      case 2:
        q += "-" + Words(rng, 1);
        break;
      case 3:
        q += std::vector<std::string>{"date:2021", "date>=2021-06", "date<2022-03-15"}[rng() % 3];
        break;
      case 4:
        q += std::vector<std::string>{"province:\"Sóc Trăng\"", "-province:quang-tri", "author:hà"}[rng() % 3];
        break;
      default:
        q += Words(rng, 1);
        break;
    }
  }
  if (q[0] == '-') q = Words(rng, 1) + " " + q;
  return q;
}

class RankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 rng(2026);
    for (int n = 0; n < 400; ++n) docs_.push_back(RandomDoc(rng, n));
    for (const Bulletin& b : docs_) ASSERT_TRUE(index_.Add(b));
    // Deleted documents must leave counts, frequencies and pages alone.
    for (int n = 0; n < 400; n += 37) ASSERT_TRUE(index_.Remove("d" + std::to_string(n)));
  }
  std::vector<Bulletin> docs_;
  MemoryIndex index_;
};

TEST_F(RankingTest, MatchSetsAndFacetsEqualTheDefinition) {
  std::mt19937 rng(11);
  for (int i = 0; i < 300; ++i) {
    const std::string text = RandomQuery(rng);
    Result<SearchResult> r = Search(index_, text, SearchOptions{500});
    ASSERT_TRUE(r.ok()) << text << ": " << r.status().message();
    std::set<std::string> expected, got;
    std::map<std::string, uint64_t> provinces;
    for (uint32_t d = 0; d < index_.DocLimit(); ++d) {
      const Bulletin* b = index_.Document(d);
      if (!b || !Matches(*b, r->query)) continue;
      expected.insert(b->id);
      if (!b->source.province.empty()) ++provinces[b->source.province];
    }
    for (const Hit& h : r->hits) got.insert(index_.Document(h.docno)->id);
    EXPECT_EQ(got, expected) << text;
    EXPECT_EQ(r->total, expected.size()) << text;
    std::map<std::string, uint64_t> facet;
    for (const FacetCount& f : r->provinces) facet[f.value] = f.count;
    EXPECT_EQ(facet, provinces) << text;
  }
}

TEST_F(RankingTest, PagesOfTheBoundedTopKEqualOneExhaustivePage) {
  std::mt19937 rng(5);
  for (int i = 0; i < 200; ++i) {
    const std::string text = RandomQuery(rng);
    // One page holding every match: nothing is passed over.
    Result<SearchResult> all = Search(index_, text, SearchOptions{500});
    ASSERT_TRUE(all.ok()) << text;
    ASSERT_LT(all->total, 500u);
    for (int size : {1, 3, 7, 20}) {
      SearchOptions o;
      o.page_size = size;
      std::vector<Hit> paged;
      for (int page = 0; page < 1000; ++page) {
        Result<SearchResult> r = Search(index_, text, o);
        ASSERT_TRUE(r.ok()) << text << ": " << r.status().message();
        EXPECT_EQ(r->total, all->total);
        paged.insert(paged.end(), r->hits.begin(), r->hits.end());
        if (r->next_page_token.empty()) break;
        o.page_token = r->next_page_token;
      }
      ASSERT_EQ(paged.size(), all->hits.size()) << text << " by " << size;
      for (size_t k = 0; k < paged.size(); ++k) {
        EXPECT_EQ(paged[k].docno, all->hits[k].docno) << text << " by " << size << " at " << k;
        EXPECT_EQ(paged[k].score, all->hits[k].score);
        EXPECT_EQ(paged[k].exact_terms, all->hits[k].exact_terms);
      }
    }
    // And the exhaustive page is in ranking order.
    for (size_t k = 1; k < all->hits.size(); ++k) {
      const Hit& a = all->hits[k - 1];
      const Hit& b = all->hits[k];
      EXPECT_TRUE(a.exact_terms > b.exact_terms || (a.exact_terms == b.exact_terms && a.score >= b.score))
          << text << " at " << k;
    }
  }
}

bool SamePage(const SearchResult& a, const SearchResult& b) {
  if (a.total != b.total || a.hits.size() != b.hits.size() || a.next_page_token != b.next_page_token ||
      a.provinces.size() != b.provinces.size() || a.months.size() != b.months.size())
    return false;
  for (size_t k = 0; k < a.hits.size(); ++k)
    if (a.hits[k].docno != b.hits[k].docno || a.hits[k].score != b.hits[k].score ||
        a.hits[k].exact_terms != b.hits[k].exact_terms)
      return false;
  for (size_t k = 0; k < a.provinces.size(); ++k)
    if (a.provinces[k].value != b.provinces[k].value || a.provinces[k].count != b.provinces[k].count) return false;
  for (size_t k = 0; k < a.months.size(); ++k)
    if (a.months[k].value != b.months[k].value || a.months[k].count != b.months[k].count) return false;
  return true;
}

// Large match sets are walked on two threads in docno ranges; the result
// must not depend on it.
TEST(ParallelSearch, TwoThreadsGiveTheSamePagesAsOne) {
  MemoryIndex index;
  std::mt19937 rng(3);
  for (int n = 0; n < 40000; ++n) ASSERT_TRUE(index.Add(RandomDoc(rng, n)));
  for (int n = 0; n < 40000; n += 101) ASSERT_TRUE(index.Remove("d" + std::to_string(n)));
  std::mt19937 queries(17);
  for (int i = 0; i < 40; ++i) {
    const std::string text = i == 0 ? "date>=2021" : RandomQuery(queries);
    SearchOptions one, two;
    one.threads = 1;
    two.threads = 2;
    for (int page = 0; page < 3; ++page) {
      Result<SearchResult> a = Search(index, text, one);
      Result<SearchResult> b = Search(index, text, two);
      ASSERT_TRUE(a.ok() && b.ok()) << text;
      EXPECT_TRUE(SamePage(*a, *b)) << text << " page " << page;
      if (a->next_page_token.empty()) break;
      one.page_token = a->next_page_token;
      two.page_token = b->next_page_token;
    }
  }
}

// A reader that answers as `inner` does, for readers that change only
// what Postings hands out.
class ForwardingIndex : public IndexReader {
 public:
  explicit ForwardingIndex(const MemoryIndex& inner) : inner_(inner) {}
  Status Postings(const std::string& folded, PostingBytes* list) const override {
    return inner_.Postings(folded, list);
  }
  const DocMeta* Meta(uint32_t d) const override { return inner_.Meta(d); }
  RowView Rows() const override { return inner_.Rows(); }
  const FilterKeys& Keys() const override { return inner_.Keys(); }
  uint32_t DocLimit() const override { return inner_.DocLimit(); }
  CorpusTotals Totals() const override { return inner_.Totals(); }

 protected:
  const MemoryIndex& inner_;
};

// A reader whose list of "x" breaks the format's promise of ascending docnos.
class CorruptIndex : public ForwardingIndex {
 public:
  explicit CorruptIndex(const MemoryIndex& inner) : ForwardingIndex(inner) {
    PutVarint(list_, 1);
    PutVarint(list_, 0);
    PutVarint(list_, 0);
    PutVarint(list_, 0);
  }
  Status Postings(const std::string& folded, PostingBytes* list) const override {
    if (folded != "x") return inner_.Postings(folded, list);
    *list = {list_, nullptr};
    return Status::Ok();
  }

 private:
  std::string list_;
};

// A reader handing out every list in two runs (PostingRuns), cut at the
// entry `cut` of each list holds, as a store does with the entries it keeps
// apart; `swap` hands the runs out in the wrong order.
class TwoRunIndex : public ForwardingIndex {
 public:
  TwoRunIndex(const MemoryIndex& inner, double cut, bool swap) : ForwardingIndex(inner), cut_(cut), swap_(swap) {}
  Status Postings(const std::string& folded, PostingBytes* list) const override {
    if (Status s = inner_.Postings(folded, list); !s.ok()) return s;
    std::vector<PostingRef> entries;
    EXPECT_TRUE(SplitPostings(list->bytes, &entries));
    const size_t at = static_cast<size_t>(cut_ * static_cast<double>(entries.size()));
    if (at == 0 || at >= entries.size()) return Status::Ok();
    const size_t boundary = static_cast<size_t>(entries[at].payload.data() - list->bytes.data());
    // The cut falls before entry `at`'s docno and size, which precede its payload.
    std::string head_bytes;
    PutVarint(head_bytes, entries[at].docno);
    PutVarint(head_bytes, static_cast<uint32_t>(entries[at].payload.size()));
    const size_t split = boundary - head_bytes.size();
    const std::string_view first = list->bytes.substr(0, split), then = list->bytes.substr(split);
    list->bytes = swap_ ? then : first;
    list->then = swap_ ? first : then;
    return Status::Ok();
  }

 private:
  const double cut_;
  const bool swap_;
};

// A list in two runs answers as the list in one: hits, scores, totals and
// facets, phrases included; runs out of docno order are a corrupt list.
TEST_F(RankingTest, ListsInTwoRunsAnswerAsInOne) {
  std::mt19937 rng(23);
  for (double cut : {0.1, 0.5, 0.9}) {
    const TwoRunIndex runs(index_, cut, false);
    for (int i = 0; i < 100; ++i) {
      const std::string text = i % 10 == 0 ? "\"bảo vệ\"" : RandomQuery(rng);
      Result<SearchResult> one = Search(index_, text, SearchOptions{20});
      Result<SearchResult> two = Search(runs, text, SearchOptions{20});
      ASSERT_TRUE(one.ok() && two.ok()) << text;
      EXPECT_EQ(two->total, one->total) << text;
      ASSERT_EQ(two->hits.size(), one->hits.size()) << text;
      for (size_t k = 0; k < one->hits.size(); ++k) {
        EXPECT_EQ(two->hits[k].docno, one->hits[k].docno) << text;
        EXPECT_EQ(two->hits[k].score, one->hits[k].score) << text;
      }
      ASSERT_EQ(two->provinces.size(), one->provinces.size()) << text;
      for (size_t k = 0; k < one->provinces.size(); ++k) EXPECT_EQ(two->provinces[k].count, one->provinces[k].count);
    }
  }
  EXPECT_EQ(Search(TwoRunIndex(index_, 0.5, true), "bảo").status().code(), StatusCode::kInternal);
}

TEST_F(RankingTest, CorruptListIsAnErrorNotAShortResult) {
  const CorruptIndex corrupt(index_);
  EXPECT_EQ(Search(corrupt, "x").status().code(), StatusCode::kInternal);
  EXPECT_TRUE(Search(corrupt, "bao").ok());
}

}  // namespace
}  // namespace bantin
