// AIP-160-style filter strings, as the API's `filter` field takes them,
// turned into clauses of the query language (core/query/query.h) so one engine
// evaluates both:
//
//   province = "Sóc Trăng" AND date >= 2021-01-01
//   source = qto OR source = "thainguyen.gov.vn"
//   NOT author = "Lê Hà"        -person:sáu        date:2021-07
//
// Fields: source, province, author, person, place (operators `=`, `:`, `!=`)
// and date (also `<`, `<=`, `>`, `>=`; YYYY, YYYY-MM or YYYY-MM-DD).
// Restrictions separated by spaces or AND must all hold; OR joins the two
// restrictions beside it (same field only, as in the query language). NOT
// or `-` negates one restriction. Parentheses are not supported.
#ifndef BANTIN_QUERY_FILTER_H_
#define BANTIN_QUERY_FILTER_H_

#include <string>
#include <string_view>

#include "bantin/status.h"

namespace bantin {

// The query-language text equivalent to `filter` ("" for an empty filter),
// or InvalidArgument naming the byte offset of the first problem.
Result<std::string> FilterToQuery(std::string_view filter);

// The filters a reader picks from fields (the viewer's province, author and
// date range) added to a query as its clauses:
//   lúa province:"Sóc Trăng" author:"Hà" date>=2021-01-01 date<=2021-12-31
// Values lose the quotes and runs of white space they cannot hold (they
// compare folded, so punctuation never matters). Dates are YYYY-MM-DD, the
// rule ListBulletins and export apply (CheckOptionalDate); a bad one is
// InvalidArgument naming the field "from" or "to".
struct FieldFilters {
  std::string province;
  std::string author;
  std::string from;  // inclusive YYYY-MM-DD, "" = unbounded
  std::string to;
};
Result<std::string> QueryWithFilters(std::string_view query, const FieldFilters& filters);

}  // namespace bantin

#endif  // BANTIN_QUERY_FILTER_H_
