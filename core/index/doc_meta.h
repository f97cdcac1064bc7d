// DocMeta: what filters and hits need to know of a document without
// reading its record, and DocRow (core/index/doc_row.h), its fixed-size part
// that ranking and facets read for every match. Both are computed once, when
// the document is indexed.
#ifndef BANTIN_INDEX_DOC_META_H_
#define BANTIN_INDEX_DOC_META_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/index/doc_row.h"
#include "bantin/index/filter_keys.h"
#include "bantin/index/posting.h"

namespace bantin {

// What the documents of one source share: the source and the filter keys
// made of it. A DocTable keeps one object per distinct origin and every
// meta of that origin points to it (DocTable::Set), so a table of many
// documents from few sources holds each source's strings once.
struct DocOrigin {
  Source source;
  std::vector<std::string> source_keys;  // FilterKey forms of id, site and outlet name, each once
  std::string province_key;              // FilterKey form of source.province
};
bool operator==(const DocOrigin& a, const DocOrigin& b);
// The origin of a document with no source: what a default DocMeta holds.
const std::shared_ptr<const DocOrigin>& NoOrigin();

// What filters and hits need to know of a document without reading it.
// (What every match needs, ranking and facets, is its DocRow.)
struct DocMeta {
  // What scoring, ranking and facets read for every match comes first, so
  // it shares the object's first cache lines.
  FieldLengths length{};
  // Facet keys as small numbers, so counting a match set hashes nothing:
  // the gazetteer index of the province (-1 when none or not a province of
  // the gazetteer), and year * 12 + month - 1 (-1 when undated).
  int32_t province_index = -1;
  int32_t month_index = -1;
  std::string date;  // YYYY-MM-DD, "" when undated
  std::string id;
  std::string copy_id;                                   // Bulletin::copy_id
  std::shared_ptr<const DocOrigin> origin = NoOrigin();  // never null
  // Filter keys (FilterKey forms), computed once at indexing.
  std::string author_key;
  std::vector<std::string> people_keys;
  std::vector<std::string> place_keys;  // the provinces the article is about

  const Source& source() const { return origin->source; }
};

DocMeta MetaOf(const Bulletin& bulletin, const FieldLengths& lengths);
// A copy id (16 hex digits) as the number DocRow::copy keeps; 0 for "" or
// anything else.
uint64_t CopyKey(std::string_view copy_id);
// The row of a live document with this metadata; its filter keys are
// numbered in `keys` (added when new).
DocRow RowOf(const DocMeta& meta, FilterKeys& keys);
}  // namespace bantin

#endif  // BANTIN_INDEX_DOC_META_H_
