#include "bantin/index/doc_table.h"

#include <functional>
#include <unordered_set>

namespace bantin {

class DocTable::Origins {
 public:
  std::shared_ptr<const DocOrigin> Intern(std::shared_ptr<const DocOrigin> origin) {
    return *set_.insert(std::move(origin)).first;
  }

 private:
  struct Hash {
    size_t operator()(const std::shared_ptr<const DocOrigin>& o) const {
      const std::hash<std::string> h;
      return h(o->source.id) ^ h(o->source.name) * 31 ^ h(o->source.province) * 131 ^ h(o->source.site) * 1031;
    }
  };
  struct Equal {
    bool operator()(const std::shared_ptr<const DocOrigin>& a, const std::shared_ptr<const DocOrigin>& b) const {
      return *a == *b;
    }
  };
  std::unordered_set<std::shared_ptr<const DocOrigin>, Hash, Equal> set_;
};

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

std::shared_ptr<const DocOrigin> DocTable::Intern(std::shared_ptr<const DocOrigin> origin) {
  if (!origins_) origins_ = std::make_shared<Origins>();
  return origins_->Intern(std::move(origin));
}

void DocTable::Set(uint32_t docno, DocMeta meta) {
  meta.origin = Intern(std::move(meta.origin));
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
