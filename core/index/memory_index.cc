#include "bantin/index/memory_index.h"

#include "bantin/index/index_document.h"

namespace bantin {

bool MemoryIndex::Add(Bulletin b) {
  if (b.id.empty() || by_id_.count(b.id)) return false;
  const uint32_t docno = table_.DocLimit();
  const DocumentTerms terms = IndexDocument(b);
  // Docnos only grow, so appending keeps every list in docno order.
  for (const auto& [folded, term] : terms.terms) AppendPosting(postings_[folded], docno, term);
  table_.Extend(docno + 1);
  table_.Set(docno, MetaOf(b, terms.length));
  by_id_[b.id] = docno;
  ++totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] += terms.length[f];
  bulletins_.push_back(std::make_unique<Bulletin>(std::move(b)));
  return true;
}

bool MemoryIndex::Remove(const std::string& id) {
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  const uint32_t docno = it->second;
  for (const auto& [folded, term] : IndexDocument(*bulletins_[docno]).terms) {
    std::string& list = postings_[folded];
    std::string kept;
    const uint32_t removed[] = {docno};
    RemoveEntries(list, removed, &kept);  // lists this index wrote are well formed
    if (kept.empty())
      postings_.erase(folded);
    else
      list = std::move(kept);
  }
  --totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] -= table_.Meta(docno)->length[f];
  bulletins_[docno].reset();
  table_.Clear(docno);
  by_id_.erase(it);
  return true;
}

const Bulletin* MemoryIndex::Document(uint32_t docno) const {
  return docno < bulletins_.size() ? bulletins_[docno].get() : nullptr;
}

const Bulletin* MemoryIndex::Find(const std::string& id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : bulletins_[it->second].get();
}

void MemoryIndex::ForEachPostingList(
    const std::function<void(std::string_view folded, std::string_view entries)>& visit) const {
  for (const auto& [folded, entries] : postings_) visit(folded, entries);
}

bool MemoryIndex::Restore(uint32_t docno, Bulletin b, const FieldLengths& length) {
  if (docno < bulletins_.size() || b.id.empty() || by_id_.count(b.id)) return false;
  bulletins_.resize(docno);
  table_.Extend(docno + 1);
  table_.Set(docno, MetaOf(b, length));
  by_id_[b.id] = docno;
  ++totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] += length[f];
  bulletins_.push_back(std::make_unique<Bulletin>(std::move(b)));
  return true;
}

void MemoryIndex::RestorePostings(std::string folded, std::string entries) {
  postings_[std::move(folded)] = std::move(entries);
}

void MemoryIndex::RestoreLimit(uint32_t limit) {
  table_.Extend(limit);
  if (bulletins_.size() < limit) bulletins_.resize(limit);
}

Status MemoryIndex::Postings(const std::string& folded, PostingBytes* list) const {
  const auto it = postings_.find(folded);
  *list = {};
  if (it != postings_.end()) list->bytes = it->second;  // valid until the index changes
  return Status::Ok();
}

}  // namespace bantin
