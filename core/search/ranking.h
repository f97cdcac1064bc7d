// Ranking of a match set (internal to core/search/search_engine.cc): BM25F scores
// with the exact-spelling tier, and the best page of matches.
//
// Only matches that can enter the page are scored exactly. Once the page is
// full, a match is passed over when its tier is below the page's last hit,
// or equal and an upper bound of its score is below that hit's score. The
// bound needs no division: BM25's saturation f(p) = p (k1 + 1) / (p + k1) of
// a term's pseudo-frequency p is concave, so its tangent at any point lies
// above it; tangents are taken at the last hit's own pseudo-frequencies,
// where they are tight. A passed-over match ranks after the last hit, so the
// page equals an exhaustive ranking's.
#ifndef BANTIN_SEARCH_RANKING_H_
#define BANTIN_SEARCH_RANKING_H_

#include <cstdint>
#include <span>
#include <vector>

#include "bantin/index/doc_row.h"
#include "bantin/index/posting.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"
#include "doc_iterators.h"

namespace bantin {

// A match's place in the ranking.
struct Ranked {
  int exact_terms = 0;
  double score = 0;
  uint32_t date = 0;  // DateKey
  uint32_t docno = 0;
  uint32_t slot = 0;  // TopHits' record of its pseudo-frequencies
};

// Ranking order: more exact-spelling matches, higher score, newer date,
// later ingest. A strict total order, so pages never overlap.
bool RanksBefore(const Ranked& a, const Ranked& b);

// The idf of terms first, first + step, ... into (*idf)[i], from the live
// documents below the watermark (the rows) whose entries are in each list.
// A walk over each list: threads may share the terms out by `step`.
void InverseDocumentFrequencies(const PostingSource& lists, const std::vector<QueryTerm>& terms, RowView rows,
                                const CorpusTotals& totals, size_t first, size_t step, std::vector<double>* idf);

// BM25F over title, lead and body, and the count of accented query words
// found spelled as typed. Documents must be read in ascending docno order:
// each term's list is walked once, or not at all when the matcher walks it.
class Scorer {
 public:
  // Terms whose entries `matches` holds at each match it yields are read
  // from there; the others are walked by the scorer.
  Scorer(const PostingSource& lists, const std::vector<QueryTerm>& terms, const std::vector<double>& idf,
         const CorpusTotals& totals, const DocIterator& matches);
  size_t size() const { return terms_.size(); }

  // Reads a document's entries of the scoring terms; returns its tier (the
  // accented terms it spells as typed). Then Pseudo, Score and Bound are
  // the document's.
  inline int Read(uint32_t docno, const DocRow& row);
  // Pseudo-frequencies per term (0 for terms the document lacks).
  const double* Pseudo() const { return pseudo_.data(); }
  double Score() const {
    double score = 0;
    for (size_t i = 0; i < terms_.size(); ++i)
      if (present_[i]) score += terms_[i].idf * pseudo_[i] * (kK1 + 1) / (pseudo_[i] + kK1);
    return score;
  }
  // >= Score(), from the tangents set by Aim.
  double Bound() const {
    double bound = 0;
    for (size_t i = 0; i < terms_.size(); ++i) bound += terms_[i].intercept + terms_[i].slope * pseudo_[i];
    return bound;
  }
  // Takes the tangents at these pseudo-frequencies (one per term).
  void Aim(const double* pseudo);

 private:
  struct Term {
    EntryCursor own;              // when not borrowed
    const EntryCursor* borrowed;  // the matcher's, at each match
    double idf;
    uint16_t variant;
    bool accented;
    double intercept = 0, slope = 0;  // tangent of idf * f
  };
  static constexpr double kK1 = 1.2;
  static constexpr double kB = 0.75;
  static constexpr double kFieldWeight[kFieldCount] = {3.0, 1.5, 1.0};  // title, lead, body
  static constexpr uint32_t kNormTable = 2048;

  // 1 / (1 - b + b * length / average) of a field, memoised per length: a
  // division per field and distinct length, not per match and term.
  double InverseNorm(int f, uint32_t length) {
    if (length < kNormTable && !inverse_norm_[f].empty() && inverse_norm_[f][length] != 0)
      return inverse_norm_[f][length];  // 0: not computed yet (a norm is never infinite)
    return ComputeInverseNorm(f, length);
  }
  double ComputeInverseNorm(int f, uint32_t length);

  std::vector<Term> terms_;
  std::vector<double> pseudo_;
  std::vector<char> present_;
  double average_[kFieldCount] = {};
  std::vector<double> inverse_norm_[kFieldCount];
};

int Scorer::Read(uint32_t docno, const DocRow& row) {
  int tier = 0;
  for (size_t i = 0; i < terms_.size(); ++i) {
    Term& t = terms_[i];
    pseudo_[i] = 0;
    present_[i] = 0;
    const EntryCursor* e = t.borrowed;
    if (!e) {
      t.own.SeekTo(docno);
      e = &t.own;
    }
    if (e->done() || e->docno() != docno) continue;
    std::array<uint32_t, kFieldCount> tf{};
    uint32_t exact = 0;
    if (!ReadFrequencies(e->payload(), t.variant, &tf, t.accented ? &exact : nullptr)) continue;
    double pseudo = 0;
    // A field empty in the whole corpus adds nothing (and has no norm).
    for (int f = 0; f < kFieldCount; ++f)
      if (tf[f] && average_[f] > 0) pseudo += kFieldWeight[f] * tf[f] * InverseNorm(f, row.length[f]);
    pseudo_[i] = pseudo;
    present_[i] = 1;
    if (t.accented && exact > 0) ++tier;
  }
  return tier;
}

// The best `size` matches offered, with their pseudo-frequencies.
class TopHits {
 public:
  TopHits(size_t size, size_t terms);
  bool full() const { return heap_.size() == size_; }
  // The hit that ranks last; only when not empty.
  const Ranked& last() const { return heap_.front(); }
  const double* LastPseudo() const { return &pseudo_[heap_.front().slot * terms_]; }
  // True when the match entered (and so the last hit may have changed).
  bool Offer(Ranked r, const double* pseudo);
  // Offers every hit of `other` (the best of a part of the match set).
  void Merge(const TopHits& other);
  // Best first.
  std::vector<Ranked> Sorted() &&;

 private:
  size_t size_, terms_;
  std::vector<Ranked> heap_;  // front ranks last
  std::vector<double> pseudo_;
};

}  // namespace bantin

#endif  // BANTIN_SEARCH_RANKING_H_
