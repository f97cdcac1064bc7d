// A realistic synthetic corpus for storage and search benchmarks: pages
// recombined from real sentences, spread over the 63 provinces and ten
// years, with varied lengths, written the way the crawler dumps pages (site
// name, title, update stamp, paragraphs, byline, footer) so they go through
// the real parser.
//
// The pool: the paragraph sentences (cut at ". ", over 40 bytes) and their
// clauses (cut at ", " and "; ", over 15 bytes) of every page of seeds/*.txt,
// tests/fixtures/*.txt and tests/pages (the parser's development corpus, of
// many national and provincial outlets; the 39 pages held back from the
// parser's development are left out here too: .txt through ParseText, .html
// through Parse of bantin/html/document.h), each distinct sentence and
// clause once.
//
// Sampling: a page has a topic, the source page of its first sentence
// (drawn uniformly over the pool, so a source weighs by its sentence
// count); 85 % of its sentences and clauses are the topic's, each used once,
// in order (the sentences from the first one on, the clauses from a random
// one), the rest (and what a short source runs out of) come from anywhere
// in the pool. Drawing every slot about uniformly over a large real pool
// makes term frequencies follow the real pages'; keeping to a topic, as
// real articles do, makes a word frequent in a few pages rather than
// present in all, so document frequencies follow them too. The vocabulary
// is closed: past a few thousand pages no new word appears.
// bench/peers/term_stats.py compares a bundle of these pages with one of the
// real pages; bench/RESULTS.md ("The generated corpus") has the numbers.
#ifndef BANTIN_BENCH_CORPUS_H_
#define BANTIN_BENCH_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace bantin {
struct Bulletin;
}

namespace bantin::bench {

class CorpusGenerator {
 public:
  // Reads the pool from the seeds, fixtures and tests/pages under `source_dir`
  // (about 0.2 s: the HTML pages go through gumbo).
  CorpusGenerator(const std::string& source_dir, uint64_t seed);
  // The raw text of page number `n` (deterministic for a given seed).
  std::string Page(uint64_t n);
  size_t sentences() const { return sentences_.size(); }
  size_t clauses() const { return clauses_.size(); }
  // How many of those come from the seeds and fixtures (the pool's start).
  size_t seed_sentences() const { return seed_sentences_; }
  size_t seed_clauses() const { return seed_clauses_; }

 private:
  // A source page's sentences and clauses: [begin, end) in the pools.
  struct Source {
    size_t sentence_begin, sentence_end, clause_begin, clause_end;
  };
  struct Seen;  // what the pools hold already
  void Add(const Bulletin& b, Seen& seen);

  std::vector<std::string> sentences_;
  std::vector<std::string> clauses_;
  std::vector<Source> sources_;  // in pool order
  size_t seed_sentences_ = 0, seed_clauses_ = 0;
  uint64_t seed_;
};

}  // namespace bantin::bench

#endif  // BANTIN_BENCH_CORPUS_H_
