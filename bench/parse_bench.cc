// Parse throughput on the seed pages, on a 1 MB page built from them, and on
// the raw HTML pages of tests/pages through the HTML front end.
// Run: build/bin/parse_bench
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bantin/html/document.h"
#include "bantin/parse/parser.h"
#include "tests/test_util.h"

namespace {

std::vector<std::string> Seeds() {
  std::vector<std::string> out;
  for (const std::string& p : bantin::testing::SeedPaths()) out.push_back(bantin::testing::ReadFile(p));
  return out;
}

void BM_ParseSeeds(benchmark::State& state) {
  const std::vector<std::string> seeds = Seeds();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& s : seeds) {
      benchmark::DoNotOptimize(bantin::ParseText(s));
      bytes += s.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseSeeds)->Unit(benchmark::kMillisecond);

// One page of about 1 MB: a seed's header, the bodies of all seeds repeated,
// then a seed's footer.
void BM_ParseOneMegabytePage(benchmark::State& state) {
  const std::vector<std::string> seeds = Seeds();
  std::string page;
  while (page.size() < (1 << 20))
    for (const std::string& s : seeds) page += s;
  for (auto _ : state) benchmark::DoNotOptimize(bantin::ParseText(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}
BENCHMARK(BM_ParseOneMegabytePage)->Unit(benchmark::kMillisecond);

// Every raw HTML page of the corpus, as crawlers fetch them (tens to
// hundreds of KB each, mostly markup, scripts and styles).
void BM_ParseHtmlPages(benchmark::State& state) {
  std::vector<std::string> pages;
  for (const auto& e : std::filesystem::directory_iterator(bantin::testing::SourceDir() + "/tests/pages"))
    if (e.path().extension() == ".html") pages.push_back(bantin::testing::ReadFile(e.path().string()));
  size_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& p : pages) {
      benchmark::DoNotOptimize(bantin::Parse(p));
      bytes += p.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ParseHtmlPages)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
