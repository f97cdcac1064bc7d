#include "core/search_engine.h"

#include <algorithm>
#include <cmath>

#include "core/facet_counter.h"
#include "core/filter_plan.h"
#include "core/doc_iterators.h"
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

// Live documents below the watermark whose entries are in `list`. Without
// deletions below the watermark every entry there is live.
uint64_t DocumentFrequency(std::string_view list, std::span<const DocRow> rows, bool no_deletions) {
  uint64_t df = 0;
  for (EntryCursor e(list); !e.done() && e.docno() < rows.size(); e.Next())
    df += no_deletions || rows[e.docno()].live;
  return df;
}

// BM25F over title, lead and body, and the count of accented query words
// found spelled as typed. Documents must be scored in ascending docno order:
// each term's list is walked once.
class Scorer {
 public:
  Scorer(const PostingSource& lists, const std::vector<QueryTerm>& terms, std::span<const DocRow> rows,
         const CorpusTotals& totals) {
    const double n = static_cast<double>(totals.documents);
    const bool no_deletions = totals.documents == rows.size();
    for (int f = 0; f < kFieldCount; ++f)
      average_[f] = totals.documents ? static_cast<double>(totals.length[f]) / n : 0;
    for (const QueryTerm& t : terms) {
      const std::string_view list = lists.List(t.folded);
      const double df = static_cast<double>(DocumentFrequency(list, rows, no_deletions));
      const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
      terms_.push_back({EntryCursor(list), idf, VariantHash(t.exact), t.accented()});
    }
  }

  void Score(const DocRow& row, Ranked* r) {
    double inverse_norm[kFieldCount] = {};
    bool normed = false;
    for (Term& t : terms_) {
      t.entries.SeekTo(r->docno);
      if (t.entries.done() || t.entries.docno() != r->docno) continue;
      std::array<uint32_t, kFieldCount> tf{};
      uint32_t exact = 0;
      if (!ReadFrequencies(t.entries.payload(), t.variant, &tf, &exact)) continue;
      if (!normed) {
        for (int f = 0; f < kFieldCount; ++f) inverse_norm[f] = InverseNorm(f, row.length[f]);
        normed = true;
      }
      double pseudo = 0;
      for (int f = 0; f < kFieldCount; ++f) pseudo += kFieldWeight[f] * tf[f] * inverse_norm[f];
      r->score += t.idf * pseudo * (kK1 + 1) / (pseudo + kK1);
      if (t.accented && exact > 0) ++r->exact_terms;
    }
  }

 private:
  struct Term {
    EntryCursor entries;
    double idf;
    uint16_t variant;
    bool accented;
  };
  static constexpr uint32_t kNormTable = 2048;

  // 1 / (1 - b + b * length / average) of field f (0 when the field is empty
  // in the whole corpus: it then adds nothing). Memoised per length: a
  // division per field and distinct length, not per match and term.
  double InverseNorm(int f, uint32_t length) {
    if (average_[f] <= 0) return 0;
    if (length >= kNormTable) return 1 / (1 - kB + kB * length / average_[f]);
    std::vector<double>& table = inverse_norm_[f];
    if (table.empty()) table.assign(kNormTable, 0);
    double& known = table[length];  // 0: not computed yet (a norm is never infinite)
    if (known == 0) known = 1 / (1 - kB + kB * length / average_[f]);
    return known;
  }

  std::vector<Term> terms_;
  double average_[kFieldCount] = {};
  std::vector<double> inverse_norm_[kFieldCount];
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

  PostingSource lists(index);
  if (Status s = lists.Load(q.Keys()); !s.ok()) return s;
  if (stop()) return cancelled;

  // Matches: documents satisfying every required text clause and none of
  // the excluded ones, then the filters.
  std::vector<std::unique_ptr<DocIterator>> required, excluded;
  for (const Clause& c : q.clauses)
    if (!c.phrases.empty()) (c.excluded ? excluded : required).push_back(ClauseDocs(lists, c));
  const std::unique_ptr<DocIterator> matches =
      MatchDocs(std::move(required), std::move(excluded), static_cast<uint32_t>(rows.size()));

  const CorpusTotals totals = TotalsBelow(index, rows, watermark);
  Scorer scorer(lists, q.ScoringTerms(), rows, totals);
  FilterPlan filters(q, index.Keys());
  const size_t page_size = static_cast<size_t>(
      o.page_size <= 0 ? kDefaultPageSize : std::min(o.page_size, kMaxPageSize));
  const Ranked after{cursor.exact_terms, cursor.score, DateKey(cursor.date), cursor.docno};
  TopHits top(page_size);
  FacetCounter facets(index);
  uint64_t total = 0, after_cursor = 0;
  uint32_t polled = 0;
  for (uint32_t docno = matches->doc(); docno < rows.size(); matches->SeekTo(docno + 1), docno = matches->doc()) {
    if (++polled % kPollEvery == 0 && stop()) return cancelled;
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
  if (matches->bad()) return Status::Internal("search: a posting list is corrupt");
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
