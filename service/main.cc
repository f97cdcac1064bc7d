// bantin: parse, store, search and serve Vietnamese news bulletins.
#include <cstdio>
#include <cstring>

#include "service/commands.h"

namespace {

void Usage() {
  std::fputs(
      "usage: bantin COMMAND [options]\n"
      "  parse  [--json] FILE|-                     parse a page, store nothing\n"
      "  serve  --db DIR --listen HOST:PORT [--http HOST:PORT]\n"
      "  ingest --server HOST:PORT FILE|DIR...      parse and store pages\n"
      "  get    --server HOST:PORT [--json] ID\n"
      "  list   --server HOST:PORT [--json] [--province P] [--source S] [--from DATE] [--to DATE]\n"
      "  search --server HOST:PORT [--json] \"QUERY\"\n",
      stderr);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    Usage();
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  const bantin::Args args = bantin::ParseArgs(argc, argv, 2);
  if (command == "parse") return bantin::RunParse(args);
  if (command == "serve") return bantin::RunServe(args);
  if (command == "ingest") return bantin::RunIngest(args);
  if (command == "get") return bantin::RunGet(args);
  if (command == "list") return bantin::RunList(args);
  if (command == "search") return bantin::RunSearch(args);
  std::fprintf(stderr, "bantin: unknown command \"%s\"\n", command.c_str());
  Usage();
  return 2;
}
