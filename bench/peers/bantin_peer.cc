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
//   open after a crash: the time to open a copy of the database's files
//     taken while it is open after the batches (what kill -9 leaves; -1
//     when no copy was consistent, compactions replacing files under it): its
//     posting tail, the bulletins since the last merge of it (up to 32 MB
//     of entries), is indexed again from their records;
//   size: the database directory after Store::Compact, per bulletin, raw
//     pages included;
//   search as ingested: the same searches before the compaction, the
//     posting tail holding the newest bulletins (posting_tail.h);
//   search: Store::Search of each query, top 20, the exact total and the
//     province, month and place facets over the whole match set (bantin
//     always counts: the "top only" measure is the same search);
//   quality: of the top 20 for "bão", how many hold the exact syllable
//     "bão" in the title or text.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bench/corpus.h"
#include "bench/peers/peer_common.h"

namespace {

using peer::Clock;

double Ms(Clock::time_point since) { return peer::Seconds(since) * 1e3; }

// Whether the bulletin holds "bão" as typed (peer::HasExactWords: the
// peers' rule, on its title and its blocks' text).
bool HoldsBao(const bantin::Bulletin& b) {
  peer::Doc doc;
  doc.title = b.title;
  for (const auto& block : b.blocks) doc.text += block.text + "\n";
  return peer::HasExactWords(doc, "bão");
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
  const std::vector<std::string> queries = peer::LoadQueries(argv[3]);
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
  const double cpu = peer::CpuMs();
  for (size_t at = 0; at < docs; at += batch) {
    std::vector<bantin::IngestItem> items;
    for (size_t n = at; n < std::min(docs, at + batch); ++n)
      items.push_back({bantin::ParseText(pages[n]), pages[n], {}});
    auto put = store->PutMany(items);
    if (!put.ok()) return Fail(put.status(), "put many"), 1;
  }
  const double batch_ms = Ms(t);
  const double cpu_per_1000 = (peer::CpuMs() - cpu) * 1000 / static_cast<double>(docs);
  std::printf("bantin ingest, batches of %zu: %.0f docs/s, %.0f ms CPU per 1,000 (%llu stored)\n", batch,
              static_cast<double>(docs) / (batch_ms / 1e3), cpu_per_1000,
              static_cast<unsigned long long>(store->size()));
  // Past 100,000 bulletins the copy is gigabytes and RocksDB's compactions
  // replace files while it is taken; there a copy is tried a few times.
  double crash_open_ms = -1;
  for (int attempt = 0; attempt < 3 && crash_open_ms < 0; ++attempt) {
    const std::string copy = dir + "/crashed";
    std::error_code copied;
    std::filesystem::remove_all(copy);
    std::filesystem::copy(dir + "/db", copy, std::filesystem::copy_options::recursive, copied);
    if (copied) continue;  // a file went away under the copy
    const auto t = Clock::now();
    auto reopened = bantin::Store::Open(copy);
    const double ms = Ms(t);
    if (reopened.ok() && (*reopened)->size() == store->size()) crash_open_ms = ms;
  }
  std::filesystem::remove_all(dir + "/crashed");
  if (crash_open_ms < 0)
    std::printf("bantin open after a crash: no consistent copy in 3 tries\n");
  else
    std::printf("bantin open after a crash: %.0f ms\n", crash_open_ms);

  // Each query once to warm up, then the list again and again until `count`
  // searches are timed; false when one fails.
  uint64_t matched = 0;
  const auto time_searches = [&](size_t count, std::vector<double>* ms) {
    for (const auto& q : queries) (void)store->Search(q);
    while (ms->size() < count) {
      for (const auto& q : queries) {
        const auto s = Clock::now();
        auto page = store->Search(q, {.page_size = 20});
        ms->push_back(Ms(s));
        if (!page.ok()) return Fail(page.status(), q.c_str());
        matched += page->total;
      }
    }
    return true;
  };
  // As ingested: the newest bulletins' entries still in the posting tail,
  // a term's list read from RocksDB and the tail joined.
  std::vector<double> as_ingested;
  if (!time_searches(200, &as_ingested)) return 1;
  std::printf("bantin search as ingested, %zu timed: p50 %.3f ms, p99 %.3f ms\n", as_ingested.size(),
              peer::Percentile(as_ingested, 0.5), peer::Percentile(as_ingested, 0.99));
  if (auto s = store->Compact(); !s.ok()) return Fail(s, "compact"), 1;
  const double bytes_per_doc = static_cast<double>(peer::PathBytes(dir + "/db")) / static_cast<double>(docs);

  std::vector<double> ms;
  if (!time_searches(500, &ms)) return 1;
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
              peer::Percentile(ms, 0.5), peer::Percentile(ms, 0.99), exact, bao->hits.size());
  peer::Report report;
  report.engine = "bantin";
  report.docs = static_cast<double>(docs);
  report.ingest_single_docs_per_s = single_per_s;
  report.ingest_batch_docs_per_s = static_cast<double>(docs) / (batch_ms / 1e3);
  report.cpu_ms_per_1000_batch = cpu_per_1000;
  report.bytes_per_doc = bytes_per_doc;
  // bantin always counts and computes the facets: "top only" is the same search.
  report.search_exact_p50_ms = report.search_top_p50_ms = peer::Percentile(ms, 0.5);
  report.search_exact_p99_ms = report.search_top_p99_ms = peer::Percentile(ms, 0.99);
  report.quality_bao_exact_in_top20 = exact;
  std::printf("%s\n", peer::ReportJson(report)
                          .Num("open_after_crash_ms", crash_open_ms)
                          .Num("search_as_ingested_p50_ms", peer::Percentile(as_ingested, 0.5))
                          .Num("search_as_ingested_p99_ms", peer::Percentile(as_ingested, 0.99))
                          .Line()
                          .c_str());
  return 0;
}
