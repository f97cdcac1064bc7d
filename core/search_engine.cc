#include "core/search_engine.h"

#include <algorithm>
#include <cmath>

#include "core/facet_counter.h"
#include "core/filter_plan.h"
#include "core/ranking.h"
#include "core/doc_iterators.h"
#include "core/search_cursor.h"

namespace bantin {
namespace {

constexpr int kMaxPageSize = 500;
constexpr int kDefaultPageSize = 20;
constexpr uint32_t kPollEvery = 1024;

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
  TopHits top(page_size, scorer.size());
  FacetCounter facets(index);
  uint64_t total = 0, after_cursor = 0;
  uint32_t polled = 0;
  for (uint32_t docno = matches->doc(); docno < rows.size(); matches->SeekTo(docno + 1), docno = matches->doc()) {
    if (++polled % kPollEvery == 0 && stop()) return cancelled;
    const DocRow& row = rows[docno];
    if (!row.live || (!filters.empty() && !filters.Passes(docno, row, index))) continue;
    ++total;
    facets.Add(docno, row);
    Ranked r{scorer.Read(docno, row), 0, row.date, docno};
    if (top.full()) {
      // Passed over when it cannot outrank the page's last hit (see
      // core/ranking.h); it then ranks after the cursor too, since the last
      // hit does. The margin covers rounding in the bound.
      const Ranked& last = top.last();
      if (r.exact_terms < last.exact_terms ||
          (r.exact_terms == last.exact_terms &&
           scorer.Bound() < last.score - 1e-9 * std::max(1.0, std::abs(last.score)))) {
        ++after_cursor;
        continue;
      }
    }
    r.score = scorer.Score();
    if (resumed && !RanksBefore(after, r)) continue;
    ++after_cursor;
    if (top.Offer(r, scorer.Pseudo()) && top.full()) scorer.Aim(top.LastPseudo());
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
