// Writes an export bundle (README.md, "The export bundle") without a server:
// from pages on disk, or from N pages of the benchmark corpus generator
// (bench/corpus.h). For the viewer's browser tests and the wasm benchmarks;
// `bantin export` and GET /bundle write the same format from a database.
//
//   make_bundle [--index FILE] OUT PAGE...
//   make_bundle [--index FILE] OUT --generated N
//
// --index also writes the saved index of the bundle's articles (what
// `Index.addBundle` then `save()` gives, and GET /index serves for it).
#include <algorithm>  // before tests/test_util.h, which sorts
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_set>

#include "bantin/html/document.h"
#include "bantin/index/memory_index.h"
#include "bantin/index/saved_index.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bench/corpus.h"
#include "tests/test_util.h"

int main(int argc, char** argv) {
  std::string index_file;
  if (argc > 2 && std::string(argv[1]) == "--index") {
    index_file = argv[2];
    argc -= 2;
    argv += 2;
  }
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: make_bundle [--index FILE] OUT PAGE... | make_bundle [--index FILE] OUT --generated N\n");
    return 2;
  }
  bantin::MemoryIndex index;
  // The header counts the articles, so the body goes to a file beside OUT
  // first: a generated million pages do not fit in memory as one string.
  const std::string body_file = std::string(argv[1]) + ".body";
  std::ofstream body(body_file, std::ios::binary | std::ios::trunc);
  size_t count = 0;
  std::unordered_set<std::string> ids;  // a bundle lists each bulletin once
  const auto add = [&](const std::string& raw) {
    const bantin::Bulletin b = bantin::Parse(raw);
    if (!ids.insert(b.id).second) return;
    body << bantin::BundleArticleToJson(b, bantin::PageText(raw)) << '\n';
    ++count;
    if (!index_file.empty()) {
      bantin::Bulletin indexed = b;
      indexed.lines = {};
      index.Add(std::move(indexed));
    }
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
  body.close();
  std::ofstream out(argv[1], std::ios::binary);
  out << bantin::BundleHeaderJson(bantin::kParserVersion, count) << "\n";
  if (std::ifstream in(body_file, std::ios::binary); count > 0 && body && in) out << in.rdbuf();
  std::filesystem::remove(body_file);
  if (!body || !out.flush()) {
    std::fprintf(stderr, "make_bundle: cannot write %s\n", argv[1]);
    return 1;
  }
  if (!index_file.empty()) {
    bantin::Result<std::string> saved = bantin::SaveIndex(index);
    if (!saved.ok() || !(std::ofstream(index_file, std::ios::binary) << *saved)) {
      std::fprintf(stderr, "make_bundle: cannot write %s\n", index_file.c_str());
      return 1;
    }
  }
  return 0;
}
