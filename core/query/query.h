// The search query language, parsed once and evaluated by core/search/search_engine.h
// over any index (RocksDB on the server, memory in the browser).
//
//   bảo hiểm            words: every one must occur (accent-insensitive)
//   "tỉnh ủy"           a phrase: syllables adjacent and in order
//   -covid              exclusion: no document containing it
//   lúa OR gạo          alternatives: either satisfies the clause
//   source:qto  province:"Sóc Trăng"  author:"Lê Hà"  person:sáu  place:"Cà Mau"
//                       field filters (values compare folded; quote spaces)
//   date:2021  date:2021-07  date:2021-07-15  date>=2021-01-01  date<2022
//                       date filters (partial dates cover their whole span)
//
// Clauses separated by spaces must all hold; `OR` (upper case) joins the
// clauses on either side into one. Filters may be excluded (-province:x) and
// ORed with filters of the same field. A `name:value` whose name is not a
// field is searched as words. Errors name the byte offset they found.
#ifndef BANTIN_QUERY_QUERY_H_
#define BANTIN_QUERY_QUERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/status.h"

namespace bantin {

struct QueryTerm {
  std::string folded;  // index key
  std::string exact;   // the user's spelling: case-folded, tone canonical
  // True when the user typed diacritics: then occurrences spelled exactly
  // like this rank first.
  bool accented() const { return exact != folded; }
};

// A word is a one-syllable phrase; several syllables must be adjacent.
struct Phrase {
  std::vector<QueryTerm> terms;
};

enum class FilterField { kSource, kProvince, kAuthor, kPerson, kPlace, kDate };

struct Filter {
  FilterField field = FilterField::kSource;
  std::string value;  // folded; for kDate unused
  // kDate: date_from <= date < date_before, compared as "YYYY-MM-DD"
  // strings; "" is unbounded. Undated documents never pass a date filter.
  std::string date_from;
  std::string date_before;
};

// Alternatives of one clause: phrases or filters, never both.
struct Clause {
  std::vector<Phrase> phrases;
  std::vector<Filter> filters;
  bool excluded = false;
};

struct Query {
  std::vector<Clause> clauses;
  // Every distinct folded key the query reads postings for.
  std::vector<std::string> Keys() const;
  // Those of them a phrase of two syllables or more holds: the keys whose
  // positions a search reads.
  std::vector<std::string> PositionalKeys() const;
  // The distinct terms that contribute to the score (not excluded).
  std::vector<QueryTerm> ScoringTerms() const;
};

struct QueryLimits {
  size_t max_bytes = 1024;
  size_t max_keys = 32;
};

// Parses `text`. An empty query (only spaces) is valid and matches every
// document; malformed input is an InvalidArgument that names the offset.
Result<Query> ParseQuery(std::string_view text, const QueryLimits& limits = {});

}  // namespace bantin

#endif  // BANTIN_QUERY_QUERY_H_
