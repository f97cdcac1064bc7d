#include "bantin/index/memory_index.h"

#include "bantin/index/index_document.h"
#include "list_cache.h"

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
  Bulletin restored;
  const Bulletin* b = bulletins_[docno].get();
  if (!b && stored_documents_ && stored_documents_->Read(docno, &restored)) b = &restored;
  for (const auto& [folded, term] : IndexDocument(b ? *b : Bulletin()).terms) {
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
  if (docno >= bulletins_.size()) return nullptr;
  if (bulletins_[docno] || !stored_documents_ || !table_.Meta(docno)) return bulletins_[docno].get();
  return stored_documents_->Get(docno);
}

const Bulletin* MemoryIndex::Find(const std::string& id) const {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : Document(it->second);
}

void MemoryIndex::ForEachDocument(const std::function<void(uint32_t docno, const Bulletin& bulletin)>& visit) const {
  Bulletin restored;
  for (uint32_t docno = 0; docno < bulletins_.size(); ++docno) {
    if (bulletins_[docno]) {
      visit(docno, *bulletins_[docno]);
    } else if (stored_documents_ && table_.Meta(docno) && stored_documents_->Read(docno, &restored)) {
      visit(docno, restored);
    }
  }
}

namespace {

// Where the list cache keeps a list read without its positions: beside the
// whole one, under a key no folded syllable has (0xFF is never in UTF-8).
std::string WithoutPositionsKey(const std::string& folded) { return "\xff" + folded; }

}  // namespace

std::string& MemoryIndex::Writable(const std::string& folded) {
  std::string& list = postings_[folded];
  if (!stored_ || !taken_.insert(folded).second || !stored_->Has(folded)) return list;
  read_lists_->Erase(WithoutPositionsKey(folded));
  if (std::shared_ptr<const std::string> read = read_lists_->Find(folded)) {
    list = *read;
    read_lists_->Erase(folded);
  } else if (!stored_->Read(folded, &list).ok()) {
    list.clear();
  }
  return list;
}

void MemoryIndex::RestoreStoredLists(std::shared_ptr<const StoredLists> stored) {
  stored_ = std::move(stored);
  read_lists_ = std::make_shared<ListCache>(kStoredListCacheBytes);
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
  read_lists_.reset();
  taken_.clear();
  return failed;
}

bool MemoryIndex::Restore(uint32_t docno, const Bulletin& b, const FieldLengths& length) {
  if (docno < bulletins_.size() || b.id.empty() || by_id_.count(b.id)) return false;
  bulletins_.resize(docno);
  table_.Extend(docno + 1);
  table_.Set(docno, MetaOf(b, length));
  by_id_[b.id] = docno;
  ++totals_.documents;
  for (int f = 0; f < kFieldCount; ++f) totals_.length[f] += length[f];
  bulletins_.emplace_back();
  return true;
}

void MemoryIndex::RestoreLimit(uint32_t limit) {
  table_.Extend(limit);
  if (bulletins_.size() < limit) bulletins_.resize(limit);
}

Status MemoryIndex::Postings(const std::string& folded, PostingBytes* list) const {
  return PostingsOf(folded, true, list);
}

Status MemoryIndex::PostingsWithoutPositions(const std::string& folded, PostingBytes* list) const {
  return PostingsOf(folded, false, list);
}

Status MemoryIndex::PostingsOf(const std::string& folded, bool positions, PostingBytes* list) const {
  const auto it = postings_.find(folded);
  *list = {};
  if (it != postings_.end()) {
    list->bytes = it->second;  // valid until the index changes
    return Status::Ok();
  }
  if (!stored_ || taken_.count(folded) || !stored_->Has(folded)) return Status::Ok();
  const std::string key = positions ? folded : WithoutPositionsKey(folded);
  std::shared_ptr<const std::string> kept = read_lists_->Find(key);
  if (!kept) {
    auto read = std::make_shared<std::string>();
    Status s = positions ? stored_->Read(folded, read.get()) : stored_->ReadWithoutPositions(folded, read.get());
    if (!s.ok()) return s;
    read_lists_->Put(key, read);
    kept = std::move(read);
  }
  list->bytes = *kept;
  list->keep = std::move(kept);
  return Status::Ok();
}

}  // namespace bantin
