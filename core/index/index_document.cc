// IndexDocument: a bulletin's syllables as posting entries. It runs for every
// page ingested (and every page a browser opens), so its per-page tables are
// flat arrays probed in place: a page's few hundred distinct syllables and
// spellings cost no allocation each.
#include <algorithm>

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
  doc.terms.reserve(384);
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
        Slot& slot = slots.Probe(folded_hash, [&](const Slot& s) { return doc.terms[s.slot].first == t.folded; });
        const bool fresh = slot.hash == 0;
        if (fresh) {
          slot = {folded_hash, static_cast<uint32_t>(doc.terms.size())};
          doc.terms.emplace_back(t.folded, TermInDoc{});
        }
        spelling = {word_hash, word, slot.slot, VariantHash(t.exact)};
        if (fresh) slots.Added();  // after the last use of `slot`
        probe = spelling;
        spellings.Added();
      }
      TermInDoc& term = doc.terms[spelling.slot].second;
      ++term.tf[field];
      auto it = std::find_if(term.variants.begin(), term.variants.end(),
                             [&](const auto& v) { return v.first == spelling.variant; });
      if (it == term.variants.end())
        term.variants.emplace_back(spelling.variant, 1);
      else
        ++it->second;
      term.positions.push_back(position++);
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
  std::sort(doc.terms.begin(), doc.terms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return doc;
}

}  // namespace bantin
