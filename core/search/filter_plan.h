// The filter clauses of a query, decided per match (internal to
// core/search/search_engine.cc). Date, province and author filters are decided on
// the document's row: dates as numbers, province and author keys by their
// numbers in the index's FilterKeys, each distinct author key tested once per
// search. Source and person filters read the DocMeta, and only for matches
// the row-decided clauses let through.
#ifndef BANTIN_SEARCH_FILTER_PLAN_H_
#define BANTIN_SEARCH_FILTER_PLAN_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "bantin/index/doc_row.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"

namespace bantin {

bool PassesFilter(const Filter& filter, const DocMeta& meta);
// The same for a province or author filter, given the document's key of
// that field (DocMeta::province_key or author_key).
bool PassesKeyFilter(const Filter& filter, const std::string& key);

class FilterPlan {
 public:
  FilterPlan(const Query& query, const FilterKeys& keys);
  bool empty() const { return by_row_.empty() && by_meta_.empty(); }
  // Whether the document passes every filter clause.
  bool Passes(uint32_t docno, const DocRow& row, const IndexReader& index);

 private:
  struct RowFilter {
    const Filter* filter = nullptr;
    uint32_t from = 0, before = 0;   // kDate: [from, before) as DateKeys
    std::optional<uint32_t> number;  // kProvince: the value's key number, if any document has it
    size_t memo = 0;                 // kAuthor: index in memos_
  };
  struct RowClause {
    std::vector<RowFilter> filters;
    bool excluded = false;
  };
  bool Holds(const RowFilter& f, const DocRow& row);

  const FilterKeys& keys_;
  std::vector<RowClause> by_row_;
  std::vector<const Clause*> by_meta_;
  // Per author filter, per author key number: -1 not tested yet, else 0/1.
  std::vector<std::vector<int8_t>> memos_;
};

}  // namespace bantin

#endif  // BANTIN_SEARCH_FILTER_PLAN_H_
