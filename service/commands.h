// The `bantin` command line: one function per subcommand. Forms are a
// contract other tools call (README.md, "Command line").
#ifndef BANTIN_SERVICE_COMMANDS_H_
#define BANTIN_SERVICE_COMMANDS_H_

#include <map>
#include <string>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/status.h"

namespace bantin {

// "--flag value", "--flag=value" and bare "--switch" options, plus positionals.
struct Args {
  std::map<std::string, std::string> options;
  std::vector<std::string> positional;
  bool Has(const std::string& name) const { return options.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

// Options that never take a value.
Args ParseArgs(int argc, char** argv, int first);

Result<std::string> ReadInput(const std::string& path);  // "-" is stdin
void PrintBulletin(const Bulletin& b);                   // human-readable

int RunParse(const Args& args);
int RunServe(const Args& args);
int RunIngest(const Args& args);
int RunGet(const Args& args);
int RunList(const Args& args);
int RunSearch(const Args& args);
int RunDelete(const Args& args);
int RunSources(const Args& args);
int RunExport(const Args& args);
int RunReparse(const Args& args);
int RunBackup(const Args& args);
int RunRestore(const Args& args);
int RunCompact(const Args& args);
int RunRepair(const Args& args);

}  // namespace bantin

#endif  // BANTIN_SERVICE_COMMANDS_H_
