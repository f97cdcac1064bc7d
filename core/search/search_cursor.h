// The page token of a search (internal to the engine): the last hit served,
// the docno watermark of the first page, and a fingerprint of the query text.
#ifndef BANTIN_SEARCH_SEARCH_CURSOR_H_
#define BANTIN_SEARCH_SEARCH_CURSOR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "bantin/status.h"

namespace bantin {

struct SearchCursor {
  uint32_t watermark = 0;    // documents at or past it arrived after page one
  uint32_t fingerprint = 0;  // of the query text
  // The last hit served, in ranking order.
  int exact_terms = 0;
  double score = 0;
  std::string date;
  uint32_t docno = 0;
};

uint32_t QueryFingerprint(std::string_view query);
std::string EncodeCursor(const SearchCursor& cursor);
// InvalidArgument for tokens this code did not issue.
Result<SearchCursor> DecodeCursor(std::string_view token);

}  // namespace bantin

#endif  // BANTIN_SEARCH_SEARCH_CURSOR_H_
