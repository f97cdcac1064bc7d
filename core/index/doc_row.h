// DocRow: the fixed-size facts of one document that ranking, facets and date
// filters read for every match. An index keeps them in one array by docno
// (IndexReader::Rows), so walking a match set of a hundred thousand
// documents streams through memory instead of chasing a pointer per document
// to its DocMeta (which keeps what only filters and hits need: id, source,
// filter keys).
#ifndef BANTIN_INDEX_DOC_ROW_H_
#define BANTIN_INDEX_DOC_ROW_H_

#include <cstdint>
#include <string_view>

#include "bantin/index/posting.h"

namespace bantin {

// A date as the number YYYYMMDD, so that for the dates an index holds
// ("YYYY-MM-DD" or "") numeric order is the strings' order. 0 when undated.
uint32_t DateKey(std::string_view date);

// The smallest DateKey that is >= `bound` when compared as strings, for the
// bounds of date filters ("YYYY", "YYYY-MM" or "YYYY-MM-DD", optionally
// followed by '~', which sorts after every date of that span). For a dated
// document d: d >= bound ⟺ DateKey(d) >= DateBoundKey(bound), and likewise
// for <. 0 for "" (unbounded below).
uint32_t DateBoundKey(std::string_view bound);

struct DocRow {
  FieldLengths length{};  // syllables per field, for BM25F
  uint32_t date = 0;      // DateKey; 0 when undated
  // Year * 12 + month - 1; -1 when undated.
  int32_t month_index = -1;
  // Gazetteer index of the province; kNoProvince when the document has none,
  // kOtherProvince when it names one outside the gazetteer (then facets read
  // the name from its DocMeta).
  int16_t province_index = -1;
  bool live = false;  // false for deleted and unused docnos
  // The provinces the article is about (Bulletin::places): bit i for the
  // gazetteer's province i (there are fewer than 64).
  uint64_t place_mask = 0;
  // Numbers of the province and author filter keys in the index's
  // FilterKeys (core/index/filter_keys.h).
  uint32_t province_key = 0;
  uint32_t author_key = 0;
  // The article's copy id as a number (CopyKey in doc_meta.h): documents
  // with the same nonzero key are copies of one article. 0: none.
  uint64_t copy = 0;
};
inline constexpr int16_t kNoProvince = -1;
inline constexpr int16_t kOtherProvince = -2;

}  // namespace bantin

#endif  // BANTIN_INDEX_DOC_ROW_H_
