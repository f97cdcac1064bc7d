// Stores a page in the RocksDB store and finds it again: bantin::storage.
#include <bantin/html/document.h>
#include <bantin/storage/store.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 3) return std::cerr << "usage: store_example PAGE DB_DIR\n", 2;
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream page;
  page << in.rdbuf();

  bantin::Result<std::unique_ptr<bantin::Store>> store = bantin::Store::Open(argv[2]);
  if (!store.ok()) return std::cerr << store.status().message() << "\n", 1;
  const bantin::ParseHints hints{.source_id = "example-source"};
  bantin::Result<bantin::PutOutcome> put = (*store)->Put(bantin::Parse(page.str(), hints), page.str(), hints);
  if (!put.ok()) return std::cerr << put.status().message() << "\n", 1;

  bantin::Result<bantin::SearchPage> found = (*store)->Search("source:example-source");
  if (!found.ok() || found->total != 1) return std::cerr << "store_example: not found\n", 1;
  std::cout << "ok: stored " << put->bulletin.id << " and found it\n";
  return 0;
}
