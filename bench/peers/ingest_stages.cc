// Where a batch's ingest time goes, stage by stage, on the pages
// bantin_peer ingests (bench/corpus.h, seed 42). Each round runs three
// passes over the same N pages, in a rotated order:
//   parse:          ParseText of every page;
//   parse + index:  ParseText, then IndexDocument (the posting entries a
//                   page adds, as Store and the memory index compute them);
//   whole ingest:   ParseText, then Store::PutMany in batches of B into a
//                   fresh database (bantin_peer's batch measure).
// The process's CPU time per 1,000 pages is printed for each (every thread:
// RocksDB's flushes and compactions count in the last), medians over the
// rounds. Run it pinned to one core, as run.sh runs the peers:
//
//   taskset -c 1 build/bin/ingest_stages N DBDIR [--rounds R] [--batch B]
//                                        [--peer-docs-per-s D]
//
// With --peer-docs-per-s (a peer's batch rate from the same run), it also
// prints the CPU per 1,000 that 1.5 times that rate leaves, beside what
// parsing and indexing alone take.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bantin/index/index_document.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bench/corpus.h"
#include "bench/peers/peer_common.h"

namespace {

// A stage's CPU per 1,000 pages; -1 when it failed.
using Stage = double (*)(const std::vector<std::string>& pages, const std::string& dir, size_t batch);

double PerThousand(double cpu_ms, size_t pages) { return cpu_ms * 1000 / static_cast<double>(pages); }

double ParseOnly(const std::vector<std::string>& pages, const std::string&, size_t) {
  const double cpu = peer::CpuMs();
  size_t blocks = 0;
  for (const std::string& page : pages) blocks += bantin::ParseText(page).blocks.size();
  if (blocks == 0) return -1;  // keeps the work, and says the corpus is broken
  return PerThousand(peer::CpuMs() - cpu, pages.size());
}

double ParseAndIndex(const std::vector<std::string>& pages, const std::string&, size_t) {
  const double cpu = peer::CpuMs();
  size_t terms = 0;
  for (const std::string& page : pages) terms += bantin::IndexDocument(bantin::ParseText(page)).terms.size();
  if (terms == 0) return -1;
  return PerThousand(peer::CpuMs() - cpu, pages.size());
}

double WholeIngest(const std::vector<std::string>& pages, const std::string& dir, size_t batch) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  double per_thousand = -1;
  {
    auto store = bantin::Store::Open(dir);
    if (!store.ok()) return std::fprintf(stderr, "ingest_stages: open: %s\n", store.status().message().c_str()), -1;
    const double cpu = peer::CpuMs();
    for (size_t at = 0; at < pages.size(); at += batch) {
      std::vector<bantin::IngestItem> items;
      for (size_t n = at; n < std::min(pages.size(), at + batch); ++n)
        items.push_back({bantin::ParseText(pages[n]), pages[n], {}});
      auto put = (*store)->PutMany(items);
      if (!put.ok()) return std::fprintf(stderr, "ingest_stages: put many: %s\n", put.status().message().c_str()), -1;
    }
    per_thousand = PerThousand(peer::CpuMs() - cpu, pages.size());
  }
  std::filesystem::remove_all(dir);
  return per_thousand;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: ingest_stages N DBDIR [--rounds R] [--batch B] [--peer-docs-per-s D]\n");
    return 2;
  }
  const size_t docs = std::strtoul(argv[1], nullptr, 10);
  const std::string dir = argv[2];
  size_t rounds = 3, batch = 1000;
  double peer_rate = 0;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rounds") rounds = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--batch") batch = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--peer-docs-per-s") peer_rate = std::strtod(argv[i + 1], nullptr);
  }
  if (docs == 0 || rounds == 0 || batch == 0) {
    std::fprintf(stderr, "ingest_stages: N, rounds and batch must be positive\n");
    return 2;
  }
  bantin::bench::CorpusGenerator corpus(BANTIN_SOURCE_DIR, 42);
  std::vector<std::string> pages(docs);
  for (size_t n = 0; n < docs; ++n) pages[n] = corpus.Page(n);

  const struct {
    const char* name;
    Stage run;
  } stages[] = {{"parse", ParseOnly}, {"parse + index", ParseAndIndex}, {"whole ingest (batches)", WholeIngest}};
  std::vector<double> measured[3];
  for (size_t round = 0; round < rounds; ++round)
    for (size_t k = 0; k < 3; ++k) {
      const size_t s = (round + k) % 3;  // each stage takes each place in turn
      const double ms = stages[s].run(pages, dir, batch);
      if (ms < 0) return 1;
      measured[s].push_back(ms);
    }
  double median[3];
  std::printf("CPU per 1,000 pages (%zu pages, batches of %zu), medians of %zu round(s):\n", docs, batch, rounds);
  for (size_t s = 0; s < 3; ++s) {
    median[s] = peer::Percentile(measured[s], 0.5);
    std::printf("  %-24s %6.0f ms (", stages[s].name, median[s]);
    for (size_t r = 0; r < measured[s].size(); ++r) std::printf("%s%.0f", r ? " / " : "", measured[s][r]);
    std::printf(")\n");
  }
  std::printf("  so: parsing %.0f, indexing %.0f, storing (records, raw pages, RocksDB) %.0f ms\n", median[0],
              median[1] - median[0], median[2] - median[1]);
  if (peer_rate > 0)
    std::printf(
        "  1.5x a peer's %.0f docs/s leaves %.0f ms per 1,000 for everything; parsing and indexing "
        "alone take %.0f\n",
        peer_rate, 1e6 / (1.5 * peer_rate), median[1]);
  return 0;
}
