// The server's HTTP side (cpp-httplib): the offline viewer's static files at
// / and /wasm/, the export bundle at GET /bundle?source=&province=&from=&to=
// (NDJSON, README.md "The export bundle"), Prometheus metrics at /metrics
// and a liveness probe at /healthz. Reads follow the same token rule as gRPC
// (an `Authorization: Bearer` header when read tokens are configured).
#ifndef BANTIN_SERVICE_HTTP_SIDE_H_
#define BANTIN_SERVICE_HTTP_SIDE_H_

#include <memory>
#include <string>
#include <thread>

#include "auth.h"
#include "bantin/status.h"
#include "bantin/storage/store.h"
#include "metrics.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace bantin {

class HttpSide {
 public:
  // Binds `address` (HOST:PORT, port 0 picks one) and serves on a thread.
  // Empty roots are not served. All pointers must outlive the HttpSide.
  static Result<std::unique_ptr<HttpSide>> Start(const std::string& address, const std::string& web_root,
                                                 const std::string& wasm_root, const Store* store,
                                                 const Authorizer* auth, const Metrics* metrics);
  ~HttpSide();
  int port() const { return port_; }
  void Stop();

 private:
  HttpSide() = default;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

// "host:port" split; false when the port is not a number in [0, 65535].
bool SplitHostPort(const std::string& address, std::string* host, int* port);

}  // namespace bantin

#endif  // BANTIN_SERVICE_HTTP_SIDE_H_
