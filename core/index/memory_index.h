// An index held in memory: what the browser builds over the bulletins a
// reader opened, and what core's own tests rank with. It feeds the same
// search engine (bantin/search/search_engine.h) as the server's RocksDB index.
#ifndef BANTIN_INDEX_MEMORY_INDEX_H_
#define BANTIN_INDEX_MEMORY_INDEX_H_

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

// Posting lists kept outside the index (a saved index's file, read on
// demand: bantin/index/saved_index.h). Read may fail: DATA_LOSS when the
// bytes are damaged.
class StoredLists {
 public:
  virtual ~StoredLists() = default;
  virtual bool Has(const std::string& folded) const = 0;
  virtual Status Read(const std::string& folded, std::string* entries) const = 0;
  virtual void ForEachKey(const std::function<void(const std::string& folded)>& visit) const = 0;
};

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
  // The bulletin behind a hit (nullptr for removed docnos).
  const Bulletin* Document(uint32_t docno) const;
  // The bulletin with this id, or nullptr.
  const Bulletin* Find(const std::string& id) const;
  size_t size() const { return by_id_.size(); }

  Status Postings(const std::string& folded, PostingBytes* list) const override;
  const DocMeta* Meta(uint32_t docno) const override { return table_.Meta(docno); }
  RowView Rows() const override { return table_.Rows(); }
  const FilterKeys& Keys() const override { return table_.Keys(); }
  uint32_t DocLimit() const override { return table_.DocLimit(); }
  CorpusTotals Totals() const override { return totals_; }

  // What SaveIndex and LoadIndex (bantin/index/saved_index.h) read and
  // write. Every posting list's key, in no order (Postings reads each):
  void ForEachPostingKey(const std::function<void(const std::string& folded)>& visit) const;
  // A document back at the docno it was saved at, its postings restored
  // apart; docnos must ascend and ids be new (false otherwise).
  bool Restore(uint32_t docno, Bulletin bulletin, const FieldLengths& length);
  // The restored documents' lists are in `stored`, read when asked for; a
  // list that Add or Remove changes is read into memory first.
  void RestoreStoredLists(std::shared_ptr<const StoredLists> stored) { stored_ = std::move(stored); }
  // Reads every stored list into memory and lets go of the store.
  Status ReadStoredLists();
  // Docnos below `limit` were issued (the last ones may have been removed).
  void RestoreLimit(uint32_t limit);

 private:
  std::vector<std::unique_ptr<Bulletin>> bulletins_;  // by docno; null once removed
  DocTable table_;                                    // by docno, the same docnos
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::string> postings_;  // folded → list
  // Lists left in `stored_`, except those taken into `postings_` (or
  // emptied) since: `taken_`.
  std::shared_ptr<const StoredLists> stored_;
  std::unordered_set<std::string> taken_;
  CorpusTotals totals_;

  // The list `folded` in `postings_`, read from `stored_` first when it is
  // there (a damaged one starts empty: its entries are lost to this index).
  std::string& Writable(const std::string& folded);
};

}  // namespace bantin

#endif  // BANTIN_INDEX_MEMORY_INDEX_H_
