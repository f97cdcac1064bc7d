#include "copy_groups.h"

namespace bantin {

void CopyGroups::Add(uint64_t copy, const Ranked& r, const double* pseudo) {
  auto [it, added] = best_.try_emplace(copy);
  if (!added && !RanksBefore(r, it->second.ranked)) return;
  it->second.ranked = r;
  it->second.pseudo.assign(pseudo, pseudo + terms_);
}

void CopyGroups::Merge(const CopyGroups& other) {
  for (const auto& [copy, best] : other.best_) Add(copy, best.ranked, best.pseudo.data());
}

uint64_t CopyGroups::OfferBest(const Ranked* after, TopHits& top) const {
  uint64_t ranking_after = 0;
  for (const auto& [copy, best] : best_) {
    if (after && !RanksBefore(*after, best.ranked)) continue;
    ++ranking_after;
    top.Offer(best.ranked, best.pseudo.data());
  }
  return ranking_after;
}

}  // namespace bantin
