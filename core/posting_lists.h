// The posting lists one search reads, and the match sets of its text
// clauses (internal to core/search_engine.cc).
//
// Match sets are ascending docnos. They may hold docnos at or past the
// search's watermark and docnos of deleted documents: the engine drops those
// while it walks the set, so no list is filtered twice.
#ifndef BANTIN_CORE_POSTING_LISTS_H_
#define BANTIN_CORE_POSTING_LISTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/posting.h"
#include "core/query.h"
#include "core/search_engine.h"
#include "core/status.h"

namespace bantin {

using DocSet = std::vector<uint32_t>;  // ascending docnos

DocSet Intersect(const DocSet& a, const DocSet& b);
DocSet Unite(const DocSet& a, const DocSet& b);
DocSet Subtract(const DocSet& a, const DocSet& b);

class PostingLists {
 public:
  explicit PostingLists(const IndexReader& index) : index_(index) {}

  // Reads and splits the lists of `keys` (folded syllables). Entries end up
  // in ascending docno order, one per docno.
  Status Load(const std::vector<std::string>& keys);

  // The entries of a loaded key.
  const std::vector<PostingRef>& Refs(const std::string& folded) const { return lists_.at(folded).refs; }

  // Documents holding any of the clause's phrases.
  DocSet DocsOf(const Clause& clause) const;

 private:
  struct List {
    std::string bytes;
    std::vector<PostingRef> refs;
  };

  DocSet DocsOf(const Phrase& phrase) const;
  // True when the entries' syllables occur at consecutive positions, in
  // order (refs[k] at p + k for some p).
  bool Adjacent(const std::vector<const PostingRef*>& refs) const;

  const IndexReader& index_;
  std::map<std::string, List> lists_;
  // Scratch of Adjacent, reused across documents.
  mutable std::vector<uint32_t> starts_, next_;
};

}  // namespace bantin

#endif  // BANTIN_CORE_POSTING_LISTS_H_
