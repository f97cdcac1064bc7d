#include "http_side.h"

#include <httplib.h>

#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "export.h"
#include "metrics.h"

namespace bantin {
namespace {

// The gRPC code's HTTP mapping (google.rpc.Code), for the few the HTTP
// side can return.
int HttpStatusOf(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
      return 400;
    case grpc::StatusCode::UNAUTHENTICATED:
      return 401;
    case grpc::StatusCode::PERMISSION_DENIED:
      return 403;
    case grpc::StatusCode::NOT_FOUND:
      return 404;
    case grpc::StatusCode::UNAVAILABLE:
      return 503;
    default:
      return 500;
  }
}

// An error body in the shape of Google's JSON errors.
void SendError(httplib::Response& res, grpc::StatusCode code, const std::string& message) {
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject();
  w.Key("code").Int(HttpStatusOf(code)).Key("status").String(StatusCodeName(static_cast<int>(code)));
  w.Key("message").String(message).EndObject().EndObject();
  res.status = HttpStatusOf(code);
  res.set_content(w.Take() + "\n", "application/json");
}

// Whether the request may read; if not, the error is sent.
bool Authorized(const httplib::Request& req, httplib::Response& res, const Authorizer* auth) {
  const grpc::Status s = auth->CheckHeader(req.get_header_value("Authorization"), Access::kRead);
  if (s.ok()) return true;
  if (s.error_code() == grpc::StatusCode::UNAUTHENTICATED) res.set_header("WWW-Authenticate", "Bearer");
  SendError(res, s.error_code(), s.error_message());
  return false;
}

void ServeBundle(const httplib::Request& req, httplib::Response& res, const Store* store, const Authorizer* auth) {
  if (!Authorized(req, res, auth)) return;
  ExportFilter f;
  f.source_id = req.get_param_value("source");
  f.province = req.get_param_value("province");
  f.from_date = req.get_param_value("from");
  f.to_date = req.get_param_value("to");
  if (Status s = CheckExportFilter(f); !s.ok()) return SendError(res, grpc::StatusCode::INVALID_ARGUMENT, s.message());
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider("application/x-ndjson", [store, f](size_t, httplib::DataSink& sink) {
    const std::string header = BundleHeaderJson(kParserVersion) + "\n";
    if (!sink.write(header.data(), header.size())) return false;
    Status s = ExportBulletins(*store, f, [&](const Bulletin& b, const std::string& text) {
      const std::string line = BundleArticleToJson(b, text) + "\n";
      return sink.write(line.data(), line.size());
    });
    // A storage failure mid-stream can only cut the body short; the reader
    // sees a truncated bundle (no trailing newline) rather than a bad one.
    if (!s.ok()) return false;
    sink.done();
    return true;
  });
}

}  // namespace

bool SplitHostPort(const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos) return false;
  *host = address.substr(0, colon);
  try {
    size_t used = 0;
    *port = std::stoi(address.substr(colon + 1), &used);
    if (used != address.size() - colon - 1) return false;
  } catch (...) {
    return false;
  }
  return *port >= 0 && *port < 65536;
}

Result<std::unique_ptr<HttpSide>> HttpSide::Start(const std::string& address, const std::string& web_root,
                                                  const std::string& wasm_root, const Store* store,
                                                  const Authorizer* auth, const Metrics* metrics) {
  std::string host;
  int port = 0;
  if (!SplitHostPort(address, &host, &port))
    return Status::InvalidArgument("--http: expected HOST:PORT, got " + address);
  std::unique_ptr<HttpSide> side(new HttpSide());
  side->http_ = std::make_unique<httplib::Server>();
  httplib::Server& http = *side->http_;
  http.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  http.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  http.set_file_extension_and_mimetype_mapping("ndjson", "application/x-ndjson");
  http.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
  if (!web_root.empty() && !http.set_mount_point("/", web_root))
    return Status::NotFound("viewer files not found at " + web_root);
  if (!wasm_root.empty() && !http.set_mount_point("/wasm", wasm_root))
    return Status::NotFound("wasm module not found at " + wasm_root);
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
  // Metrics say what is stored and who calls: a reader's business.
  http.Get("/metrics", [store, metrics, auth](const httplib::Request& req, httplib::Response& res) {
    if (!Authorized(req, res, auth)) return;
    res.set_content(metrics->Render(store->size()), "text/plain; version=0.0.4");
  });
  http.Get("/bundle",
           [store, auth](const httplib::Request& req, httplib::Response& res) { ServeBundle(req, res, store, auth); });
  side->port_ = port == 0 ? http.bind_to_any_port(host) : (http.bind_to_port(host, port) ? port : -1);
  if (side->port_ <= 0) return Status(StatusCode::kUnavailable, "cannot listen for HTTP on " + address);
  side->thread_ = std::thread([s = side.get()] { s->http_->listen_after_bind(); });
  return side;
}

HttpSide::~HttpSide() { Stop(); }

void HttpSide::Stop() {
  if (!http_) return;
  http_->stop();
  if (thread_.joinable()) thread_.join();
  http_.reset();
}

}  // namespace bantin
