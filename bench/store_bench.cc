// Storage and search benchmark on a generated corpus (bench/corpus.h):
// parse rate, ingest rate (batched and one at a time), index size per
// bulletin, and search latency p50/p99 over a fixed query mix, before and
// after a full compaction. Prints what it measured; bench/RESULTS.md
// records it.
//
// Run: build/bin/store_bench [--docs 10000] [--batch 256] [--single 5000] [--rounds 20]
//      [--only QUERY] [--db DIR]
// --db keeps the database in DIR; when DIR already holds --docs bulletins,
// parsing and ingest are skipped and only search is measured (for profiling).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/resource.h>

#include "bantin/index/index_document.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bench/corpus.h"
#include "bench/query_mix.h"
#include "tests/test_util.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

// CPU time of the calling thread: the cost of a search that runs on it
// alone, without the time other processes took the core away (this VM is
// shared; wall-clock varies by 10-25 %). A search walked on two threads
// (large match sets) also runs on a helper, not counted here.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// CPU time of the whole process (every thread: ingest prepares batches on
// all cores, RocksDB flushes and compacts in the background).
double ProcessCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// When set (--only QUERY), the one query searched instead of the mix: for
// profiling a single query.
const char* g_only = nullptr;

void MeasureSearch(const bantin::Store& store, int rounds, const char* label) {
  std::vector<double> all, all_cpu;
  std::printf("search (%s), %d rounds of %zu queries, page size 20, snippets included:\n", label, rounds,
              std::size(bantin::bench::kQueryMix));
  std::vector<const char*> queries(std::begin(bantin::bench::kQueryMix), std::end(bantin::bench::kQueryMix));
  if (g_only) queries = {g_only};
  for (const char* q : queries) {
    std::vector<double> ms, cpu;
    uint64_t total = 0;
    for (int r = 0; r < rounds; ++r) {
      const auto t = Clock::now();
      const double c = ThreadCpuMs();
      auto page = store.Search(q);
      ms.push_back(Seconds(t) * 1000);
      cpu.push_back(ThreadCpuMs() - c);
      if (!page.ok()) {
        std::fprintf(stderr, "%s: %s\n", q, page.status().message().c_str());
        std::exit(1);
      }
      total = page->total;
    }
    std::printf("  %-36s %7llu hits  p50 %7.3f ms  (cpu %7.3f ms)\n", q, static_cast<unsigned long long>(total),
                Percentile(ms, 0.5), Percentile(cpu, 0.5));
    all.insert(all.end(), ms.begin(), ms.end());
    all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
  }
  std::printf("  all queries: p50 %.3f ms, p99 %.3f ms (thread cpu: p50 %.3f ms, p99 %.3f ms)\n", Percentile(all, 0.5),
              Percentile(all, 0.99), Percentile(all_cpu, 0.5), Percentile(all_cpu, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
  size_t docs = 10000, batch = 256, single_docs = 5000;
  int rounds = 20;
  std::string db_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--docs")
      docs = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--batch")
      batch = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--rounds")
      rounds = std::atoi(argv[i + 1]);
    else if (flag == "--only")
      g_only = argv[i + 1];
    else if (flag == "--single")
      single_docs = std::strtoul(argv[i + 1], nullptr, 10);
    else if (flag == "--db")
      db_dir = argv[i + 1];
  }
  if (!db_dir.empty()) {
    auto kept = bantin::Store::Open(db_dir);
    if (!kept.ok()) {
      std::fprintf(stderr, "%s\n", kept.status().message().c_str());
      return 1;
    }
    if ((*kept)->size() >= docs) {
      std::printf("database %s: %llu bulletins, ingest skipped\n", db_dir.c_str(),
                  static_cast<unsigned long long>((*kept)->size()));
      MeasureSearch(**kept, rounds, "kept database");
      return 0;
    }
  }
  bantin::bench::CorpusGenerator corpus(bantin::testing::SourceDir(), 2026);
  std::printf("corpus: %zu pages from %zu real sentences and %zu clauses\n", docs, corpus.sentences(),
              corpus.clauses());

  std::vector<bantin::IngestItem> items;
  uint64_t bytes = 0;
  auto t = Clock::now();
  for (size_t n = 0; n < docs; ++n) {
    std::string raw = corpus.Page(n);
    bytes += raw.size();
    items.push_back({bantin::ParseText(raw), std::move(raw), {}});
  }
  double s = Seconds(t);
  std::printf("parse: %.0f pages/s, %.1f MB/s (mean page %.1f KB)\n", docs / s, bytes / s / 1e6, bytes / 1e3 / docs);

  t = Clock::now();
  size_t terms = 0;
  for (const auto& item : items) terms += bantin::IndexDocument(item.bulletin).terms.size();
  s = Seconds(t);
  std::printf("indexing alone: %.0f bulletins/s (%.0f distinct syllables per bulletin)\n", docs / s,
              static_cast<double>(terms) / docs);

  bantin::testing::TempDir temp;
  const std::string& dir = db_dir.empty() ? temp.path() : db_dir;
  auto store = std::move(*bantin::Store::Open(dir));
  t = Clock::now();
  const double cpu = ProcessCpuSeconds();
  for (size_t at = 0; at < items.size(); at += batch) {
    std::vector<bantin::IngestItem> chunk(items.begin() + at, items.begin() + std::min(items.size(), at + batch));
    if (!store->PutMany(chunk).ok()) return 1;
  }
  s = Seconds(t);
  std::printf("ingest, batches of %zu: %.0f bulletins/s (%zu stored; %.0f ms of CPU per 1,000, all threads)\n", batch,
              docs / s, static_cast<size_t>(store->size()), (ProcessCpuSeconds() - cpu) * 1e6 / docs);

  if (single_docs > 0) {
    bantin::testing::TempDir single_dir;
    auto single = std::move(*bantin::Store::Open(single_dir.path()));
    const size_t n = std::min(docs, single_docs);
    t = Clock::now();
    for (size_t i = 0; i < n; ++i)
      if (!single->Put(items[i].bulletin, items[i].raw).ok()) return 1;
    std::printf("ingest, one at a time: %.0f bulletins/s (first %zu)\n", n / Seconds(t), n);
  }

  MeasureSearch(*store, rounds, "as ingested");
  if (!store->Compact().ok()) return 1;
  std::printf("database: %.2f KB per bulletin after compaction (raw pages included; raw %.2f KB)\n",
              DirectoryBytes(dir) / 1e3 / docs, bytes / 1e3 / docs);
  MeasureSearch(*store, rounds, "compacted");
  return 0;
}
