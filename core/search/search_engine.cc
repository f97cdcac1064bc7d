#include "bantin/search/search_engine.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "copy_groups.h"
#include "doc_iterators.h"
#include "facet_counter.h"
#include "filter_plan.h"
#include "ranking.h"
#include "search_cursor.h"

namespace bantin {
namespace {

constexpr uint32_t kPollEvery = 1024;
// Below this many documents, or this many bytes of posting lists, a search
// is walked on one thread: starting another costs more than it saves.
constexpr size_t kParallelDocs = 20000;
constexpr size_t kParallelBytes = 256 << 10;
// Ranges a parallel search is cut into: two, since a range's iterators must
// first step over the entries of the ranges before it (lists have no skip
// data); if the helper has not started when the first range is done, the
// calling thread takes the second as well.
constexpr uint32_t kParallelChunks = 2;

CorpusTotals TotalsBelow(const IndexReader& index, RowView rows, uint32_t watermark) {
  if (watermark >= index.DocLimit()) return index.Totals();
  CorpusTotals t;
  for (uint32_t d = 0; d < watermark; ++d) {
    if (!rows[d].live) continue;
    ++t.documents;
    for (int f = 0; f < kFieldCount; ++f) t.length[f] += rows[d].length[f];
  }
  return t;
}

// What walking a part of the match set found.
struct Walked {
  Walked(const IndexReader& index, size_t page_size, size_t terms)
      : facets(index), top(page_size, terms), copies(terms) {}
  uint64_t total = 0;         // matches, not counting members of copy groups
  uint64_t after_cursor = 0;  // matches ranking after the cursor (all of them on page one)
  FacetCounter facets;
  TopHits top;
  CopyGroups copies;  // with collapse_copies: the best of each copy group
  bool bad = false;
  bool stopped = false;
};

// The docno ranges a search walks, handed out in ascending order to the
// threads that ask: a thread that gets no core (this machine is shared)
// simply claims fewer, so a search is never slower than on one thread by
// more than starting one.
class Chunks {
 public:
  Chunks(uint32_t limit, uint32_t count) : limit_(limit), size_(std::max<uint32_t>(1, (limit + count - 1) / count)) {}
  // The next range not yet claimed; false when none is left.
  bool Claim(uint32_t* from, uint32_t* to) {
    const uint32_t c = next_.fetch_add(1, std::memory_order_relaxed);
    if (static_cast<uint64_t>(c) * size_ >= limit_) return false;
    *from = c * size_;
    *to = std::min(limit_, *from + size_);
    return true;
  }

 private:
  const uint32_t limit_, size_;
  std::atomic<uint32_t> next_{0};
};

// Walks the matches of `q` in the ranges this thread claims: counts them and
// their facets, keeps the best page of those ranking after `after` (when
// given). Polls `stop` every kPollEvery matches.
template <typename Stop>
void Walk(const Query& q, const IndexReader& index, const PostingSource& lists, RowView rows,
          const std::vector<QueryTerm>& scoring, const std::vector<double>& idf, const CorpusTotals& totals,
          const Ranked* after, bool collapse, Chunks& chunks, Stop stop, Walked* out) {
  std::vector<std::unique_ptr<DocIterator>> required, excluded;
  for (const Clause& c : q.clauses)
    if (!c.phrases.empty()) (c.excluded ? excluded : required).push_back(ClauseDocs(lists, c));
  const std::unique_ptr<DocIterator> matches =
      MatchDocs(std::move(required), std::move(excluded), static_cast<uint32_t>(rows.size()));
  Scorer scorer(lists, scoring, idf, totals, *matches);
  FilterPlan filters(q, index.Keys());
  TopHits& top = out->top;
  uint32_t polled = 0, from = 0, to = 0;
  // Claimed ranges ascend, so the iterators and the scorer only move forward.
  while (chunks.Claim(&from, &to)) {
    matches->SeekTo(from);
    for (uint32_t docno = matches->doc(); docno < to; matches->SeekTo(docno + 1), docno = matches->doc()) {
      if (++polled % kPollEvery == 0 && stop()) {
        out->stopped = true;
        return;
      }
      const DocRow& row = rows[docno];
      if (!row.live || (!filters.empty() && !filters.Passes(docno, row, index))) continue;
      out->facets.Add(docno, row);
      Ranked r{scorer.Read(docno, row), 0, row.date, docno};
      if (collapse && row.copy != 0) {
        r.score = scorer.Score();
        out->copies.Add(row.copy, r, scorer.Pseudo());
        continue;
      }
      ++out->total;
      if (top.full()) {
        // Passed over when it cannot outrank the page's last hit (see
        // core/search/ranking.h); it then ranks after the cursor too, since the
        // last hit does. The margin covers rounding in the bound.
        const Ranked& last = top.last();
        if (r.exact_terms < last.exact_terms ||
            (r.exact_terms == last.exact_terms &&
             scorer.Bound() < last.score - 1e-9 * std::max(1.0, std::abs(last.score)))) {
          ++out->after_cursor;
          continue;
        }
      }
      r.score = scorer.Score();
      if (after && !RanksBefore(*after, r)) continue;
      ++out->after_cursor;
      if (top.Offer(r, scorer.Pseudo()) && top.full()) scorer.Aim(top.LastPseudo());
    }
  }
  out->bad = matches->bad();
}

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
    if (c->fingerprint != cursor.fingerprint) return Status::InvalidField("page_token", "issued for a different query");
    cursor = *c;
  }
  const uint32_t watermark = std::min(cursor.watermark, index.DocLimit());
  const RowView rows = index.Rows().first(std::min<size_t>(watermark, index.Rows().size()));

  PostingSource lists(index);
  if (Status s = lists.Load(q.Keys(), q.PositionalKeys()); !s.ok()) return s;
  if (stop()) return cancelled;

  // Matches: documents satisfying every required text clause and none of
  // the excluded ones, then the filters. Large match sets are walked in
  // docno ranges on several threads; each keeps its own best page, the
  // pages merge into the page of the whole.
  const CorpusTotals totals = TotalsBelow(index, rows, watermark);
  const std::vector<QueryTerm> scoring = q.ScoringTerms();
  std::vector<double> idf(scoring.size());
  const size_t page_size = static_cast<size_t>(ClampPageSize(o.page_size, kDefaultSearchPageSize));
  const Ranked after_cursor{cursor.exact_terms, cursor.score, DateKey(cursor.date), cursor.docno};
  const Ranked* after = resumed ? &after_cursor : nullptr;
  const uint32_t limit = static_cast<uint32_t>(rows.size());
  const bool has_text = std::any_of(q.clauses.begin(), q.clauses.end(),
                                    [](const Clause& c) { return !c.phrases.empty() && !c.excluded; });
  const bool parallel =
      o.threads >= 2 && rows.size() >= kParallelDocs && (!has_text || lists.bytes() >= kParallelBytes);
  Walked walked(index, page_size, scoring.size());
  if (!parallel) {
    InverseDocumentFrequencies(lists, scoring, rows, totals, 0, 1, &idf);
    Chunks all(limit, 1);
    Walk(q, index, lists, rows, scoring, idf, totals, after, o.collapse_copies, all, stop, &walked);
  } else {
    // A helper thread claims terms to weigh and ranges to walk too; it polls
    // a flag this thread sets, since `cancelled` is the caller's, called
    // from this thread only. Both wait until every term is weighed.
    std::atomic<size_t> next_term{0}, weighed{0};
    const auto weigh = [&] {
      for (size_t i = next_term++; i < scoring.size(); i = next_term++) {
        InverseDocumentFrequencies(lists, scoring, rows, totals, i, scoring.size(), &idf);
        ++weighed;
      }
      while (weighed.load() < scoring.size()) std::this_thread::yield();
    };
    Chunks chunks(limit, kParallelChunks);
    std::atomic<bool> abandon{false};
    Walked second(index, page_size, scoring.size());
    std::thread helper([&] {
      weigh();
      Walk(
          q, index, lists, rows, scoring, idf, totals, after, o.collapse_copies, chunks,
          [&] { return abandon.load(std::memory_order_relaxed); }, &second);
    });
    weigh();
    Walk(q, index, lists, rows, scoring, idf, totals, after, o.collapse_copies, chunks, stop, &walked);
    if (walked.stopped) abandon = true;
    helper.join();
    walked.total += second.total;
    walked.after_cursor += second.after_cursor;
    walked.facets.Merge(second.facets);
    walked.top.Merge(second.top);
    walked.copies.Merge(second.copies);
    walked.bad = walked.bad || second.bad;
  }
  if (walked.stopped) return cancelled;
  if (walked.bad) return Status::Internal("search: a posting list is corrupt");
  walked.after_cursor += walked.copies.OfferBest(after, walked.top);
  result.total = walked.total + walked.copies.size();
  result.provinces = walked.facets.ProvinceCounts();
  result.months = walked.facets.MonthCounts();
  result.places = walked.facets.PlaceCounts();
  const uint64_t after_count = walked.after_cursor;
  TopHits& top = walked.top;

  // This page: the best hits ranking after the cursor.
  const std::vector<Ranked> page = std::move(top).Sorted();
  for (const Ranked& r : page) result.hits.push_back({r.docno, r.score, r.exact_terms});
  if (after_count > page.size()) {
    const Ranked& last = page.back();
    const DocMeta* meta = index.Meta(last.docno);
    SearchCursor next{watermark, cursor.fingerprint, last.exact_terms, last.score, meta ? meta->date : std::string(),
                      last.docno};
    result.next_page_token = EncodeCursor(next);
  }
  return result;
}

}  // namespace bantin
