#include "filter_plan.h"

#include <algorithm>

namespace bantin {
namespace {

// True when `words` (a FilterKey, syllables joined by '-') occurs in `key` as
// whole syllables: author:"hà" matches "Lê Thị Hà", author:"lê hà" does not.
bool HasSyllables(const std::string& key, const std::string& words) {
  if (words.empty() || key.size() < words.size()) return false;
  for (size_t at = key.find(words); at != std::string::npos; at = key.find(words, at + 1)) {
    const size_t end = at + words.size();
    if ((at == 0 || key[at - 1] == '-') && (end == key.size() || key[end] == '-')) return true;
  }
  return false;
}

}  // namespace

bool PassesKeyFilter(const Filter& f, const std::string& key) {
  return f.field == FilterField::kProvince ? key == f.value
         : f.field == FilterField::kAuthor ? HasSyllables(key, f.value)
                                           : false;
}

bool PassesFilter(const Filter& f, const DocMeta& m) {
  switch (f.field) {
    case FilterField::kSource:
      return std::find(m.origin->source_keys.begin(), m.origin->source_keys.end(), f.value) !=
             m.origin->source_keys.end();
    case FilterField::kProvince:
      return PassesKeyFilter(f, m.origin->province_key);
    case FilterField::kAuthor:
      return PassesKeyFilter(f, m.author_key);
    case FilterField::kPerson:
      return std::any_of(m.people_keys.begin(), m.people_keys.end(),
                         [&](const std::string& k) { return HasSyllables(k, f.value); });
    case FilterField::kPlace:
      return std::find(m.place_keys.begin(), m.place_keys.end(), f.value) != m.place_keys.end();
    case FilterField::kDate:
      return !m.date.empty() && m.date >= f.date_from && (f.date_before.empty() || m.date < f.date_before);
  }
  return false;
}

namespace {

bool OnRow(const Filter& f) {
  return f.field == FilterField::kDate || f.field == FilterField::kProvince || f.field == FilterField::kAuthor;
}

}  // namespace

FilterPlan::FilterPlan(const Query& q, const FilterKeys& keys) : keys_(keys) {
  for (const Clause& c : q.clauses) {
    if (c.filters.empty()) continue;
    if (!std::all_of(c.filters.begin(), c.filters.end(), OnRow)) {
      by_meta_.push_back(&c);
      continue;
    }
    RowClause clause{{}, c.excluded};
    for (const Filter& f : c.filters) {
      RowFilter r;
      r.filter = &f;
      if (f.field == FilterField::kDate) {
        r.from = DateBoundKey(f.date_from);
        r.before = f.date_before.empty() ? UINT32_MAX : DateBoundKey(f.date_before);
      } else if (f.field == FilterField::kProvince) {
        r.number = keys.province.Find(f.value);
      } else {
        r.memo = memos_.size();
        memos_.emplace_back(keys.author.size(), int8_t{-1});
      }
      clause.filters.push_back(r);
    }
    by_row_.push_back(std::move(clause));
  }
}

bool FilterPlan::Holds(const RowFilter& f, const DocRow& row) {
  switch (f.filter->field) {
    case FilterField::kDate:  // undated documents never pass
      return row.date != 0 && row.date >= f.from && row.date < f.before;
    case FilterField::kProvince:
      return f.number && row.province_key == *f.number;
    case FilterField::kAuthor: {
      std::vector<int8_t>& memo = memos_[f.memo];
      if (row.author_key >= memo.size()) return PassesKeyFilter(*f.filter, keys_.author.Key(row.author_key));
      int8_t& known = memo[row.author_key];
      if (known < 0) known = PassesKeyFilter(*f.filter, keys_.author.Key(row.author_key));
      return known;
    }
    default:
      return false;
  }
}

bool FilterPlan::Passes(uint32_t docno, const DocRow& row, const IndexReader& index) {
  for (const RowClause& c : by_row_) {
    const bool holds =
        std::any_of(c.filters.begin(), c.filters.end(), [&](const RowFilter& f) { return Holds(f, row); });
    if (holds == c.excluded) return false;
  }
  if (by_meta_.empty()) return true;
  const DocMeta* meta = index.Meta(docno);
  if (!meta) return false;
  for (const Clause* c : by_meta_) {
    const bool holds =
        std::any_of(c->filters.begin(), c->filters.end(), [&](const Filter& f) { return PassesFilter(f, *meta); });
    if (holds == c->excluded) return false;
  }
  return true;
}

}  // namespace bantin
