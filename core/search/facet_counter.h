// Counts of a match set per province, per month and per place (internal to
// core/search/search_engine.cc). Documents are counted by their DocRow in arrays:
// counting a hundred thousand matches hashes and allocates nothing. Names are
// read from a DocMeta only once per province, and for each document whose
// province is outside the gazetteer (kOtherProvince, rare: a hint).
#ifndef BANTIN_SEARCH_FACET_COUNTER_H_
#define BANTIN_SEARCH_FACET_COUNTER_H_

#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bantin/index/doc_row.h"
#include "bantin/search/search_engine.h"

namespace bantin {

class FacetCounter {
 public:
  explicit FacetCounter(const IndexReader& index);

  void Add(uint32_t docno, const DocRow& row) {
    if (row.province_index >= 0) {
      Named& n = by_province_[static_cast<size_t>(row.province_index)];
      if (n.count++ == 0) n.first = docno;
    } else if (row.province_index == kOtherProvince) {
      AddOther(docno);
    }
    for (uint64_t places = row.place_mask; places; places &= places - 1) ++by_place_[std::countr_zero(places)];
    if (row.month_index >= first_month_ && row.month_index < first_month_ + static_cast<int32_t>(by_month_.size()))
      ++by_month_[static_cast<size_t>(row.month_index - first_month_)];
    else if (row.month_index >= 0)
      AddMonth(row.month_index);
  }

  // Adds the counts of another part of the match set.
  void Merge(const FacetCounter& other);

  // By count, ties by name. A province is named as its first counted
  // document spells it.
  std::vector<FacetCount> ProvinceCounts() const;
  // Newest month first, as "YYYY-MM".
  std::vector<FacetCount> MonthCounts() const;
  // The provinces the matches are about (DocRow::place_mask), by count,
  // ties by name.
  std::vector<FacetCount> PlaceCounts() const;

 private:
  struct Named {
    uint32_t first = 0;  // docno of the first document counted
    uint64_t count = 0;
  };
  void AddOther(uint32_t docno);
  // Grows the month range to hold `month` and counts it.
  void AddMonth(int32_t month);

  const IndexReader& index_;
  std::vector<Named> by_province_;  // one per gazetteer province
  std::map<std::string, uint64_t> other_provinces_;
  // Months first_month_ .. first_month_ + size - 1: the span of the dates
  // counted, not every month since year 0.
  int32_t first_month_ = 0;
  std::vector<uint64_t> by_month_;
  std::array<uint64_t, 64> by_place_{};  // by gazetteer index
};

}  // namespace bantin

#endif  // BANTIN_SEARCH_FACET_COUNTER_H_
