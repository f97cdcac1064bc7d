// Writes an export bundle (README.md, "The export bundle") without a server:
// from pages on disk, or from N pages of the benchmark corpus generator
// (bench/corpus.h). For the viewer's browser tests and the wasm benchmarks;
// `bantin export` and GET /bundle write the same format from a database.
//
//   make_bundle OUT PAGE...
//   make_bundle OUT --generated N
#include <algorithm>  // before tests/test_util.h, which sorts
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_set>

#include "bantin/html/document.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bench/corpus.h"
#include "tests/test_util.h"

namespace {}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_bundle OUT PAGE... | make_bundle OUT --generated N\n");
    return 2;
  }
  std::string body;
  size_t count = 0;
  std::unordered_set<std::string> ids;  // a bundle lists each bulletin once
  const auto add = [&](const std::string& raw) {
    const bantin::Bulletin b = bantin::Parse(raw);
    if (!ids.insert(b.id).second) return;
    body += bantin::BundleArticleToJson(b, bantin::PageText(raw));
    body += '\n';
    ++count;
  };
  if (std::string(argv[2]) == "--generated") {
    const long n = argc > 3 ? std::atol(argv[3]) : 0;
    bantin::bench::CorpusGenerator corpus(BANTIN_SOURCE_DIR, 42);
    for (long i = 0; i < n; ++i) add(corpus.Page(static_cast<uint64_t>(i)));
  } else {
    for (int i = 2; i < argc; ++i) {
      if (!std::filesystem::is_regular_file(argv[i])) {
        std::fprintf(stderr, "make_bundle: cannot read %s\n", argv[i]);
        return 1;
      }
      add(bantin::testing::ReadFile(argv[i]));
    }
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << bantin::BundleHeaderJson(bantin::kParserVersion, count) << "\n" << body;
  if (!out.flush()) {
    std::fprintf(stderr, "make_bundle: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
