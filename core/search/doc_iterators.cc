#include "doc_iterators.h"

#include <algorithm>

namespace bantin {
namespace {

// Documents holding one syllable.
class TermDocs : public DocIterator {
 public:
  TermDocs(const std::string& folded, PostingRuns list) : folded_(folded), entries_(list) { Update(); }
  const EntryCursor* EntriesAtDoc(const std::string& folded) const override {
    return folded == folded_ ? &entries_ : nullptr;
  }
  void SeekTo(uint32_t target) override {
    if (target <= doc_) return;
    entries_.SeekTo(target);
    Update();
  }
  bool bad() const override { return entries_.bad(); }

 private:
  void Update() { doc_ = entries_.done() ? kEnd : entries_.docno(); }
  const std::string folded_;
  EntryCursor entries_;
};

// Documents holding the syllables of a phrase adjacent and in order. The
// lists are walked together; positions are read only where all of them meet,
// and only up to the first place the phrase occurs.
class PhraseDocs : public DocIterator {
 public:
  PhraseDocs(const std::vector<std::string>& syllables, const std::vector<PostingRuns>& lists)
      : syllables_(syllables), positions_(lists.size()) {
    for (const PostingRuns& list : lists) entries_.emplace_back(list);
    Find(0);
  }
  const EntryCursor* EntriesAtDoc(const std::string& folded) const override {
    for (size_t k = 0; k < syllables_.size(); ++k)
      if (syllables_[k] == folded) return &entries_[k];
    return nullptr;
  }
  void SeekTo(uint32_t target) override {
    if (target > doc_) Find(target);
  }
  bool bad() const override {
    return std::any_of(entries_.begin(), entries_.end(), [](const EntryCursor& e) { return e.bad(); });
  }

 private:
  void Find(uint32_t d) {
    for (;;) {
      // Leapfrog: every list to the first docno all of them hold from d on.
      for (size_t k = 0, agreed = 0; agreed < entries_.size(); k = k + 1 == entries_.size() ? 0 : k + 1) {
        EntryCursor& e = entries_[k];
        e.SeekTo(d);
        if (e.done()) {
          doc_ = kEnd;
          return;
        }
        if (e.docno() == d) {
          ++agreed;
        } else {
          d = e.docno();
          agreed = 1;
        }
      }
      if (Adjacent()) {
        doc_ = d;
        return;
      }
      ++d;
    }
  }

  // A start p holds when syllable k sits at p + k for every k. Leapfrog
  // over starts: syllable k at position q proposes start q - k; a cursor
  // behind the proposal moves to it, one past it proposes a later start. The
  // syllable with the fewest occurrences goes first, so proposals jump far.
  bool Adjacent() {
    order_.clear();
    for (size_t k = 0; k < entries_.size(); ++k) {
      if (!positions_[k].Reset(entries_[k].payload())) return false;
      order_.push_back(static_cast<uint32_t>(k));
    }
    // Insertion sort: a phrase has a handful of syllables.
    for (size_t i = 1; i < order_.size(); ++i)
      for (size_t j = i; j > 0 && positions_[order_[j]].left() < positions_[order_[j - 1]].left(); --j)
        std::swap(order_[j], order_[j - 1]);
    uint32_t start = 0;
    for (size_t i = 0, agreed = 0; agreed < order_.size(); i = i + 1 == order_.size() ? 0 : i + 1) {
      const uint32_t k = order_[i];
      PositionCursor& c = positions_[k];
      c.SeekTo(start + k);
      if (c.done()) return false;
      const uint32_t proposed = c.value() - k;
      if (proposed == start) {
        ++agreed;
      } else {
        start = proposed;
        agreed = 1;
      }
    }
    return true;
  }

  const std::vector<std::string> syllables_;
  std::vector<EntryCursor> entries_;
  std::vector<PositionCursor> positions_;
  std::vector<uint32_t> order_;  // syllables by occurrences, fewest first
};

// Documents of any of the children.
class AnyDocs : public DocIterator {
 public:
  explicit AnyDocs(std::vector<std::unique_ptr<DocIterator>> children) : children_(std::move(children)) { Update(); }
  void SeekTo(uint32_t target) override {
    if (target <= doc_) return;
    for (auto& c : children_) c->SeekTo(target);
    Update();
  }
  bool bad() const override {
    return std::any_of(children_.begin(), children_.end(), [](const auto& c) { return c->bad(); });
  }

 private:
  void Update() {
    doc_ = kEnd;
    for (const auto& c : children_) doc_ = std::min(doc_, c->doc());
  }
  std::vector<std::unique_ptr<DocIterator>> children_;
};

// Documents of every child of `all` (every docno below the limit when there
// is none) and of no child of `none`.
class MatchingDocs : public DocIterator {
 public:
  MatchingDocs(std::vector<std::unique_ptr<DocIterator>> all, std::vector<std::unique_ptr<DocIterator>> none,
               uint32_t limit)
      : all_(std::move(all)), none_(std::move(none)), limit_(limit) {
    Find(0);
  }
  void SeekTo(uint32_t target) override {
    if (target > doc_) Find(target);
  }
  const EntryCursor* EntriesAtDoc(const std::string& folded) const override {
    for (const auto& c : all_)
      if (const EntryCursor* e = c->EntriesAtDoc(folded)) return e;
    return nullptr;
  }
  bool bad() const override {
    const auto bad = [](const auto& c) { return c->bad(); };
    return std::any_of(all_.begin(), all_.end(), bad) || std::any_of(none_.begin(), none_.end(), bad);
  }

 private:
  void Find(uint32_t d) {
    for (;; ++d) {
      if (all_.empty()) {
        if (d >= limit_) {
          doc_ = kEnd;
          return;
        }
      } else {
        for (size_t k = 0, agreed = 0; agreed < all_.size(); k = k + 1 == all_.size() ? 0 : k + 1) {
          all_[k]->SeekTo(d);
          const uint32_t at = all_[k]->doc();
          if (at == kEnd) {
            doc_ = kEnd;
            return;
          }
          if (at == d) {
            ++agreed;
          } else {
            d = at;
            agreed = 1;
          }
        }
      }
      const bool excluded = std::any_of(none_.begin(), none_.end(), [d](const auto& c) {
        c->SeekTo(d);
        return c->doc() == d;
      });
      if (!excluded) {
        doc_ = d;
        return;
      }
    }
  }

  std::vector<std::unique_ptr<DocIterator>> all_, none_;
  uint32_t limit_;
};

}  // namespace

Status PostingSource::Load(const std::vector<std::string>& keys, const std::vector<std::string>& positional) {
  for (const std::string& key : keys) {
    const bool positions = std::find(positional.begin(), positional.end(), key) != positional.end();
    Status s = positions ? index_.Postings(key, &lists_[key]) : index_.PostingsWithoutPositions(key, &lists_[key]);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

std::unique_ptr<DocIterator> ClauseDocs(const PostingSource& lists, const Clause& clause) {
  std::vector<std::unique_ptr<DocIterator>> phrases;
  for (const Phrase& p : clause.phrases) {
    if (p.terms.size() == 1) {
      phrases.push_back(std::make_unique<TermDocs>(p.terms[0].folded, lists.List(p.terms[0].folded)));
      continue;
    }
    std::vector<std::string> syllables;
    std::vector<PostingRuns> entries;
    for (const QueryTerm& t : p.terms) {
      syllables.push_back(t.folded);
      entries.push_back(lists.List(t.folded));
    }
    phrases.push_back(std::make_unique<PhraseDocs>(syllables, entries));
  }
  if (phrases.size() == 1) return std::move(phrases[0]);
  return std::make_unique<AnyDocs>(std::move(phrases));
}

std::unique_ptr<DocIterator> MatchDocs(std::vector<std::unique_ptr<DocIterator>> all,
                                       std::vector<std::unique_ptr<DocIterator>> none, uint32_t limit) {
  if (all.size() == 1 && none.empty()) return std::move(all[0]);
  return std::make_unique<MatchingDocs>(std::move(all), std::move(none), limit);
}

}  // namespace bantin
