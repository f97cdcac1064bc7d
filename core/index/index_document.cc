// IndexDocument: a bulletin's syllables as posting entries. It runs for every
// page ingested (and every page a browser opens), so its per-page tables are
// flat arrays probed in place: a page's few hundred distinct syllables and
// spellings cost no allocation each.
#include <algorithm>
#include <numeric>

#include "bantin/digest.h"
#include "bantin/index/index_document.h"
#include "bantin/index/posting.h"
#include "bantin/text/text.h"

namespace bantin {
namespace {

// Open addressing with linear probing over a power-of-two array, grown at
// half full. `Entry` has `hash` (0 = empty; real hashes are forced odd).
template <typename Entry>
class FlatTable {
 public:
  explicit FlatTable(size_t capacity) : entries_(capacity) {}

  static uint32_t HashOf(std::string_view key) { return Fnv1a32(key) | 1; }

  // The entry of `key` (for which `same(entry)` holds), or the empty entry
  // where it belongs; fill that one in and call Added().
  template <typename Same>
  Entry& Probe(uint32_t hash, Same same) {
    const size_t mask = entries_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Entry& e = entries_[i];
      if (e.hash == 0 || (e.hash == hash && same(e))) return e;
    }
  }

  // After filling an empty entry. May move entries: references die.
  void Added() {
    if (++size_ * 2 <= entries_.size()) return;
    std::vector<Entry> old(entries_.size() * 2);
    old.swap(entries_);
    const size_t mask = entries_.size() - 1;
    for (const Entry& e : old) {
      if (e.hash == 0) continue;
      size_t i = e.hash & mask;
      while (entries_[i].hash != 0) i = (i + 1) & mask;
      entries_[i] = e;
    }
  }

 private:
  std::vector<Entry> entries_;
  size_t size_ = 0;
};

// A spelling seen in the page (a span of its text): its term and variant.
struct Spelling {
  uint32_t hash = 0;
  std::string_view word;
  uint32_t slot = 0;
  uint16_t variant = 0;
};

// A folded key: its index in DocumentTerms::terms (the key lives there).
struct Slot {
  uint32_t hash = 0;
  uint32_t slot = 0;
};

}  // namespace

DocumentTerms IndexDocument(const Bulletin& b) {
  DocumentTerms doc;
  // A page repeats its syllables (about 800 of them, 250 distinct), so each
  // distinct spelling is keyed once: its term slot and its variant.
  FlatTable<Spelling> spellings(1024);
  FlatTable<Slot> slots(512);
  std::vector<std::pair<std::string, TermInDoc>> terms;  // in order of first sight
  terms.reserve(384);
  // Each syllable's term slot and position, in text order: the positions are
  // given out once the scan has counted them, one exact allocation per term
  // instead of a vector grown by doubling.
  std::vector<std::pair<uint32_t, uint32_t>> occurrences;
  occurrences.reserve(1024);
  uint32_t position = 0;
  const auto add = [&](const std::string& text, Field field) {
    for (const auto& [begin, end] : SyllableSpans(text)) {
      const std::string_view word(text.data() + begin, end - begin);
      const uint32_t word_hash = FlatTable<Spelling>::HashOf(word);
      Spelling& probe = spellings.Probe(word_hash, [&](const Spelling& s) { return s.word == word; });
      Spelling spelling = probe;
      if (spelling.hash == 0) {
        const std::vector<Token> tokens = Tokenize(word);  // one: the span is a syllable
        if (tokens.empty()) continue;
        const Token& t = tokens[0];
        const uint32_t folded_hash = FlatTable<Slot>::HashOf(t.folded);
        Slot& slot = slots.Probe(folded_hash, [&](const Slot& s) { return terms[s.slot].first == t.folded; });
        const bool fresh = slot.hash == 0;
        if (fresh) {
          slot = {folded_hash, static_cast<uint32_t>(terms.size())};
          terms.emplace_back(t.folded, TermInDoc{});
        }
        spelling = {word_hash, word, slot.slot, VariantHash(t.exact)};
        if (fresh) slots.Added();  // after the last use of `slot`
        probe = spelling;
        spellings.Added();
      }
      TermInDoc& term = terms[spelling.slot].second;
      ++term.tf[field];
      auto it = std::find_if(term.variants.begin(), term.variants.end(),
                             [&](const auto& v) { return v.first == spelling.variant; });
      if (it == term.variants.end())
        term.variants.emplace_back(spelling.variant, 1);
      else
        ++it->second;
      occurrences.emplace_back(spelling.slot, position++);
      ++doc.length[field];
    }
    ++position;
  };
  add(b.title, kTitleField);
  bool lead_seen = false;
  for (const Block& block : b.blocks) {
    const bool lead = !lead_seen && block.kind == BlockKind::kParagraph;
    lead_seen = lead_seen || lead;
    add(block.text, lead ? kLeadField : kBodyField);
  }
  for (auto& [key, term] : terms) {
    uint32_t count = 0;
    for (uint32_t tf : term.tf) count += tf;
    term.positions.reserve(count);
  }
  for (const auto& [slot, at] : occurrences) terms[slot].second.positions.push_back(at);
  // Sorted by key through their slot numbers, each term then moved once,
  // rather than swapping strings and vectors about in the sort.
  std::vector<uint32_t> order(terms.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return terms[a].first < terms[b].first; });
  doc.terms.reserve(terms.size());
  for (uint32_t i : order) doc.terms.push_back(std::move(terms[i]));
  return doc;
}

}  // namespace bantin
