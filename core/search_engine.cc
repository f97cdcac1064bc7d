#include "core/search_engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/search_cursor.h"

namespace bantin {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr double kFieldWeight[kFieldCount] = {3.0, 1.5, 1.0};  // title, lead, body
constexpr int kMaxPageSize = 500;
constexpr int kDefaultPageSize = 20;
constexpr uint32_t kPollEvery = 1024;

using DocSet = std::vector<uint32_t>;  // ascending docnos

DocSet Intersect(const DocSet& a, const DocSet& b) {
  DocSet out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

DocSet Unite(const DocSet& a, const DocSet& b) {
  DocSet out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

struct Ranked {
  Hit hit;
  const DocMeta* meta = nullptr;
};

// Ranking order: more exact-spelling matches, higher score, newer date,
// later ingest. A strict total order, so pages never overlap.
bool RanksBefore(int exact_a, double score_a, const std::string& date_a, uint32_t docno_a,
                 int exact_b, double score_b, const std::string& date_b, uint32_t docno_b) {
  if (exact_a != exact_b) return exact_a > exact_b;
  if (score_a != score_b) return score_a > score_b;
  if (date_a != date_b) return date_a > date_b;
  return docno_a > docno_b;
}

bool RanksBefore(const Ranked& a, const Ranked& b) {
  return RanksBefore(a.hit.exact_terms, a.hit.score, a.meta->date, a.hit.docno,
                     b.hit.exact_terms, b.hit.score, b.meta->date, b.hit.docno);
}

// Counts of a match set per province and per month. Provinces of the
// gazetteer and months are counted in arrays; only a province name outside
// the gazetteer (from a hint) falls back to a map.
class FacetCounter {
 public:
  void Add(const DocMeta& m) {
    if (m.province_index >= 0) {
      if (by_province_.size() <= static_cast<size_t>(m.province_index)) by_province_.resize(m.province_index + 1);
      if (by_province_[m.province_index].count++ == 0) by_province_[m.province_index].value = &m.source.province;
    } else if (!m.source.province.empty()) {
      ++other_provinces_[m.source.province];
    }
    if (m.month_index >= 0) {
      if (by_month_.size() <= static_cast<size_t>(m.month_index)) by_month_.resize(m.month_index + 1);
      ++by_month_[m.month_index];
    }
  }

  // By count (ties by name).
  std::vector<FacetCount> ProvinceCounts() const {
    std::vector<FacetCount> out;
    for (const Named& n : by_province_)
      if (n.count) out.push_back({*n.value, n.count});
    for (const auto& [name, count] : other_provinces_) out.push_back({name, count});
    std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
      return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
  }

  // Newest month first, as "YYYY-MM".
  std::vector<FacetCount> MonthCounts() const {
    std::vector<FacetCount> out;
    for (size_t i = by_month_.size(); i-- > 0;) {
      if (!by_month_[i]) continue;
      char value[16];
      std::snprintf(value, sizeof value, "%04d-%02d", static_cast<int>(i / 12), static_cast<int>(i % 12 + 1));
      out.push_back({value, by_month_[i]});
    }
    return out;
  }

 private:
  struct Named {
    const std::string* value = nullptr;
    uint64_t count = 0;
  };
  std::vector<Named> by_province_;
  std::map<std::string, uint64_t> other_provinces_;
  std::vector<uint64_t> by_month_;
};

// The posting lists one query reads, each split into entries by docno.
class Evaluator {
 public:
  Evaluator(const IndexReader& index, uint32_t watermark) : index_(index), watermark_(watermark) {}

  Status Load(const std::vector<std::string>& keys) {
    for (const std::string& key : keys) {
      List& list = lists_[key];
      Status s = index_.Postings(key, &list.bytes);
      if (!s.ok()) return s;
      if (!SplitPostings(list.bytes, &list.refs))
        return Status::Internal("posting list of '" + key + "' is corrupt");
      if (!std::is_sorted(list.refs.begin(), list.refs.end(), ByDocno))
        std::stable_sort(list.refs.begin(), list.refs.end(), ByDocno);
    }
    return Status::Ok();
  }

  // Live documents below the watermark that contain `folded`. Without
  // deletions below the watermark every entry there is live.
  uint64_t DocumentFrequency(const std::string& folded, bool no_deletions) const {
    const std::vector<PostingRef>& refs = Refs(folded);
    if (no_deletions)
      return static_cast<uint64_t>(
          std::lower_bound(refs.begin(), refs.end(), PostingRef{watermark_, {}}, ByDocno) - refs.begin());
    uint64_t df = 0;
    for (const PostingRef& r : refs)
      if (r.docno < watermark_ && index_.Meta(r.docno)) ++df;
    return df;
  }

  const std::vector<PostingRef>& Refs(const std::string& folded) const { return lists_.at(folded).refs; }

  DocSet DocsOf(const Clause& clause) const {
    DocSet out;
    for (const Phrase& p : clause.phrases) out = Unite(out, DocsOf(p));
    return out;
  }

 private:
  struct List {
    std::string bytes;
    std::vector<PostingRef> refs;
  };
  static bool ByDocno(const PostingRef& a, const PostingRef& b) { return a.docno < b.docno; }

  DocSet DocsWith(const std::string& folded) const {
    DocSet out;
    out.reserve(Refs(folded).size());
    for (const PostingRef& r : Refs(folded)) out.push_back(r.docno);  // one entry per docno
    return out;
  }

  // Documents with every syllable of the phrase, adjacent. The lists are
  // walked together in docno order; positions are read only where all meet.
  DocSet DocsOf(const Phrase& phrase) const {
    if (phrase.terms.size() == 1) return DocsWith(phrase.terms[0].folded);
    std::vector<const std::vector<PostingRef>*> lists;
    for (const QueryTerm& t : phrase.terms) lists.push_back(&Refs(t.folded));
    std::vector<size_t> at(lists.size(), 0);
    std::vector<const PostingRef*> refs(lists.size());
    DocSet out;
    while (at[0] < lists[0]->size()) {
      const uint32_t docno = (*lists[0])[at[0]].docno;
      bool all = true;
      for (size_t k = 1; k < lists.size() && all; ++k) {
        const std::vector<PostingRef>& list = *lists[k];
        while (at[k] < list.size() && list[at[k]].docno < docno) ++at[k];
        if (at[k] == list.size()) return out;
        all = list[at[k]].docno == docno;
      }
      if (all) {
        for (size_t k = 0; k < lists.size(); ++k) refs[k] = &(*lists[k])[at[k]];
        if (Adjacent(refs)) out.push_back(docno);
      }
      ++at[0];
    }
    return out;
  }

  // True when the entries' syllables occur at consecutive positions.
  // Keeps the starts p (positions of the first syllable) for which syllable
  // k sits at p + k, one syllable at a time, stopping when none is left.
  bool Adjacent(const std::vector<const PostingRef*>& refs) const {
    if (!ReadPositions(refs[0]->payload, &starts_)) return false;
    for (size_t k = 1; k < refs.size() && !starts_.empty(); ++k) {
      if (!ReadPositions(refs[k]->payload, &next_)) return false;
      size_t kept = 0, j = 0;
      for (uint32_t start : starts_) {
        const uint32_t want = start + static_cast<uint32_t>(k);
        while (j < next_.size() && next_[j] < want) ++j;
        if (j < next_.size() && next_[j] == want) starts_[kept++] = start;
      }
      starts_.resize(kept);
    }
    return !starts_.empty();
  }

  const IndexReader& index_;
  const uint32_t watermark_;
  std::map<std::string, List> lists_;
  mutable std::vector<uint32_t> starts_, next_;  // reused by Adjacent
};

CorpusTotals TotalsBelow(const IndexReader& index, uint32_t watermark) {
  if (watermark >= index.DocLimit()) return index.Totals();
  CorpusTotals t;
  for (uint32_t d = 0; d < watermark; ++d) {
    if (const DocMeta* m = index.Meta(d)) {
      ++t.documents;
      for (int f = 0; f < kFieldCount; ++f) t.length[f] += m->length[f];
    }
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

  Evaluator ev(index, watermark);
  if (Status s = ev.Load(q.Keys()); !s.ok()) return s;
  if (stop()) return cancelled;

  // Candidates: documents satisfying every required text clause.
  DocSet candidates;
  bool narrowed = false;
  std::vector<DocSet> excluded_docs;
  for (const Clause& c : q.clauses) {
    if (c.phrases.empty()) continue;
    DocSet docs = ev.DocsOf(c);
    if (c.excluded) {
      excluded_docs.push_back(std::move(docs));
    } else {
      candidates = narrowed ? Intersect(candidates, docs) : std::move(docs);
      narrowed = true;
    }
  }
  if (!narrowed)
    for (uint32_t d = 0; d < watermark; ++d) candidates.push_back(d);

  const CorpusTotals totals = TotalsBelow(index, watermark);
  const std::vector<QueryTerm> scoring = q.ScoringTerms();
  std::vector<double> idf;
  const double n = static_cast<double>(totals.documents);
  const bool no_deletions = totals.documents == watermark;
  std::vector<uint16_t> variants;
  // One cursor per scoring term: candidates ascend, so each list is walked once.
  std::vector<std::pair<const std::vector<PostingRef>*, size_t>> cursors;
  for (const QueryTerm& t : scoring) {
    variants.push_back(VariantHash(t.exact));
    cursors.emplace_back(&ev.Refs(t.folded), 0);
    const double df = static_cast<double>(ev.DocumentFrequency(t.folded, no_deletions));
    // std::log may differ in the last bit between C libraries (glibc on the
    // server, musl in wasm); rounded to 2^-32, the browser and the server
    // compute the same scores, hence the same order and page tokens.
    idf.push_back(std::round(std::log(1 + (n - df + 0.5) / (df + 0.5)) * 0x1p32) / 0x1p32);
  }
  double average[kFieldCount];
  for (int f = 0; f < kFieldCount; ++f)
    average[f] = totals.documents ? static_cast<double>(totals.length[f]) / n : 0;

  std::vector<Ranked> matches;
  FacetCounter facets;
  matches.reserve(candidates.size());
  uint32_t polled = 0;
  for (uint32_t docno : candidates) {
    if (++polled % kPollEvery == 0 && stop()) return cancelled;
    if (docno >= watermark) break;
    const DocMeta* meta = index.Meta(docno);
    if (!meta) continue;
    bool keep = true;
    size_t next_excluded = 0;
    for (const Clause& c : q.clauses) {
      if (!c.phrases.empty()) {
        if (c.excluded && std::binary_search(excluded_docs[next_excluded].begin(),
                                             excluded_docs[next_excluded].end(), docno))
          keep = false;
        next_excluded += c.excluded;
      } else {
        const bool holds = std::any_of(c.filters.begin(), c.filters.end(),
                                       [&](const Filter& f) { return PassesFilter(f, *meta); });
        keep = keep && holds != c.excluded;
      }
      if (!keep) break;
    }
    if (!keep) continue;
    Ranked r{{docno, 0, 0}, meta};
    for (size_t i = 0; i < scoring.size(); ++i) {
      const std::vector<PostingRef>& refs = *cursors[i].first;
      size_t& at = cursors[i].second;
      while (at < refs.size() && refs[at].docno < docno) ++at;
      std::array<uint32_t, kFieldCount> tf{};
      uint32_t exact = 0;
      if (at == refs.size() || refs[at].docno != docno ||
          !ReadFrequencies(refs[at].payload, variants[i], &tf, &exact))
        continue;
      double pseudo = 0;
      for (int f = 0; f < kFieldCount; ++f)
        if (tf[f] && average[f] > 0)
          pseudo += kFieldWeight[f] * tf[f] / (1 - kB + kB * meta->length[f] / average[f]);
      r.hit.score += idf[i] * pseudo * (kK1 + 1) / (pseudo + kK1);
      if (scoring[i].accented() && exact > 0) ++r.hit.exact_terms;
    }
    facets.Add(*meta);
    matches.push_back(r);
  }
  result.total = matches.size();
  result.provinces = facets.ProvinceCounts();
  result.months = facets.MonthCounts();

  // This page: the best hits ranking after the cursor.
  if (resumed) {
    std::erase_if(matches, [&](const Ranked& r) {
      return !RanksBefore(cursor.exact_terms, cursor.score, cursor.date, cursor.docno,
                          r.hit.exact_terms, r.hit.score, r.meta->date, r.hit.docno);
    });
  }
  const size_t page_size = static_cast<size_t>(
      o.page_size <= 0 ? kDefaultPageSize : std::min(o.page_size, kMaxPageSize));
  const size_t shown = std::min(page_size, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<long>(shown), matches.end(),
                    [](const Ranked& a, const Ranked& b) { return RanksBefore(a, b); });
  for (size_t i = 0; i < shown; ++i) result.hits.push_back(matches[i].hit);
  if (matches.size() > shown) {
    const Ranked& last = matches[shown - 1];
    SearchCursor next{watermark, cursor.fingerprint, last.hit.exact_terms, last.hit.score,
                      last.meta->date, last.hit.docno};
    result.next_page_token = EncodeCursor(next);
  }
  return result;
}

}  // namespace bantin
