#include "ranking.h"

#include <algorithm>
#include <cmath>

#include "bantin/index/frequency_memo.h"

namespace bantin {
namespace {

// Live documents below the watermark (rows.size()) whose entries are in
// `list`. Without deletions there every entry is live.
uint64_t DocumentFrequency(PostingRuns list, RowView rows, bool no_deletions) {
  uint64_t df = 0;
  for (EntryCursor e(list); !e.done() && e.docno() < rows.size(); e.Next()) df += no_deletions || rows[e.docno()].live;
  return df;
}

}  // namespace

bool RanksBefore(const Ranked& a, const Ranked& b) {
  if (a.exact_terms != b.exact_terms) return a.exact_terms > b.exact_terms;
  if (a.score != b.score) return a.score > b.score;
  if (a.date != b.date) return a.date > b.date;
  return a.docno > b.docno;
}

void InverseDocumentFrequencies(const PostingSource& lists, const std::vector<QueryTerm>& terms, RowView rows,
                                const CorpusTotals& totals, size_t first, size_t step, std::vector<double>* idf) {
  const double n = static_cast<double>(totals.documents);
  const bool no_deletions = totals.documents == rows.size();
  FrequencyMemo* memo = no_deletions ? lists.index().Frequencies() : nullptr;
  for (size_t i = first; i < terms.size(); i += step) {
    const PostingRuns list = lists.List(terms[i].folded);
    uint64_t count = 0;
    if (!memo || !memo->Find(terms[i].folded, list.size(), rows.size(), &count)) {
      count = DocumentFrequency(list, rows, no_deletions);
      if (memo) memo->Remember(terms[i].folded, list.size(), rows.size(), count);
    }
    const double df = static_cast<double>(count);
    // std::log may differ in the last bit between C libraries (glibc on the
    // server, musl in wasm); rounded to 2^-32, the browser and the server
    // compute the same scores, hence the same order and page tokens.
    (*idf)[i] = std::round(std::log(1 + (n - df + 0.5) / (df + 0.5)) * 0x1p32) / 0x1p32;
  }
}

Scorer::Scorer(const PostingSource& lists, const std::vector<QueryTerm>& terms, const std::vector<double>& idf,
               const CorpusTotals& totals, const DocIterator& matches) {
  const double n = static_cast<double>(totals.documents);
  for (int f = 0; f < kFieldCount; ++f) average_[f] = totals.documents ? static_cast<double>(totals.length[f]) / n : 0;
  for (size_t i = 0; i < terms.size(); ++i) {
    const EntryCursor* borrowed = matches.EntriesAtDoc(terms[i].folded);
    terms_.push_back({borrowed ? EntryCursor() : EntryCursor(lists.List(terms[i].folded)), borrowed, idf[i],
                      VariantHash(terms[i].exact), terms[i].accented()});
  }
  pseudo_.assign(terms_.size(), 0);
  present_.assign(terms_.size(), 0);
  Aim(pseudo_.data());
}

// f(p) = p (k1 + 1) / (p + k1); f'(a) = k1 (k1 + 1) / (a + k1)^2. The
// tangent at a is f(a) + f'(a) (p - a); its intercept f(a) - a f'(a) is
// (k1 + 1) a^2 / (a + k1)^2 >= 0, so a term the document lacks (p = 0,
// contributing nothing) is bounded too.
void Scorer::Aim(const double* at) {
  for (size_t i = 0; i < terms_.size(); ++i) {
    const double a = at[i], d = a + kK1;
    terms_[i].slope = terms_[i].idf * kK1 * (kK1 + 1) / (d * d);
    terms_[i].intercept = terms_[i].idf * (kK1 + 1) * a * a / (d * d);
  }
}

double Scorer::ComputeInverseNorm(int f, uint32_t length) {
  const double inverse = 1 / (1 - kB + kB * length / average_[f]);
  if (length < kNormTable) {
    std::vector<double>& table = inverse_norm_[f];
    if (table.empty()) table.assign(kNormTable, 0);
    table[length] = inverse;
  }
  return inverse;
}

TopHits::TopHits(size_t size, size_t terms) : size_(size), terms_(terms), pseudo_(size * terms) { heap_.reserve(size); }

bool TopHits::Offer(Ranked r, const double* pseudo) {
  if (heap_.size() < size_) {
    r.slot = static_cast<uint32_t>(heap_.size());
    heap_.push_back(r);
  } else if (RanksBefore(r, heap_.front())) {
    std::pop_heap(heap_.begin(), heap_.end(), RanksBefore);
    r.slot = heap_.back().slot;  // the leaving hit's record is reused
    heap_.back() = r;
  } else {
    return false;
  }
  std::copy(pseudo, pseudo + terms_, pseudo_.begin() + static_cast<long>(r.slot * terms_));
  std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
  return true;
}

void TopHits::Merge(const TopHits& other) {
  for (const Ranked& r : other.heap_) Offer(r, &other.pseudo_[r.slot * other.terms_]);
}

std::vector<Ranked> TopHits::Sorted() && {
  std::sort(heap_.begin(), heap_.end(), RanksBefore);
  return std::move(heap_);
}

}  // namespace bantin
