// The document table of an index: by docno, each live document's DocMeta and
// DocRow, and the filter keys the rows number. What IndexReader's Meta, Rows,
// Keys and DocLimit read; the memory index and the store both keep one.
//
// Docnos only grow and are never reused: a deleted docno stays, not live.
// Not safe for concurrent change; its owner guards it.
#ifndef BANTIN_INDEX_DOC_TABLE_H_
#define BANTIN_INDEX_DOC_TABLE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "bantin/index/doc_meta.h"
#include "bantin/index/doc_row.h"
#include "bantin/index/filter_keys.h"

namespace bantin {

class DocTable {
 public:
  // Makes docnos below `limit` valid (not live until Set). Never shrinks.
  void Extend(uint32_t limit);
  // The document at `docno` (below DocLimit()) is live with this metadata.
  void Set(uint32_t docno, DocMeta meta);
  // The document at `docno` is deleted.
  void Clear(uint32_t docno);

  // A live document's metadata; nullptr for deleted or unused docnos.
  const DocMeta* Meta(uint32_t docno) const { return docno < metas_.size() ? metas_[docno].get() : nullptr; }
  // The rows of docnos 0 .. DocLimit() - 1; a row is live exactly when Meta
  // of its docno is not null.
  std::span<const DocRow> Rows() const { return rows_; }
  const FilterKeys& Keys() const { return keys_; }
  uint32_t DocLimit() const { return static_cast<uint32_t>(rows_.size()); }

 private:
  std::vector<std::unique_ptr<DocMeta>> metas_;  // by docno; null when not live
  std::vector<DocRow> rows_;                     // by docno
  FilterKeys keys_;                              // numbers of rows_' filter keys
};

}  // namespace bantin

#endif  // BANTIN_INDEX_DOC_TABLE_H_
