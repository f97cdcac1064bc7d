#include "core/facet_counter.h"

#include <algorithm>
#include <cstdio>

#include "core/gazetteer.h"

namespace bantin {

FacetCounter::FacetCounter(const IndexReader& index)
    : index_(index), by_province_(Provinces().size()) {}

void FacetCounter::AddOther(uint32_t docno) {
  if (const DocMeta* m = index_.Meta(docno); m && !m->source.province.empty())
    ++other_provinces_[m->source.province];
}

std::vector<FacetCount> FacetCounter::ProvinceCounts() const {
  std::vector<FacetCount> out;
  for (const Named& n : by_province_) {
    if (!n.count) continue;
    const DocMeta* m = index_.Meta(n.first);
    if (m) out.push_back({m->source.province, n.count});
  }
  for (const auto& [name, count] : other_provinces_) out.push_back({name, count});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

std::vector<FacetCount> FacetCounter::MonthCounts() const {
  std::vector<FacetCount> out;
  for (size_t i = by_month_.size(); i-- > 0;) {
    if (!by_month_[i]) continue;
    char value[16];
    std::snprintf(value, sizeof value, "%04d-%02d", static_cast<int>(i / 12), static_cast<int>(i % 12 + 1));
    out.push_back({value, by_month_[i]});
  }
  return out;
}

}  // namespace bantin
