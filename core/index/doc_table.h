// The document table of an index: by docno, each live document's DocMeta and
// DocRow, and the filter keys the rows number. What IndexReader's Meta, Rows,
// Keys and DocLimit read; the memory index and the store both keep one.
//
// Docnos only grow and are never reused: a deleted docno stays, not live.
//
// Versions: Snapshot() returns a read-only copy that shares everything with
// the table, in segments of kSegmentDocs docnos. A segment a snapshot holds
// is never written again: the table writes a copy of it (copy-on-write), so
// a snapshot stays exactly as it was taken, for any number of readers on
// any threads, while its table goes on changing on one writer's thread. A
// change costs a copy of the segments it touches (an append touches the
// last one) while older snapshots are alive; taking a snapshot costs a
// pointer per segment.
#ifndef BANTIN_INDEX_DOC_TABLE_H_
#define BANTIN_INDEX_DOC_TABLE_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "bantin/index/doc_meta.h"
#include "bantin/index/doc_row.h"
#include "bantin/index/filter_keys.h"

namespace bantin {

inline constexpr uint32_t kSegmentDocs = 1024;

struct DocSegment {
  std::array<DocRow, kSegmentDocs> rows{};
  std::array<std::shared_ptr<const DocMeta>, kSegmentDocs> metas;  // null when not live
};

// The rows of docnos 0 .. size() - 1 of one table, for the engine's walks.
// Valid while that table (or snapshot) lives and, for a table, does not change.
class RowView {
 public:
  RowView() = default;
  RowView(const std::shared_ptr<DocSegment>* segments, uint32_t size) : segments_(segments), size_(size) {}
  const DocRow& operator[](uint32_t docno) const { return segments_[docno / kSegmentDocs]->rows[docno % kSegmentDocs]; }
  uint32_t size() const { return size_; }
  RowView first(uint32_t n) const { return RowView(segments_, std::min(n, size_)); }

 private:
  const std::shared_ptr<DocSegment>* segments_ = nullptr;
  uint32_t size_ = 0;
};

class DocTable {
 public:
  DocTable() = default;
  DocTable(DocTable&&) = default;
  DocTable& operator=(DocTable&&) = default;

  // Makes docnos below `limit` valid (not live until Set). Never shrinks.
  void Extend(uint32_t limit);
  // The document at `docno` (below DocLimit()) is live with this metadata.
  // Its origin is replaced by the table's equal one, when it has one.
  void Set(uint32_t docno, DocMeta meta);
  // The document at `docno` is deleted.
  void Clear(uint32_t docno);

  // A live document's metadata; nullptr for deleted or unused docnos.
  const DocMeta* Meta(uint32_t docno) const {
    return docno < limit_ ? segments_[docno / kSegmentDocs]->metas[docno % kSegmentDocs].get() : nullptr;
  }
  // The rows of docnos 0 .. DocLimit() - 1; a row is live exactly when Meta
  // of its docno is not null.
  RowView Rows() const { return RowView(segments_.data(), limit_); }
  const FilterKeys& Keys() const { return keys_; }
  uint32_t DocLimit() const { return limit_; }

  // This table as it is now, unchanged by what is done to the table later.
  std::shared_ptr<const DocTable> Snapshot() const;

 private:
  DocTable(const DocTable&) = default;  // shares the segments: only Snapshot copies
  // The segment of `docno`, not shared with any snapshot.
  DocSegment& Writable(uint32_t docno);
  // The table's origin equal to `origin`, which becomes it when new.
  std::shared_ptr<const DocOrigin> Intern(std::shared_ptr<const DocOrigin> origin);

  class Origins;  // doc_table.cc

  std::vector<std::shared_ptr<DocSegment>> segments_;
  FilterKeys keys_;
  // Every distinct origin Set was given, kept while the table lives (one
  // per source, even once its documents are gone). Only Set uses it:
  // snapshots share the pointer and never read through it.
  std::shared_ptr<Origins> origins_;
  uint32_t limit_ = 0;
};

}  // namespace bantin

#endif  // BANTIN_INDEX_DOC_TABLE_H_
