// A realistic synthetic corpus for storage and search benchmarks: pages
// recombined from the real sentences of the seeds and fixtures, spread over
// the 63 provinces and ten years, with varied lengths, written the way the
// crawler dumps pages (site name, title, update stamp, paragraphs, byline,
// footer) so they go through the real parser.
#ifndef BANTIN_BENCH_CORPUS_H_
#define BANTIN_BENCH_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace bantin::bench {

class CorpusGenerator {
 public:
  // Reads the sentence pool from the seed and fixture pages under `source_dir`.
  CorpusGenerator(const std::string& source_dir, uint64_t seed);
  // The raw text of page number `n` (deterministic for a given seed).
  std::string Page(uint64_t n);
  size_t sentences() const { return sentences_.size(); }
  size_t clauses() const { return clauses_.size(); }

 private:
  std::vector<std::string> sentences_;
  std::vector<std::string> clauses_;
  uint64_t seed_;
};

}  // namespace bantin::bench

#endif  // BANTIN_BENCH_CORPUS_H_
