// Folding copies of one article into one hit (SearchOptions::collapse_copies).
// While a search walks its matches, each group of copies (documents whose
// DocRow::copy is the same nonzero key) keeps only its best-ranked member;
// the best members enter the page after the walk. A group thus ranks where
// its best copy ranks, on every page alike, and is counted once.
//
// Cost: members are scored exactly (the pruning of ranking.h cannot skip
// them) and a hash map holds one entry per group matched.
#ifndef BANTIN_SEARCH_COPY_GROUPS_H_
#define BANTIN_SEARCH_COPY_GROUPS_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "ranking.h"

namespace bantin {

class CopyGroups {
 public:
  explicit CopyGroups(size_t terms) : terms_(terms) {}
  // A match of group `copy`, scored, with its pseudo-frequencies.
  void Add(uint64_t copy, const Ranked& r, const double* pseudo);
  // The groups of another part of the match set.
  void Merge(const CopyGroups& other);
  // Offers each group's best member that ranks after `after` (every one
  // when null) to `top`; returns how many rank after it.
  uint64_t OfferBest(const Ranked* after, TopHits& top) const;
  size_t size() const { return best_.size(); }

 private:
  struct Best {
    Ranked ranked;
    std::vector<double> pseudo;
  };
  size_t terms_;
  std::unordered_map<uint64_t, Best> best_;
};

}  // namespace bantin

#endif  // BANTIN_SEARCH_COPY_GROUPS_H_
