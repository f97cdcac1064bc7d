// The posting entries of the newest documents, held in memory until they
// are merged into RocksDB's lists (p/ keys) in one batch.
//
// Writing each commit's entries as merge operands cost a memtable insert and
// a log record per term per commit (a document has hundreds of terms): one
// bulletin per put ingests twice as fast without (bench/RESULTS.md, "The
// posting tail"); batches of many, already one operand per term, gain
// nothing. The entries are derived data: every record they
// come from is in the log already, so the tail needs no log of its own. At
// open, the documents numbered from m/posted (RocksStore::RebuildTail) are
// indexed again from their records, which a crash loses nothing to.
//
// Invariant: RocksDB's lists hold every entry of docnos below from(), the
// tail every entry of live docnos from from() on; a list read is RocksDB's
// bytes followed by the tail's (docnos only grow, so that is docno order).
// Not thread-safe: RocksStore guards it (tail_mu_).
#ifndef BANTIN_STORAGE_POSTING_TAIL_H_
#define BANTIN_STORAGE_POSTING_TAIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bantin {

class PostingTail {
 public:
  explicit PostingTail(uint32_t from = 0) : from_(from) {}

  uint32_t from() const { return from_; }
  bool empty() const { return lists_.empty(); }
  size_t bytes() const { return bytes_; }  // of entries, as written to RocksDB

  // Appends a term's entries (core/index/posting.h); their docnos are at
  // least from() and above every entry the term has here. Taken whole, not
  // copied, when the term is new to the tail.
  void Append(const std::string& folded, std::string&& entries);
  // Appends one entry: `docno`'s payload for the term (the same ordering
  // holds).
  void AppendEntry(const std::string& folded, uint32_t docno, std::string_view payload);
  // The term's entries held here; empty when none.
  std::string_view Entries(const std::string& folded) const;
  const std::unordered_map<std::string, std::string>& lists() const { return lists_; }
  // Empties the tail once its entries are in RocksDB: docnos below `from`.
  void Reset(uint32_t from);

 private:
  uint32_t from_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, std::string> lists_;  // folded → entries
};

// m/posted: the docno below which RocksDB's lists are complete.
std::string EncodePosted(uint32_t from);
bool DecodePosted(std::string_view bytes, uint32_t* from);

}  // namespace bantin

#endif  // BANTIN_STORAGE_POSTING_TAIL_H_
