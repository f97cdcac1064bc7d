#include "facet_counter.h"

#include <algorithm>
#include <cstdio>

#include "bantin/text/gazetteer.h"

namespace bantin {

FacetCounter::FacetCounter(const IndexReader& index) : index_(index), by_province_(Provinces().size()) {}

void FacetCounter::AddOther(uint32_t docno) {
  if (const DocMeta* m = index_.Meta(docno); m && !m->source().province.empty())
    ++other_provinces_[m->source().province];
}

// Also for months already in range (Merge).
void FacetCounter::AddMonth(int32_t month) {
  if (by_month_.empty()) {
    first_month_ = month;
    by_month_.assign(1, 0);
  } else if (month < first_month_) {
    by_month_.insert(by_month_.begin(), static_cast<size_t>(first_month_ - month), 0);
    first_month_ = month;
  } else if (static_cast<size_t>(month - first_month_) >= by_month_.size()) {
    by_month_.resize(static_cast<size_t>(month - first_month_ + 1), 0);
  }
  ++by_month_[static_cast<size_t>(month - first_month_)];
}

void FacetCounter::Merge(const FacetCounter& other) {
  for (size_t i = 0; i < other.by_province_.size(); ++i) {
    const Named& o = other.by_province_[i];
    if (!o.count) continue;
    Named& n = by_province_[i];
    n.first = n.count ? std::min(n.first, o.first) : o.first;
    n.count += o.count;
  }
  for (const auto& [name, count] : other.other_provinces_) other_provinces_[name] += count;
  for (size_t i = 0; i < by_place_.size(); ++i) by_place_[i] += other.by_place_[i];
  for (size_t i = 0; i < other.by_month_.size(); ++i) {
    if (!other.by_month_[i]) continue;
    const int32_t month = other.first_month_ + static_cast<int32_t>(i);
    AddMonth(month);  // counts one; the rest below
    by_month_[static_cast<size_t>(month - first_month_)] += other.by_month_[i] - 1;
  }
}

std::vector<FacetCount> FacetCounter::PlaceCounts() const {
  std::vector<FacetCount> out;
  const std::vector<Province>& provinces = Provinces();
  for (size_t i = 0; i < provinces.size() && i < by_place_.size(); ++i)
    if (by_place_[i]) out.push_back({provinces[i].name, by_place_[i]});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

std::vector<FacetCount> FacetCounter::ProvinceCounts() const {
  std::vector<FacetCount> out;
  for (const Named& n : by_province_) {
    if (!n.count) continue;
    const DocMeta* m = index_.Meta(n.first);
    if (m) out.push_back({m->source().province, n.count});
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
    const int month = first_month_ + static_cast<int>(i);
    char value[16];
    std::snprintf(value, sizeof value, "%04d-%02d", month / 12, month % 12 + 1);
    out.push_back({value, by_month_[i]});
  }
  return out;
}

}  // namespace bantin
