#include "static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bantin {
namespace {

std::string ContentType(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  static const std::pair<const char*, const char*> kTypes[] = {{".html", "text/html; charset=utf-8"},
                                                               {".js", "text/javascript"},
                                                               {".mjs", "text/javascript"},
                                                               {".css", "text/css"},
                                                               {".wasm", "application/wasm"},
                                                               {".json", "application/json"},
                                                               {".ndjson", "application/x-ndjson"},
                                                               {".webmanifest", "application/manifest+json"},
                                                               {".png", "image/png"},
                                                               {".svg", "image/svg+xml"},
                                                               {".ico", "image/x-icon"},
                                                               {".txt", "text/plain; charset=utf-8"}};
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

}  // namespace

std::optional<HttpResponse> StaticFile(const std::string& root, const std::string& path) {
  if (root.empty() || path.find('\0') != std::string::npos) return std::nullopt;
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::canonical(root, ec);
  if (ec) return std::nullopt;
  std::filesystem::path file = base;
  for (const auto& part : std::filesystem::path(path).relative_path()) {
    if (part == "..") return std::nullopt;
    if (!part.empty() && part != ".") file /= part;
  }
  if (std::filesystem::is_directory(file, ec)) file /= "index.html";
  // A symlink may not lead out of the root either.
  const std::filesystem::path real = std::filesystem::canonical(file, ec);
  if (ec || !std::filesystem::is_regular_file(real, ec)) return std::nullopt;
  const std::string under = real.string(), prefix = base.string() + "/";
  if (under.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  HttpResponse r;
  r.content_type = ContentType(real);
  r.body = bytes.str();
  return r;
}

}  // namespace bantin
