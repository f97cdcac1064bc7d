// An index held in memory: what the browser builds over the bulletins a
// reader opened, and what core's own tests rank with. It feeds the same
// search engine (bantin/search/search_engine.h) as the server's RocksDB index.
#ifndef BANTIN_INDEX_MEMORY_INDEX_H_
#define BANTIN_INDEX_MEMORY_INDEX_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/index/doc_table.h"
#include "bantin/index/index_reader.h"

namespace bantin {

// How many bytes of the lists read from StoredLists a memory index keeps
// for the next searches: the lists of a few common words of 100,000
// articles (a search at that size reads about 3 MB, its largest 10 MB).
inline constexpr size_t kStoredListCacheBytes = size_t{32} << 20;

// Posting lists kept outside the index (a saved index's file, read on
// demand: bantin/index/saved_index.h). Read may fail: DATA_LOSS when the
// bytes are damaged.
class StoredLists {
 public:
  virtual ~StoredLists() = default;
  virtual bool Has(const std::string& folded) const = 0;
  virtual Status Read(const std::string& folded, std::string* entries) const = 0;
  // The entries without their positions (IndexReader::PostingsWithoutPositions).
  virtual Status ReadWithoutPositions(const std::string& folded, std::string* entries) const {
    return Read(folded, entries);
  }
  virtual void ForEachKey(const std::function<void(const std::string& folded)>& visit) const = 0;
};

// Bulletins kept outside the index as bytes (a saved index's head), each
// decoded when first asked for: a loaded archive holds its bulletins'
// bytes, not a few hundred objects for each of them.
class StoredDocuments {
 public:
  virtual ~StoredDocuments() = default;
  // The bulletin saved at `docno`, decoded at the first call and kept: the
  // pointer stays valid while this lives. nullptr when none was saved there.
  // Safe from several threads at once.
  virtual const Bulletin* Get(uint32_t docno) const = 0;
  // The same, decoded into `out` and not kept; false when none was saved.
  virtual bool Read(uint32_t docno, Bulletin* out) const = 0;
};

class ListCache;

class MemoryIndex : public IndexReader {
 public:
  // Adds a bulletin whose id is set. The same id again changes nothing;
  // returns false then.
  bool Add(Bulletin bulletin);
  // Removes the bulletin and its postings; false when the id is unknown.
  // A bulletin restored from saved bytes has no texts to find its words
  // by: its entries in the lists of words not in its title stay, dead
  // (search reads only live documents, and SaveIndex leaves them out).
  // Neither Add nor Remove fails on a damaged stored list: it starts
  // empty, its entries lost to this index (a search reading it would have
  // answered DATA_LOSS).
  bool Remove(const std::string& id);
  // The bulletin behind a hit (nullptr for removed docnos). A restored one
  // is decoded here, the first time, and kept.
  const Bulletin* Document(uint32_t docno) const;
  // The bulletin with this id, or nullptr.
  const Bulletin* Find(const std::string& id) const;
  bool Contains(const std::string& id) const { return by_id_.count(id) > 0; }
  size_t size() const { return by_id_.size(); }
  // Each live document in docno order; a restored one not decoded yet is
  // decoded for the call only (saving an index keeps no objects behind).
  void ForEachDocument(const std::function<void(uint32_t docno, const Bulletin& bulletin)>& visit) const;

  Status Postings(const std::string& folded, PostingBytes* list) const override;
  Status PostingsWithoutPositions(const std::string& folded, PostingBytes* list) const override;
  const DocMeta* Meta(uint32_t docno) const override { return table_.Meta(docno); }
  RowView Rows() const override { return table_.Rows(); }
  const FilterKeys& Keys() const override { return table_.Keys(); }
  uint32_t DocLimit() const override { return table_.DocLimit(); }
  CorpusTotals Totals() const override { return totals_; }

  // What SaveIndex and LoadIndex (bantin/index/saved_index.h) read and
  // write. Every posting list's key, in no order (Postings reads each):
  void ForEachPostingKey(const std::function<void(const std::string& folded)>& visit) const;
  // A document back at the docno it was saved at: its metadata from
  // `bulletin`, the bulletin itself left in the stored documents (given
  // with RestoreStoredDocuments) and its postings restored apart. Docnos
  // must ascend and ids be new (false otherwise).
  bool Restore(uint32_t docno, const Bulletin& bulletin, const FieldLengths& length);
  void RestoreStoredDocuments(std::shared_ptr<const StoredDocuments> stored) { stored_documents_ = std::move(stored); }
  // The restored documents' lists are in `stored`, read when asked for; a
  // list that Add or Remove changes is read into memory first. Lists read
  // for searches are kept, up to kStoredListCacheBytes, for the searches
  // after (list_cache.h).
  void RestoreStoredLists(std::shared_ptr<const StoredLists> stored);
  // Reads every stored list into memory and lets go of the store.
  Status ReadStoredLists();
  // Docnos below `limit` were issued (the last ones may have been removed).
  void RestoreLimit(uint32_t limit);

 private:
  // By docno; null once removed, and for restored documents, which
  // `stored_documents_` holds.
  std::vector<std::unique_ptr<Bulletin>> bulletins_;
  std::shared_ptr<const StoredDocuments> stored_documents_;
  DocTable table_;  // by docno, the same docnos
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::string> postings_;  // folded → list
  // Lists left in `stored_`, except those taken into `postings_` (or
  // emptied) since: `taken_`.
  std::shared_ptr<const StoredLists> stored_;
  std::unordered_set<std::string> taken_;
  std::shared_ptr<ListCache> read_lists_;  // lists of `stored_` searches read lately
  CorpusTotals totals_;

  // The list `folded` in `postings_`, read from `stored_` first when it is
  // there (a damaged one starts empty: its entries are lost to this index).
  std::string& Writable(const std::string& folded);
  // Postings or PostingsWithoutPositions: a list of `postings_` whole, one
  // of `stored_` read (with or without positions) and kept in the cache.
  Status PostingsOf(const std::string& folded, bool positions, PostingBytes* list) const;
};

}  // namespace bantin

#endif  // BANTIN_INDEX_MEMORY_INDEX_H_
