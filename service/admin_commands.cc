// Subcommands that work on a database directly (the server must not hold
// it): reparse, backup, restore, compact.
#include <cstdio>

#include "bantin/html/document.h"
#include "bantin/storage/store.h"
#include "commands.h"

namespace bantin {
namespace {

int Fail(const char* command, const Status& s) {
  std::fprintf(stderr, "bantin %s: %s\n", command, s.message().c_str());
  return 1;
}

// Opens --db, or explains the usage.
Result<std::unique_ptr<Store>> OpenDb(const Args& args, const char* usage) {
  if (!args.Has("db")) return Status::InvalidArgument(std::string("usage: ") + usage);
  OpenOptions options;
  options.migrate_with = Parse;
  return Store::Open(args.Get("db"), options);
}

}  // namespace

int RunReparse(const Args& args) {
  Result<std::unique_ptr<Store>> store = OpenDb(args, "bantin reparse --db DIR [--all]");
  if (!store.ok()) return Fail("reparse", store.status());
  Result<ReparseReport> r = (*store)->Reparse(Parse, args.Has("all"));
  if (!r.ok()) return Fail("reparse", r.status());
  std::printf("reparse: %llu of %llu records rebuilt with parser version %s\n",
              static_cast<unsigned long long>(r->rebuilt), static_cast<unsigned long long>(r->records), kParserVersion);
  return 0;
}

int RunBackup(const Args& args) {
  if (args.positional.size() != 1)
    return Fail("backup", Status::InvalidArgument("usage: bantin backup --db DIR BACKUP_DIR"));
  Result<std::unique_ptr<Store>> store = OpenDb(args, "bantin backup --db DIR BACKUP_DIR");
  if (!store.ok()) return Fail("backup", store.status());
  if (Status s = (*store)->Backup(args.positional[0]); !s.ok()) return Fail("backup", s);
  std::printf("backup: %llu bulletins backed up to %s\n", static_cast<unsigned long long>((*store)->size()),
              args.positional[0].c_str());
  return 0;
}

int RunRestore(const Args& args) {
  if (args.positional.size() != 1 || !args.Has("db"))
    return Fail("restore", Status::InvalidArgument("usage: bantin restore --db DIR BACKUP_DIR"));
  if (Status s = Store::Restore(args.positional[0], args.Get("db")); !s.ok()) return Fail("restore", s);
  std::printf("restore: latest backup in %s restored into %s\n", args.positional[0].c_str(), args.Get("db").c_str());
  return 0;
}

int RunCompact(const Args& args) {
  Result<std::unique_ptr<Store>> store = OpenDb(args, "bantin compact --db DIR");
  if (!store.ok()) return Fail("compact", store.status());
  if (Status s = (*store)->Compact(); !s.ok()) return Fail("compact", s);
  return 0;
}

int RunRepair(const Args& args) {
  if (!args.Has("db")) return Fail("repair", Status::InvalidArgument("usage: bantin repair --db DIR"));
  Result<RepairReport> r = Store::Repair(args.Get("db"), Parse);
  if (!r.ok()) return Fail("repair", r.status());
  if (r->rocksdb_repair_ran) std::printf("repair: the database did not open; RocksDB's repair ran first\n");
  for (const DamagedRecord& d : r->lost)
    std::printf("repair: lost %s: its raw page is damaged: %s\n", d.id.c_str(), d.reason.c_str());
  std::printf(
      "repair: %llu bulletins rebuilt with their ids (%llu from the raw page alone, their ingest hints lost), "
      "%zu lost; the damaged database is at %s\n",
      static_cast<unsigned long long>(r->kept), static_cast<unsigned long long>(r->without_record), r->lost.size(),
      r->moved_aside.c_str());
  return 0;
}

}  // namespace bantin
