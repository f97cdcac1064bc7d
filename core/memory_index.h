// An index held in memory: what the browser builds over the bulletins a
// reader opened, and what core's own tests rank with. It feeds the same
// search engine (core/search_engine.h) as the server's RocksDB index.
#ifndef BANTIN_CORE_MEMORY_INDEX_H_
#define BANTIN_CORE_MEMORY_INDEX_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/bulletin.h"
#include "core/search_engine.h"

namespace bantin {

class MemoryIndex : public IndexReader {
 public:
  // Adds a bulletin whose id is set. The same id again changes nothing;
  // returns false then.
  bool Add(Bulletin bulletin);
  // Removes the bulletin and its postings; false when the id is unknown.
  bool Remove(const std::string& id);
  // The bulletin behind a hit (nullptr for removed docnos).
  const Bulletin* Document(uint32_t docno) const;
  // The bulletin with this id, or nullptr.
  const Bulletin* Find(const std::string& id) const;
  size_t size() const { return by_id_.size(); }

  Status Postings(const std::string& folded, PostingBytes* list) const override;
  const DocMeta* Meta(uint32_t docno) const override;
  std::span<const DocRow> Rows() const override { return rows_; }
  const FilterKeys& Keys() const override { return keys_; }
  uint32_t DocLimit() const override { return static_cast<uint32_t>(docs_.size()); }
  CorpusTotals Totals() const override { return totals_; }

 private:
  struct Doc {
    Bulletin bulletin;
    DocMeta meta;
  };
  std::vector<std::unique_ptr<Doc>> docs_;  // by docno; null once removed
  std::vector<DocRow> rows_;                // by docno; not live once removed
  FilterKeys keys_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, std::string> postings_;  // folded → list
  CorpusTotals totals_;
};

}  // namespace bantin

#endif  // BANTIN_CORE_MEMORY_INDEX_H_
