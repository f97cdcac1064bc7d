// The native side of the wasm search parity test: builds core's MemoryIndex
// from pages (Parse, as the wasm module's Index.addPage does, in the
// order given) and prints, for each query of QUERIES (one a line), the
// proto3 JSON of SearchBulletinsResponse on one line; with --page-size N it
// then prints the next page too when there is one. Errors print as
// ErrorToJson. wasm-client/test/search.test.mjs compares byte for byte.
//
//   memory_search [--page-size N] [--save FILE] QUERIES PAGE...
//
// --save writes the index's saved form (bantin/index/saved_index.h) to FILE:
// search.test.mjs checks the wasm module saves the same bytes.
#include <algorithm>  // before tests/test_util.h, which sorts
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "bantin/html/document.h"
#include "bantin/index/memory_index.h"
#include "bantin/index/saved_index.h"
#include "bantin/search/search_json.h"
#include "tests/test_util.h"

namespace {

std::string Page(const bantin::MemoryIndex& index, const std::string& query, int page_size, const std::string& token,
                 std::string* next) {
  bantin::SearchOptions o;
  if (page_size > 0) o.page_size = page_size;
  o.page_token = token;
  bantin::Result<bantin::SearchResult> r = bantin::Search(index, query, o);
  if (!r.ok()) return bantin::ErrorToJson(r.status());
  *next = r->next_page_token;
  return bantin::SearchResponseToJson(*r, [&](uint32_t docno) { return index.Document(docno); });
}

}  // namespace

int main(int argc, char** argv) {
  int arg = 1;
  int page_size = 0;
  std::string save;
  for (bool flag = true; flag && arg + 1 < argc;) {
    const std::string name = argv[arg];
    flag = name == "--page-size" || name == "--save";
    if (name == "--page-size") page_size = std::atoi(argv[arg + 1]);
    if (name == "--save") save = argv[arg + 1];
    if (flag) arg += 2;
  }
  if (argc - arg < 1) {
    std::fprintf(stderr, "usage: memory_search [--page-size N] QUERIES PAGE...\n");
    return 2;
  }
  if (!std::filesystem::is_regular_file(argv[arg])) {
    std::fprintf(stderr, "memory_search: cannot read %s\n", argv[arg]);
    return 1;
  }
  const std::string queries = bantin::testing::ReadFile(argv[arg]);
  bantin::MemoryIndex index;
  for (int i = arg + 1; i < argc; ++i) {
    if (!std::filesystem::is_regular_file(argv[i])) {
      std::fprintf(stderr, "memory_search: cannot read %s\n", argv[i]);
      return 1;
    }
    index.Add(bantin::Parse(bantin::testing::ReadFile(argv[i])));
  }
  if (!save.empty()) {
    bantin::Result<std::string> saved = bantin::SaveIndex(index);
    if (!saved.ok()) {
      std::fprintf(stderr, "memory_search: %s\n", saved.status().message().c_str());
      return 1;
    }
    std::ofstream(save, std::ios::binary) << *saved;
  }
  std::istringstream lines(queries);
  for (std::string query; std::getline(lines, query);) {
    std::string next;
    std::cout << Page(index, query, page_size, "", &next) << "\n";
    if (page_size > 0 && !next.empty()) std::cout << Page(index, query, page_size, next, &next) << "\n";
  }
  return 0;
}
