#include "bantin/index/memory_index.h"

#include "bantin/index/index_document.h"

namespace bantin {

bool MemoryIndex::Add(Bulletin b) {
  if (b.id.empty() || by_id_.count(b.id)) return false;
  const uint32_t docno = table_.DocLimit();
  const DocumentTerms terms = IndexDocument(b);
  // Docnos only grow, so appending keeps every list in docno order.
  for (const auto& [folded, term] : terms.terms) AppendPosting(Writable(folded), docno, term);
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
    std::string& list = Writable(folded);
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

std::string& MemoryIndex::Writable(const std::string& folded) {
  std::string& list = postings_[folded];
  if (stored_ && taken_.insert(folded).second && stored_->Has(folded) && !stored_->Read(folded, &list).ok())
    list.clear();
  return list;
}

void MemoryIndex::ForEachPostingKey(const std::function<void(const std::string& folded)>& visit) const {
  for (const auto& entry : postings_) visit(entry.first);
  if (stored_)
    stored_->ForEachKey([&](const std::string& folded) {
      if (!taken_.count(folded)) visit(folded);
    });
}

Status MemoryIndex::ReadStoredLists() {
  if (!stored_) return Status::Ok();
  Status failed;
  stored_->ForEachKey([&](const std::string& folded) {
    if (failed.ok() && !taken_.count(folded)) failed = stored_->Read(folded, &postings_[folded]);
  });
  stored_.reset();
  taken_.clear();
  return failed;
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

void MemoryIndex::RestoreLimit(uint32_t limit) {
  table_.Extend(limit);
  if (bulletins_.size() < limit) bulletins_.resize(limit);
}

Status MemoryIndex::Postings(const std::string& folded, PostingBytes* list) const {
  const auto it = postings_.find(folded);
  *list = {};
  if (it != postings_.end()) {
    list->bytes = it->second;  // valid until the index changes
    return Status::Ok();
  }
  if (!stored_ || taken_.count(folded) || !stored_->Has(folded)) return Status::Ok();
  auto read = std::make_shared<std::string>();
  if (Status s = stored_->Read(folded, read.get()); !s.ok()) return s;
  list->bytes = *read;
  list->keep = std::move(read);
  return Status::Ok();
}

}  // namespace bantin
