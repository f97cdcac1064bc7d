#include "core/posting_lists.h"

#include <algorithm>
#include <iterator>

namespace bantin {
namespace {

bool ByDocno(const PostingRef& a, const PostingRef& b) { return a.docno < b.docno; }

}  // namespace

DocSet Intersect(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(std::min(a.size(), b.size()));
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

DocSet Unite(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

DocSet Subtract(const DocSet& a, const DocSet& b) {
  DocSet out;
  out.reserve(a.size());
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Status PostingLists::Load(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    List& list = lists_[key];
    if (Status s = index_.Postings(key, &list.bytes); !s.ok()) return s;
    if (!SplitPostings(list.bytes, &list.refs))
      return Status::Internal("posting list of '" + key + "' is corrupt");
    if (!std::is_sorted(list.refs.begin(), list.refs.end(), ByDocno))
      std::stable_sort(list.refs.begin(), list.refs.end(), ByDocno);
  }
  return Status::Ok();
}

DocSet PostingLists::DocsOf(const Clause& clause) const {
  DocSet out;
  for (const Phrase& p : clause.phrases) out = out.empty() ? DocsOf(p) : Unite(out, DocsOf(p));
  return out;
}

// The lists are walked together in docno order; positions are read only
// where all of them meet.
DocSet PostingLists::DocsOf(const Phrase& phrase) const {
  DocSet out;
  if (phrase.terms.size() == 1) {
    const std::vector<PostingRef>& refs = Refs(phrase.terms[0].folded);
    out.reserve(refs.size());
    for (const PostingRef& r : refs) out.push_back(r.docno);
    return out;
  }
  std::vector<const std::vector<PostingRef>*> lists;
  for (const QueryTerm& t : phrase.terms) lists.push_back(&Refs(t.folded));
  // Led by the shortest list, so the others are only stepped through.
  size_t lead = 0;
  for (size_t k = 1; k < lists.size(); ++k)
    if (lists[k]->size() < lists[lead]->size()) lead = k;
  std::vector<size_t> at(lists.size(), 0);
  std::vector<const PostingRef*> refs(lists.size());
  for (const PostingRef& r : *lists[lead]) {
    const uint32_t docno = r.docno;
    bool all = true;
    for (size_t k = 0; k < lists.size() && all; ++k) {
      if (k == lead) continue;
      const std::vector<PostingRef>& list = *lists[k];
      size_t& i = at[k];
      while (i < list.size() && list[i].docno < docno) ++i;
      if (i == list.size()) return out;
      all = list[i].docno == docno;
    }
    if (!all) continue;
    for (size_t k = 0; k < lists.size(); ++k) refs[k] = k == lead ? &r : &(*lists[k])[at[k]];
    if (Adjacent(refs)) out.push_back(docno);
  }
  return out;
}

// Keeps the starts p (positions of the first syllable) for which syllable k
// sits at p + k, one syllable at a time, stopping when none is left.
bool PostingLists::Adjacent(const std::vector<const PostingRef*>& refs) const {
  if (!ReadPositions(refs[0]->payload, &starts_)) return false;
  for (size_t k = 1; k < refs.size() && !starts_.empty(); ++k) {
    if (!ReadPositions(refs[k]->payload, &next_)) return false;
    size_t kept = 0, j = 0;
    for (uint32_t start : starts_) {
      const uint32_t want = start + static_cast<uint32_t>(k);
      while (j < next_.size() && next_[j] < want) ++j;
      if (j < next_.size() && next_[j] == want) starts_[kept++] = start;
    }
    starts_.resize(kept);
  }
  return !starts_.empty();
}

}  // namespace bantin
