#include "core/memory_index.h"

namespace bantin {

bool MemoryIndex::Add(Bulletin b) {
  if (b.id.empty() || by_id_.count(b.id)) return false;
  const uint32_t docno = static_cast<uint32_t>(docs_.size());
  const DocumentTerms terms = IndexDocument(b);
  // Docnos only grow, so appending keeps every list in docno order.
  for (const auto& [folded, term] : terms.terms) AppendPosting(postings_[folded], docno, term);
  auto doc = std::make_unique<Doc>();
  doc->meta = MetaOf(b, terms.length);
  rows_.push_back(RowOf(doc->meta, keys_));
  doc->bulletin = std::move(b);
  by_id_[doc->bulletin.id] = docno;
  ++totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] += terms.length[f];
  docs_.push_back(std::move(doc));
  return true;
}

bool MemoryIndex::Remove(const std::string& id) {
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  const uint32_t docno = it->second;
  const Doc& doc = *docs_[docno];
  for (const auto& [folded, term] : IndexDocument(doc.bulletin).terms) {
    std::string& list = postings_[folded];
    std::vector<PostingRef> refs;
    SplitPostings(list, &refs);
    std::string kept;
    for (const PostingRef& r : refs) {
      if (r.docno == docno) continue;
      PutVarint(kept, r.docno);
      PutVarint(kept, static_cast<uint32_t>(r.payload.size()));
      kept += r.payload;
    }
    if (kept.empty()) postings_.erase(folded);
    else list = std::move(kept);
  }
  --totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] -= doc.meta.length[f];
  docs_[docno].reset();
  rows_[docno].live = false;
  by_id_.erase(it);
  return true;
}

const Bulletin* MemoryIndex::Document(uint32_t docno) const {
  return docno < docs_.size() && docs_[docno] ? &docs_[docno]->bulletin : nullptr;
}

const Bulletin* MemoryIndex::Find(const std::string& id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &docs_[it->second]->bulletin;
}

Status MemoryIndex::Postings(const std::string& folded, PostingBytes* list) const {
  const auto it = postings_.find(folded);
  *list = {};
  if (it != postings_.end()) list->bytes = it->second;  // valid until the index changes
  return Status::Ok();
}

const DocMeta* MemoryIndex::Meta(uint32_t docno) const {
  return docno < docs_.size() && docs_[docno] ? &docs_[docno]->meta : nullptr;
}

}  // namespace bantin
