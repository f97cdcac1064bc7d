// What --sync costs: ingest into two stores on the same disk, one that
// syncs the write-ahead log before acknowledging each write and one that
// does not, alternated round by round (this machine is shared and noisy:
// the ratio within a round is the number to read). Single writes (one page
// per call, the worst case for sync) and batches of 64.
//
// Run: build/bin/durability_bench [--rounds 5] [--single 200] [--batches 10]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "bench/corpus.h"
#include "tests/test_util.h"

namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kBatch = 64;

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Pages per second putting `items` one at a time, or in batches of kBatch.
double Ingest(bantin::Store& store, const std::vector<bantin::IngestItem>& items, bool batched) {
  const auto t = Clock::now();
  for (size_t at = 0; at < items.size(); at += batched ? kBatch : 1) {
    const size_t end = batched ? std::min(items.size(), at + kBatch) : at + 1;
    const std::vector<bantin::IngestItem> chunk(items.begin() + static_cast<long>(at),
                                                items.begin() + static_cast<long>(end));
    if (!store.PutMany(chunk).ok()) std::exit(1);
  }
  return static_cast<double>(items.size()) / std::chrono::duration<double>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  size_t single = 200, batches = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rounds") rounds = std::atoi(argv[i + 1]);
    if (flag == "--single") single = std::strtoul(argv[i + 1], nullptr, 10);
    if (flag == "--batches") batches = std::strtoul(argv[i + 1], nullptr, 10);
  }
  bantin::bench::CorpusGenerator corpus(BANTIN_SOURCE_DIR, 7);
  uint64_t next = 0;
  const auto pages = [&](size_t n) {
    std::vector<bantin::IngestItem> items;
    for (size_t i = 0; i < n; ++i) {
      const std::string raw = corpus.Page(next++);
      items.push_back({bantin::ParseText(raw), raw, {}});
    }
    return items;
  };
  bantin::testing::TempDir dir;
  auto fast = std::move(*bantin::Store::Open(dir.path() + "/fast"));
  bantin::OpenOptions sync_each;
  sync_each.sync = true;
  auto synced = std::move(*bantin::Store::Open(dir.path() + "/synced", sync_each));
  std::vector<double> single_ratio, batch_ratio, single_fast, single_synced, batch_fast, batch_synced;
  for (int r = 0; r < rounds; ++r) {
    single_fast.push_back(Ingest(*fast, pages(single), false));
    single_synced.push_back(Ingest(*synced, pages(single), false));
    batch_fast.push_back(Ingest(*fast, pages(batches * kBatch), true));
    batch_synced.push_back(Ingest(*synced, pages(batches * kBatch), true));
    single_ratio.push_back(single_synced.back() / single_fast.back());
    batch_ratio.push_back(batch_synced.back() / batch_fast.back());
    std::printf("round %d: one at a time %.0f vs %.0f pages/s with sync (%.2f); batches of %zu %.0f vs %.0f (%.2f)\n",
                r + 1, single_fast.back(), single_synced.back(), single_ratio.back(), kBatch, batch_fast.back(),
                batch_synced.back(), batch_ratio.back());
  }
  std::printf(
      "medians of %d rounds: one at a time %.0f vs %.0f pages/s, sync/no-sync %.2f; "
      "batches of %zu %.0f vs %.0f pages/s, %.2f\n",
      rounds, Median(single_fast), Median(single_synced), Median(single_ratio), kBatch, Median(batch_fast),
      Median(batch_synced), Median(batch_ratio));
  return 0;
}
