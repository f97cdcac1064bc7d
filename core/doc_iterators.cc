#include "core/doc_iterators.h"

#include <algorithm>

namespace bantin {
namespace {

// Documents holding one syllable.
class TermDocs : public DocIterator {
 public:
  explicit TermDocs(std::string_view list) : entries_(list) { Update(); }
  void SeekTo(uint32_t target) override {
    if (target <= doc_) return;
    entries_.SeekTo(target);
    Update();
  }
  bool bad() const override { return entries_.bad(); }

 private:
  void Update() { doc_ = entries_.done() ? kEnd : entries_.docno(); }
  EntryCursor entries_;
};

// Documents holding the syllables of a phrase adjacent and in order. The
// lists are walked together; positions are read only where all of them meet,
// and only up to the first place the phrase occurs.
class PhraseDocs : public DocIterator {
 public:
  explicit PhraseDocs(const std::vector<std::string_view>& lists) : positions_(lists.size()) {
    for (std::string_view list : lists) entries_.emplace_back(list);
    Find(0);
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
      for (size_t k = 0, agreed = 0; agreed < entries_.size(); k = (k + 1) % entries_.size()) {
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

  // A start p (a position of the first syllable) holds when syllable k sits
  // at p + k for every k; when one sits further on, at p + k + g, no start
  // before p + g can hold.
  bool Adjacent() {
    for (size_t k = 0; k < entries_.size(); ++k)
      if (!positions_[k].Reset(entries_[k].payload())) return false;
    PositionCursor& first = positions_[0];
    while (!first.done()) {
      const uint32_t start = first.value();
      uint32_t next_start = start;
      for (size_t k = 1; k < positions_.size(); ++k) {
        PositionCursor& c = positions_[k];
        const uint32_t want = start + static_cast<uint32_t>(k);
        c.SeekTo(want);
        if (c.done()) return false;
        if (c.value() != want) {
          next_start = c.value() - static_cast<uint32_t>(k);
          break;
        }
      }
      if (next_start == start) return true;
      first.SeekTo(next_start);
    }
    return false;
  }

  std::vector<EntryCursor> entries_;
  std::vector<PositionCursor> positions_;
};

// Documents of any of the children.
class AnyDocs : public DocIterator {
 public:
  explicit AnyDocs(std::vector<std::unique_ptr<DocIterator>> children) : children_(std::move(children)) {
    Update();
  }
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
        for (size_t k = 0, agreed = 0; agreed < all_.size(); k = (k + 1) % all_.size()) {
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

Status PostingSource::Load(const std::vector<std::string>& keys) {
  for (const std::string& key : keys)
    if (Status s = index_.Postings(key, &lists_[key]); !s.ok()) return s;
  return Status::Ok();
}

std::unique_ptr<DocIterator> ClauseDocs(const PostingSource& lists, const Clause& clause) {
  std::vector<std::unique_ptr<DocIterator>> phrases;
  for (const Phrase& p : clause.phrases) {
    if (p.terms.size() == 1) {
      phrases.push_back(std::make_unique<TermDocs>(lists.List(p.terms[0].folded)));
      continue;
    }
    std::vector<std::string_view> syllables;
    for (const QueryTerm& t : p.terms) syllables.push_back(lists.List(t.folded));
    phrases.push_back(std::make_unique<PhraseDocs>(syllables));
  }
  if (phrases.size() == 1) return std::move(phrases[0]);
  return std::make_unique<AnyDocs>(std::move(phrases));
}

std::unique_ptr<DocIterator> MatchDocs(std::vector<std::unique_ptr<DocIterator>> all,
                                       std::vector<std::unique_ptr<DocIterator>> none, uint32_t limit) {
  return std::make_unique<MatchingDocs>(std::move(all), std::move(none), limit);
}

}  // namespace bantin
