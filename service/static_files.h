// The viewer's files as the HTTP side serves them: a path under a root,
// never outside it (no "..", no symlink out), a directory as its
// index.html, the content type from the extension.
#ifndef BANTIN_SERVICE_STATIC_FILES_H_
#define BANTIN_SERVICE_STATIC_FILES_H_

#include <optional>
#include <string>

#include "http_server.h"

namespace bantin {

// The file at `path` (the request's, below the mount point, starting with
// '/') under `root`; nullopt when there is none there.
std::optional<HttpResponse> StaticFile(const std::string& root, const std::string& path);

}  // namespace bantin

#endif  // BANTIN_SERVICE_STATIC_FILES_H_
