// The HTTP/1.1 server of the HTTP side: one event loop (epoll) that owns
// every connection, and a few workers that run handlers. A connection costs
// its buffers, not a thread, so idle and slow clients cannot hold the side:
//   - at most `max_connections` open; past them a connection gets 503 and
//     is closed at once;
//   - a request head must arrive whole within `head_timeout` (not per byte:
//     a slow-loris client is cut off) and within `max_head_bytes` (431, or
//     414 for the request line alone);
//   - a kept-alive connection idle for `idle_timeout` is closed;
//   - a response that makes no progress for `write_timeout` is dropped;
//   - at most `workers` handlers run at once and `max_queued` wait; past
//     them a request gets 503 with Retry-After;
//   - GET /healthz is answered by the loop itself, whatever the workers do.
// A streamed body is produced on a worker into a buffer of at most
// `stream_buffer_bytes`; the worker waits while the client reads slower.
// Only GET and HEAD are served (405 otherwise), so requests have no body.
#ifndef BANTIN_SERVICE_HTTP_SERVER_H_
#define BANTIN_SERVICE_HTTP_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bantin/status.h"
#include "http_request.h"
#include "http_response.h"

namespace bantin {

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpLimits {
  size_t max_connections = 512;
  std::chrono::milliseconds head_timeout{10000};
  std::chrono::milliseconds idle_timeout{5000};
  std::chrono::milliseconds write_timeout{30000};
  size_t max_head_bytes = 8192;
  int workers = 4;
  size_t max_queued = 64;
  size_t stream_buffer_bytes = 1u << 20;
};

class HttpServer {
 public:
  // Binds HOST:PORT (port 0 picks one) and starts serving.
  static Result<std::unique_ptr<HttpServer>> Start(const std::string& host, int port, const HttpLimits& limits,
                                                   HttpHandler handler);
  ~HttpServer();
  int port() const;
  // Stops accepting, closes every connection, joins the threads.
  void Stop();

 private:
  class Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_HTTP_SERVER_H_
