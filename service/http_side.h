// The server's HTTP side (http_server.h): the offline viewer's static files at
// / and /wasm/, the export bundle at GET /bundle?source=&province=&from=&to=
// (NDJSON, README.md "The export bundle"), the saved index of the same
// bulletins at GET /index (index_export.h), Prometheus metrics at /metrics
// and a liveness probe at /healthz. Reads follow the same token rule as gRPC
// (an `Authorization: Bearer` header when read tokens are configured).
#ifndef BANTIN_SERVICE_HTTP_SIDE_H_
#define BANTIN_SERVICE_HTTP_SIDE_H_

#include <memory>
#include <string>

#include "auth.h"
#include "bantin/status.h"
#include "bantin/storage/store.h"
#include "http_server.h"
#include "metrics.h"

namespace bantin {

class HttpSide {
 public:
  // Binds `address` (HOST:PORT, port 0 picks one) and serves with `limits`
  // (http_server.h). Empty roots are not served. All pointers must outlive
  // the HttpSide.
  static Result<std::unique_ptr<HttpSide>> Start(const std::string& address, const HttpLimits& limits,
                                                 const std::string& web_root, const std::string& wasm_root,
                                                 const Store* store, const Authorizer* auth, const Metrics* metrics);
  ~HttpSide();
  int port() const;
  void Stop();

 private:
  HttpSide() = default;
  std::unique_ptr<HttpServer> server_;
};

// "127.0.0.1:8080" → host and port; false when it is not HOST:PORT.
bool SplitHostPort(const std::string& address, std::string* host, int* port);

}  // namespace bantin

#endif  // BANTIN_SERVICE_HTTP_SIDE_H_
