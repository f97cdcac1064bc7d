#include <cstdio>
#include <set>

#include "bantin/text/text.h"
#include "commands.h"

namespace bantin {

Args ParseArgs(int argc, char** argv, int first) {
  static const std::set<std::string> kSwitches = {"json",        "help", "raw",       "all",       "quiet",
                                                  "no-progress", "tls",  "omit-text", "reflection"};
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string a = argv[i];
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      const size_t eq = name.find('=');
      if (eq != std::string::npos) {
        args.options[name.substr(0, eq)] = name.substr(eq + 1);
      } else if (kSwitches.count(name) || i + 1 >= argc) {
        args.options[name] = "";
      } else {
        args.options[name] = argv[++i];
      }
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

void PrintBulletin(const Bulletin& b) {
  std::printf("%s\n", b.title.c_str());
  std::printf("date: %s%s%s%s\n", b.date.empty() ? "unknown" : b.date.c_str(), b.time.empty() ? "" : " ",
              b.time.c_str(), b.date_inferred ? " (inferred)" : "");
  std::printf("source: %s / %s / %s\n", b.source.province.c_str(), b.source.name.c_str(), b.source.site.c_str());
  if (!b.author.empty()) std::printf("author: %s\n", b.author.c_str());
  std::printf("id: %s\n\n", b.id.c_str());
  for (const Block& block : b.blocks) {
    const char* mark = block.kind == BlockKind::kCaption    ? "[ảnh] "
                       : block.kind == BlockKind::kListItem ? "  • "
                       : block.kind == BlockKind::kHeading  ? "## "
                                                            : "";
    std::printf("%s%s\n\n", mark, block.text.c_str());
  }
  for (const std::string& w : b.warnings) std::printf("warning: %s\n", w.c_str());
}

}  // namespace bantin
