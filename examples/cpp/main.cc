// Parses a page and searches it with the C++ core: bantin from C++.
#include <bantin/html/document.h>
#include <bantin/index/memory_index.h>
#include <bantin/search/search_engine.h>
#include <bantin/version.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) return std::cerr << "usage: example PAGE\n", 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream page;
  page << in.rdbuf();

  // Text or HTML: bantin::Parse reads either.
  bantin::Bulletin bulletin = bantin::Parse(page.str(), {.source_id = "example-source"});
  std::cout << bulletin.title << " (" << bulletin.date << ")\n";

  bantin::MemoryIndex index;
  const std::string id = bulletin.id;
  index.Add(std::move(bulletin));
  bantin::Result<bantin::SearchResult> found = bantin::Search(index, "source:example-source", {});
  if (!found.ok()) return std::cerr << found.status().message() << "\n", 1;
  if (found->total != 1 || index.Document(found->hits.at(0).docno)->id != id) {
    return std::cerr << "example: unexpected answer\n", 1;
  }
  // Errors are values: a malformed query says where.
  if (bantin::Search(index, "\"unclosed", {}).ok()) return std::cerr << "example: bad query accepted\n", 1;
  std::cout << "ok: bantin " << bantin::version() << "\n";
  return 0;
}
