// Helper process for the crash-recovery test: ingests bulletins into the
// store at argv[1] forever, ids starting at argv[2], and prints each id on
// stdout only after the store acknowledged it. The test kills it with
// SIGKILL at a random moment.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "tests/test_util.h"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  // A small posting tail, merged every few puts: kills land before, during
  // and after merges, and each reopen indexes a tail again.
  auto store = bantin::Store::Open(argv[1], {.posting_tail_bytes = 16 << 10});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  std::vector<bantin::Bulletin> seeds;
  for (const std::string& path : bantin::testing::SeedPaths())
    seeds.push_back(bantin::ParseText(bantin::testing::ReadFile(path)));
  unsigned long long next = std::strtoull(argv[2], nullptr, 10);
  for (unsigned round = 0;; ++round) {
    // Alternate single puts and batches, so both paths are cut mid-write.
    std::vector<bantin::IngestItem> items;
    const unsigned batch = round % 3 == 0 ? 1 + round % 7 : 1;
    for (unsigned i = 0; i < batch; ++i, ++next) {
      bantin::Bulletin b = seeds[next % seeds.size()];
      char id[17];
      std::snprintf(id, sizeof id, "%016llx", next);
      b.id = id;
      b.title += " " + std::to_string(next);
      items.push_back({b, "page " + std::to_string(next), {}});
    }
    auto put = (*store)->PutMany(items);
    if (!put.ok()) {
      std::fprintf(stderr, "%s\n", put.status().message().c_str());
      return 1;
    }
    for (const bantin::PutOutcome& stored : *put) std::printf("%s\n", stored.bulletin.id.c_str());
    std::fflush(stdout);
  }
}
