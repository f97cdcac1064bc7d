// The match set of a query's text, walked one document at a time in docno
// order (internal to core/search/search_engine.cc). Nothing is materialised: a
// clause over a hundred thousand documents costs a walk over its posting
// lists, not vectors of docnos or entries.
//
// Iterators may yield docnos at or past the search's watermark and docnos of
// deleted documents; the engine drops those as it walks.
#ifndef BANTIN_SEARCH_DOC_ITERATORS_H_
#define BANTIN_SEARCH_DOC_ITERATORS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bantin/index/posting.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"

namespace bantin {

class DocIterator {
 public:
  static constexpr uint32_t kEnd = UINT32_MAX;
  virtual ~DocIterator() = default;
  // The current document; kEnd once exhausted. Iterators start at their
  // first document.
  uint32_t doc() const { return doc_; }
  // Moves to the first document >= target; nothing when doc() >= target.
  virtual void SeekTo(uint32_t target) = 0;
  // True when a posting list it read was malformed (the walk then ended
  // early, so results would be incomplete).
  virtual bool bad() const = 0;
  // The entries of `folded` when this iterator walks them and they are at
  // doc() whenever doc() is a document it yields (a syllable of every
  // required clause of a single phrase); else nullptr. Lets scoring
  // read a match's entry without walking the list a second time.
  virtual const EntryCursor* EntriesAtDoc(const std::string& folded) const {
    (void)folded;
    return nullptr;
  }

 protected:
  uint32_t doc_ = kEnd;
};

// The posting lists a query reads, by folded key, held for the search.
class PostingSource {
 public:
  explicit PostingSource(const IndexReader& index) : index_(index) {}
  // Reads the list of each of `keys`, with positions only for those in
  // `positional` (the rest are read without, where the index keeps them apart).
  Status Load(const std::vector<std::string>& keys, const std::vector<std::string>& positional);
  PostingRuns List(const std::string& folded) const { return lists_.at(folded).runs(); }
  const IndexReader& index() const { return index_; }
  // The size of every list loaded.
  size_t bytes() const {
    size_t total = 0;
    for (const auto& [key, list] : lists_) total += list.runs().size();
    return total;
  }

 private:
  const IndexReader& index_;
  std::map<std::string, PostingBytes> lists_;
};

// The documents satisfying a clause (any of its phrases).
std::unique_ptr<DocIterator> ClauseDocs(const PostingSource& lists, const Clause& clause);
// Every document of `all` that is in none of `none`, with `all` empty
// meaning every docno below `limit`.
std::unique_ptr<DocIterator> MatchDocs(std::vector<std::unique_ptr<DocIterator>> all,
                                       std::vector<std::unique_ptr<DocIterator>> none, uint32_t limit);

}  // namespace bantin

#endif  // BANTIN_SEARCH_DOC_ITERATORS_H_
