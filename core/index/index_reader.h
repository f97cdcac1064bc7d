// What the search engine (core/search/search_engine.h) reads of an index:
// posting lists by folded syllable, the document table (rows and metadata by
// docno) and corpus totals. RocksDB implements it on the server, MemoryIndex
// in the browser; both feed the engine the same bytes, so both rank alike.
#ifndef BANTIN_INDEX_INDEX_READER_H_
#define BANTIN_INDEX_INDEX_READER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "bantin/index/doc_meta.h"
#include "bantin/index/doc_row.h"
#include "bantin/index/doc_table.h"
#include "bantin/index/filter_keys.h"
#include "bantin/index/posting.h"
#include "bantin/status.h"

namespace bantin {

class FrequencyMemo;

struct CorpusTotals {
  uint64_t documents = 0;
  std::array<uint64_t, kFieldCount> length{};  // summed over live documents
};

// A posting list's bytes, read in place where the index can: `bytes` stays
// valid while `keep` lives and the index does not change.
struct PostingBytes {
  std::string_view bytes;
  std::shared_ptr<const void> keep;  // what owns the bytes, when not the index itself
  std::string_view then;             // entries after `bytes`, held apart by the index (PostingRuns)
  PostingRuns runs() const { return {bytes, then}; }
};

class IndexReader {
 public:
  virtual ~IndexReader() = default;
  // The posting list of a folded syllable; empty when nothing has it.
  virtual Status Postings(const std::string& folded, PostingBytes* list) const = 0;
  // The same list for a reader of frequencies and spellings only: where
  // the index keeps positions apart (a saved index), its entries carry
  // none (a position count of 0) and fewer bytes are read. Otherwise the
  // whole list.
  virtual Status PostingsWithoutPositions(const std::string& folded, PostingBytes* list) const {
    return Postings(folded, list);
  }
  // A live document's metadata; nullptr for deleted or unused docnos.
  virtual const DocMeta* Meta(uint32_t docno) const = 0;
  // The rows of docnos 0 .. DocLimit() - 1; a row is live exactly when Meta
  // of its docno is not null. Valid while the reader does not change.
  virtual RowView Rows() const = 0;
  // What the rows' filter key numbers stand for.
  virtual const FilterKeys& Keys() const = 0;
  // Every docno ever assigned is below this; new documents get higher ones.
  virtual uint32_t DocLimit() const = 0;
  virtual CorpusTotals Totals() const = 0;
  // Where document frequencies may be remembered between searches (see
  // core/index/frequency_memo.h); null: counted every time.
  virtual FrequencyMemo* Frequencies() const { return nullptr; }
};

}  // namespace bantin

#endif  // BANTIN_INDEX_INDEX_READER_H_
