// bantin: parse, store, search and serve Vietnamese news bulletins.
#include <cstdio>
#include <cstring>

#include "commands.h"

namespace {

void Usage() {
  std::fputs(
      "usage: bantin COMMAND [options]\n"
      "  parse  [--json] [--server HOST:PORT] FILE|-  parse a page, store nothing\n"
      "  serve  --db DIR [--listen HOST:PORT] [--http HOST:PORT] [--write-token-file F] ...\n"
      "         (bantin serve --help lists every flag)\n"
      "  ingest --server HOST:PORT FILE|DIR...      stream pages in, with progress\n"
      "  get    --server HOST:PORT [--json] ID [ID...]\n"
      "  list   --server HOST:PORT [--json] [--province P] [--source S] [--from DATE] [--to DATE]\n"
      "  search --server HOST:PORT [--json] [--filter F] [--collapse] [--page-size N] [--page-token T] \"QUERY\"\n"
      "  delete --server HOST:PORT ID\n"
      "  sources --server HOST:PORT [--json]        sources with counts and date spans\n"
      "  export --server HOST:PORT [--province P] [--source S] [--from DATE] [--to DATE] [--out FILE]\n"
      "  client options: --token-file F (or BANTIN_TOKEN), --tls-ca PEM, --timeout SECONDS\n"
      "  reparse --db DIR [--all]                   re-parse stored pages after a parser change\n"
      "  backup  --db DIR BACKUP_DIR                add a backup (RocksDB BackupEngine)\n"
      "  restore --db DIR BACKUP_DIR                restore the latest backup into DIR\n"
      "  compact --db DIR                           merge posting lists, reclaim space\n"
      "  repair  --db DIR                           rebuild a damaged database from its readable pages\n"
      "  (reparse, backup, restore, compact and repair open the database: stop the server first)\n",
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
  if (command == "delete") return bantin::RunDelete(args);
  if (command == "sources") return bantin::RunSources(args);
  if (command == "export") return bantin::RunExport(args);
  if (command == "reparse") return bantin::RunReparse(args);
  if (command == "backup") return bantin::RunBackup(args);
  if (command == "restore") return bantin::RunRestore(args);
  if (command == "compact") return bantin::RunCompact(args);
  if (command == "repair") return bantin::RunRepair(args);
  std::fprintf(stderr, "bantin: unknown command \"%s\"\n", command.c_str());
  Usage();
  return 2;
}
