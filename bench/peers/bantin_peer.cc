// bantin's side of the peer benchmark (bench/peers/run.sh): the same
// measures as fts5_peer and xapian_peer, end to end. Where the peers are
// given each bulletin's text, bantin is given the raw page the crawler
// wrote (bench/corpus.h, seed 42: the pages `make_bundle --generated N`
// bundles, whose text the peers index), and parses, indexes and stores it
// with the raw page kept, on RocksDB (Store, the server's storage).
//
//   bantin_peer N DBDIR QUERIES [--batch B] [--single S]
//
// Prints the measures as it goes and, last, one JSON line:
//   ingest, one at a time: Store::Put per page (parse included), for the
//     first min(N, S) pages (as the peers: S = 2000), into a database of
//     its own; each Put is one RocksDB write batch, in the write-ahead log
//     before it returns, not fsynced (the service's default; `--sync` is
//     the durable mode, bench/RESULTS.md "Durability");
//   ingest, batches: every page parsed and stored by PutMany in batches
//     of B (default 1000, as the peers);
//   CPU per 1,000 in batches: the process's CPU time (every thread:
//     RocksDB's flushes and compactions count), run pinned to one core;
//   size: the database directory after Store::Compact, per bulletin, raw
//     pages included;
//   search: Store::Search of each query, top 20, the exact total and the
//     province, month and place facets over the whole match set (bantin
//     always counts: the "top only" measure is the same search);
//   quality: of the top 20 for "bão", how many hold the exact syllable
//     "bão" in the title or text.
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bench/corpus.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point since) { return std::chrono::duration<double, std::milli>(Clock::now() - since).count(); }

double ProcessCpuMs() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e6 +
          static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec)) /
         1e3;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

uint64_t DirectoryBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return total;
}

std::vector<std::string> ReadQueries(const char* path) {
  std::vector<std::string> queries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') queries.push_back(line);
  return queries;
}

// Whether `text` holds `word` as a whole syllable: bounded by the ends, an
// ASCII byte that is not a letter or digit, or a general punctuation mark
// (U+2000-U+203F, as the quotes “ ” and the ellipsis: E2 80 xx in UTF-8).
// Vietnamese letters beyond ASCII are never single bytes.
bool HasSyllable(const std::string& text, const std::string& word) {
  const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  const auto punctuation = [&](size_t at) { return at + 1 < text.size() && byte(at) == 0xE2 && byte(at + 1) == 0x80; };
  const auto ascii_break = [&](size_t at) { return byte(at) < 0x80 && !std::isalnum(byte(at)); };
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool before = at == 0 || ascii_break(at - 1) || (at >= 3 && punctuation(at - 3));
    const bool after = end >= text.size() || ascii_break(end) || punctuation(end);
    if (before && after) return true;
  }
  return false;
}

bool HoldsBao(const bantin::Bulletin& b) {
  for (const char* form : {"bão", "Bão", "BÃO"}) {
    if (HasSyllable(b.title, form)) return true;
    for (const auto& block : b.blocks)
      if (HasSyllable(block.text, form)) return true;
  }
  return false;
}

bool Fail(const bantin::Status& s, const char* what) {
  std::fprintf(stderr, "bantin_peer: %s: %s\n", what, s.message().c_str());
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bantin_peer N DBDIR QUERIES [--batch B] [--single S]\n");
    return 2;
  }
  const size_t docs = std::strtoul(argv[1], nullptr, 10);
  const std::string dir = argv[2];
  const std::vector<std::string> queries = ReadQueries(argv[3]);
  size_t batch = 1000, single = 2000;
  for (int i = 4; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--batch") batch = std::strtoul(argv[i + 1], nullptr, 10);
    if (std::string(argv[i]) == "--single") single = std::strtoul(argv[i + 1], nullptr, 10);
  }
  if (docs == 0 || batch == 0 || queries.empty()) {
    std::fprintf(stderr, "bantin_peer: nothing to measure (N, batch and the query list must not be empty)\n");
    return 2;
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  // The pages are written before any clock starts: the peers are timed
  // from text already in memory too.
  bantin::bench::CorpusGenerator corpus(BANTIN_SOURCE_DIR, 42);
  std::vector<std::string> pages(docs);
  for (size_t n = 0; n < docs; ++n) pages[n] = corpus.Page(n);

  // One at a time, into a database of its own.
  const size_t one_by_one = std::min(docs, single);
  double single_per_s = 0;
  {
    auto store = bantin::Store::Open(dir + "/single");
    if (!store.ok()) return Fail(store.status(), "open"), 1;
    const auto t = Clock::now();
    for (size_t n = 0; n < one_by_one; ++n) {
      auto put = (*store)->Put(bantin::ParseText(pages[n]), pages[n]);
      if (!put.ok()) return Fail(put.status(), "put"), 1;
    }
    single_per_s = static_cast<double>(one_by_one) / (Ms(t) / 1e3);
  }
  std::filesystem::remove_all(dir + "/single");
  std::printf("bantin ingest, one at a time: %.0f docs/s (first %zu)\n", single_per_s, one_by_one);

  auto opened = bantin::Store::Open(dir + "/db");
  if (!opened.ok()) return Fail(opened.status(), "open"), 1;
  auto& store = *opened;
  const auto t = Clock::now();
  const double cpu = ProcessCpuMs();
  for (size_t at = 0; at < docs; at += batch) {
    std::vector<bantin::IngestItem> items;
    for (size_t n = at; n < std::min(docs, at + batch); ++n)
      items.push_back({bantin::ParseText(pages[n]), pages[n], {}});
    auto put = store->PutMany(items);
    if (!put.ok()) return Fail(put.status(), "put many"), 1;
  }
  const double batch_ms = Ms(t);
  const double cpu_per_1000 = (ProcessCpuMs() - cpu) * 1000 / static_cast<double>(docs);
  std::printf("bantin ingest, batches of %zu: %.0f docs/s, %.0f ms CPU per 1,000 (%llu stored)\n", batch,
              static_cast<double>(docs) / (batch_ms / 1e3), cpu_per_1000,
              static_cast<unsigned long long>(store->size()));
  if (auto s = store->Compact(); !s.ok()) return Fail(s, "compact"), 1;
  const double bytes_per_doc = static_cast<double>(DirectoryBytes(dir + "/db")) / static_cast<double>(docs);

  // Warm-up: each query once; then the list again and again, 500 or more.
  for (const auto& q : queries) (void)store->Search(q);
  std::vector<double> ms;
  uint64_t matched = 0;
  while (ms.size() < 500) {
    for (const auto& q : queries) {
      const auto s = Clock::now();
      auto page = store->Search(q, {.page_size = 20});
      ms.push_back(Ms(s));
      if (!page.ok()) return Fail(page.status(), q.c_str()), 1;
      matched += page->total;
    }
  }
  if (matched == 0) return std::fprintf(stderr, "bantin_peer: no query matched anything\n"), 1;
  auto bao = store->Search("bão", {.page_size = 20});
  if (!bao.ok()) return Fail(bao.status(), "bão"), 1;
  int exact = 0;
  for (const auto& hit : bao->hits) {  // a hit's bulletin has no blocks: the record has
    auto record = store->Get(hit.bulletin.id);
    if (!record.ok()) return Fail(record.status(), "get"), 1;
    exact += HoldsBao(record->bulletin) ? 1 : 0;
  }
  std::printf("bantin search, %zu timed: p50 %.3f ms, p99 %.3f ms; \"bão\": %d of the top %zu exact\n", ms.size(),
              Percentile(ms, 0.5), Percentile(ms, 0.99), exact, bao->hits.size());
  std::printf(
      "{\"engine\":\"bantin\",\"docs\":%zu,\"ingest_single_docs_per_s\":%.1f,\"ingest_batch_docs_per_s\":%.1f,"
      "\"cpu_ms_per_1000_batch\":%.1f,\"bytes_per_doc\":%.1f,\"search_exact_p50_ms\":%.4f,"
      "\"search_exact_p99_ms\":%.4f,\"search_top_p50_ms\":%.4f,\"search_top_p99_ms\":%.4f,"
      "\"quality_bao_exact_in_top20\":%d}\n",
      docs, single_per_s, static_cast<double>(docs) / (batch_ms / 1e3), cpu_per_1000, bytes_per_doc,
      Percentile(ms, 0.5), Percentile(ms, 0.99), Percentile(ms, 0.5), Percentile(ms, 0.99), exact);
  return 0;
}
