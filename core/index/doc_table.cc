#include "bantin/index/doc_table.h"

namespace bantin {

void DocTable::Extend(uint32_t limit) {
  if (limit <= limit_) return;
  const size_t needed = (static_cast<size_t>(limit) + kSegmentDocs - 1) / kSegmentDocs;
  while (segments_.size() < needed) segments_.push_back(std::make_shared<DocSegment>());
  limit_ = limit;
}

DocSegment& DocTable::Writable(uint32_t docno) {
  std::shared_ptr<DocSegment>& segment = segments_[docno / kSegmentDocs];
  // Only this table and its snapshots hold segments, and snapshots are made
  // on the writer's thread: one holder means no snapshot has this one.
  if (segment.use_count() > 1) segment = std::make_shared<DocSegment>(*segment);
  return *segment;
}

void DocTable::Set(uint32_t docno, DocMeta meta) {
  DocSegment& segment = Writable(docno);
  segment.rows[docno % kSegmentDocs] = RowOf(meta, keys_);
  segment.metas[docno % kSegmentDocs] = std::make_shared<const DocMeta>(std::move(meta));
}

void DocTable::Clear(uint32_t docno) {
  DocSegment& segment = Writable(docno);
  segment.metas[docno % kSegmentDocs].reset();
  segment.rows[docno % kSegmentDocs].live = false;
}

std::shared_ptr<const DocTable> DocTable::Snapshot() const {
  return std::shared_ptr<const DocTable>(new DocTable(*this));
}

}  // namespace bantin
