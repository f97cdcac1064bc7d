#include "core/search_engine.h"

#include <algorithm>
#include <cmath>

#include "core/facet_counter.h"
#include "core/posting_lists.h"
#include "core/search_cursor.h"

namespace bantin {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kFieldWeight[kFieldCount] = {3.0, 1.5, 1.0};  // title, lead, body
constexpr int kMaxPageSize = 500;
constexpr int kDefaultPageSize = 20;
constexpr uint32_t kPollEvery = 1024;

// A match's place in the ranking.
struct Ranked {
  int exact_terms = 0;
  double score = 0;
  uint32_t date = 0;  // DateKey
  uint32_t docno = 0;
};

// Ranking order: more exact-spelling matches, higher score, newer date,
// later ingest. A strict total order, so pages never overlap.
bool RanksBefore(const Ranked& a, const Ranked& b) {
  if (a.exact_terms != b.exact_terms) return a.exact_terms > b.exact_terms;
  if (a.score != b.score) return a.score > b.score;
  if (a.date != b.date) return a.date > b.date;
  return a.docno > b.docno;
}

// The best `size` matches offered, in a heap whose front ranks last.
class TopHits {
 public:
  explicit TopHits(size_t size) : size_(size) { heap_.reserve(size); }
  void Offer(const Ranked& r) {
    if (heap_.size() < size_) {
      heap_.push_back(r);
      std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
    } else if (RanksBefore(r, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), RanksBefore);
      heap_.back() = r;
      std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
    }
  }
  // Best first.
  std::vector<Ranked> Sorted() && {
    std::sort(heap_.begin(), heap_.end(), RanksBefore);
    return std::move(heap_);
  }

 private:
  size_t size_;
  std::vector<Ranked> heap_;
};

// The filter clauses of a query, checked per candidate: clauses of date
// filters only on the row (no pointer to follow), the rest on the DocMeta,
// and only for candidates the date clauses let through.
class FilterPlan {
 public:
  explicit FilterPlan(const Query& q) {
    for (const Clause& c : q.clauses) {
      if (c.filters.empty()) continue;
      const bool dates = std::all_of(c.filters.begin(), c.filters.end(),
                                     [](const Filter& f) { return f.field == FilterField::kDate; });
      if (!dates) {
        by_meta_.push_back(&c);
        continue;
      }
      DateClause d{{}, c.excluded};
      for (const Filter& f : c.filters)
        d.spans.push_back({DateBoundKey(f.date_from), f.date_before.empty() ? UINT32_MAX : DateBoundKey(f.date_before)});
      by_date_.push_back(std::move(d));
    }
  }
  bool empty() const { return by_date_.empty() && by_meta_.empty(); }

  bool Passes(uint32_t docno, const DocRow& row, const IndexReader& index) const {
    for (const DateClause& d : by_date_) {
      // Undated documents never pass a date filter.
      const bool holds = row.date != 0 && std::any_of(d.spans.begin(), d.spans.end(), [&](const auto& s) {
                           return row.date >= s.first && row.date < s.second;
                         });
      if (holds == d.excluded) return false;
    }
    if (by_meta_.empty()) return true;
    const DocMeta* meta = index.Meta(docno);
    if (!meta) return false;
    for (const Clause* c : by_meta_) {
      const bool holds = std::any_of(c->filters.begin(), c->filters.end(),
                                     [&](const Filter& f) { return PassesFilter(f, *meta); });
      if (holds == c->excluded) return false;
    }
    return true;
  }

 private:
  struct DateClause {
    std::vector<std::pair<uint32_t, uint32_t>> spans;  // [from, before) as DateKeys
    bool excluded = false;
  };
  std::vector<DateClause> by_date_;
  std::vector<const Clause*> by_meta_;
};

CorpusTotals TotalsBelow(const IndexReader& index, std::span<const DocRow> rows, uint32_t watermark) {
  if (watermark >= index.DocLimit()) return index.Totals();
  CorpusTotals t;
  for (uint32_t d = 0; d < watermark; ++d) {
    if (!rows[d].live) continue;
    ++t.documents;
    for (int f = 0; f < kFieldCount; ++f) t.length[f] += rows[d].length[f];
  }
  return t;
}

// BM25F over title, lead and body, and the count of accented query words
// found spelled as typed. Documents must be scored in ascending docno order:
// each term's list is walked once.
class Scorer {
 public:
  Scorer(const PostingLists& lists, const std::vector<QueryTerm>& terms, std::span<const DocRow> rows,
         const CorpusTotals& totals, uint32_t watermark) {
    const double n = static_cast<double>(totals.documents);
    const bool no_deletions = totals.documents == watermark;
    for (int f = 0; f < kFieldCount; ++f)
      average_[f] = totals.documents ? static_cast<double>(totals.length[f]) / n : 0;
    for (const QueryTerm& t : terms) {
      const std::vector<PostingRef>& refs = lists.Refs(t.folded);
      // Live documents below the watermark that contain the term. Without
      // deletions below the watermark every entry there is live.
      uint64_t df = 0;
      if (no_deletions) {
        df = static_cast<uint64_t>(std::lower_bound(refs.begin(), refs.end(), watermark,
                                                    [](const PostingRef& r, uint32_t d) { return r.docno < d; }) -
                                   refs.begin());
      } else {
        for (const PostingRef& r : refs) df += r.docno < watermark && rows[r.docno].live;
      }
      const double idf = std::log(1 + (n - static_cast<double>(df) + 0.5) / (static_cast<double>(df) + 0.5));
      terms_.push_back({refs.data(), refs.data() + refs.size(), idf, VariantHash(t.exact), t.accented()});
    }
  }

  void Score(const DocRow& row, Ranked* r) {
    for (Term& t : terms_) {
      while (t.at != t.end && t.at->docno < r->docno) ++t.at;
      if (t.at == t.end || t.at->docno != r->docno) continue;
      std::array<uint32_t, kFieldCount> tf{};
      uint32_t exact = 0;
      if (!ReadFrequencies(t.at->payload, t.variant, &tf, &exact)) continue;
      double pseudo = 0;
      for (int f = 0; f < kFieldCount; ++f)
        if (tf[f] && average_[f] > 0)
          pseudo += kFieldWeight[f] * tf[f] / (1 - kB + kB * row.length[f] / average_[f]);
      r->score += t.idf * pseudo * (kK1 + 1) / (pseudo + kK1);
      if (t.accented && exact > 0) ++r->exact_terms;
    }
  }

 private:
  struct Term {
    const PostingRef* at;
    const PostingRef* end;
    double idf;
    uint16_t variant;
    bool accented;
  };
  std::vector<Term> terms_;
  double average_[kFieldCount] = {};
};

}  // namespace

Result<SearchResult> Search(const IndexReader& index, std::string_view text, const SearchOptions& o) {
  Result<Query> parsed = ParseQuery(text, o.limits);
  if (!parsed.ok()) return parsed.status();
  SearchResult result;
  result.query = std::move(*parsed);
  const Query& q = result.query;
  const Status cancelled = Status::DeadlineExceeded("search: cancelled or past its deadline");
  const auto stop = [&] { return o.cancelled && o.cancelled(); };

  SearchCursor cursor;
  const bool resumed = !o.page_token.empty();
  cursor.fingerprint = QueryFingerprint(text);
  cursor.watermark = index.DocLimit();
  if (resumed) {
    Result<SearchCursor> c = DecodeCursor(o.page_token);
    if (!c.ok()) return c.status();
    if (c->fingerprint != cursor.fingerprint)
      return Status::InvalidArgument("page_token: issued for a different query");
    cursor = *c;
  }
  const uint32_t watermark = std::min(cursor.watermark, index.DocLimit());
  const std::span<const DocRow> rows = index.Rows().first(std::min<size_t>(watermark, index.Rows().size()));

  PostingLists lists(index);
  if (Status s = lists.Load(q.Keys()); !s.ok()) return s;
  if (stop()) return cancelled;

  // Candidates: documents satisfying every required text clause and none of
  // the excluded ones.
  DocSet candidates, excluded;
  bool narrowed = false;
  for (const Clause& c : q.clauses) {
    if (c.phrases.empty()) continue;
    DocSet docs = lists.DocsOf(c);
    if (c.excluded) {
      excluded = Unite(excluded, docs);
    } else {
      candidates = narrowed ? Intersect(candidates, docs) : std::move(docs);
      narrowed = true;
    }
  }
  if (!narrowed) {
    candidates.resize(rows.size());
    for (uint32_t d = 0; d < rows.size(); ++d) candidates[d] = d;
  }
  if (!excluded.empty()) candidates = Subtract(candidates, excluded);
  if (stop()) return cancelled;

  const CorpusTotals totals = TotalsBelow(index, rows, watermark);
  Scorer scorer(lists, q.ScoringTerms(), rows, totals, watermark);
  const FilterPlan filters(q);
  const size_t page_size = static_cast<size_t>(
      o.page_size <= 0 ? kDefaultPageSize : std::min(o.page_size, kMaxPageSize));
  const Ranked after{cursor.exact_terms, cursor.score, DateKey(cursor.date), cursor.docno};
  TopHits top(page_size);
  FacetCounter facets(index);
  uint64_t total = 0, after_cursor = 0;
  uint32_t polled = 0;
  for (uint32_t docno : candidates) {
    if (++polled % kPollEvery == 0 && stop()) return cancelled;
    if (docno >= rows.size()) break;
    const DocRow& row = rows[docno];
    if (!row.live || (!filters.empty() && !filters.Passes(docno, row, index))) continue;
    ++total;
    facets.Add(docno, row);
    Ranked r{0, 0, row.date, docno};
    scorer.Score(row, &r);
    if (resumed && !RanksBefore(after, r)) continue;
    ++after_cursor;
    top.Offer(r);
  }
  result.total = total;
  result.provinces = facets.ProvinceCounts();
  result.months = facets.MonthCounts();

  // This page: the best hits ranking after the cursor.
  const std::vector<Ranked> page = std::move(top).Sorted();
  for (const Ranked& r : page) result.hits.push_back({r.docno, r.score, r.exact_terms});
  if (after_cursor > page.size()) {
    const Ranked& last = page.back();
    const DocMeta* meta = index.Meta(last.docno);
    SearchCursor next{watermark, cursor.fingerprint, last.exact_terms, last.score,
                      meta ? meta->date : std::string(), last.docno};
    result.next_page_token = EncodeCursor(next);
  }
  return result;
}

}  // namespace bantin
