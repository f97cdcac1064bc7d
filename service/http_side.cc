#include "http_side.h"

#include <cstdio>
#include <filesystem>
#include <optional>

#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "export.h"
#include "index_export.h"
#include "metrics.h"
#include "static_files.h"

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
HttpResponse Error(grpc::StatusCode code, const std::string& message) {
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject();
  w.Key("code").Int(HttpStatusOf(code)).Key("status").String(StatusCodeName(static_cast<int>(code)));
  w.Key("message").String(message).EndObject().EndObject();
  HttpResponse r;
  r.status = HttpStatusOf(code);
  r.content_type = "application/json";
  r.body = w.Take() + "\n";
  return r;
}

// Whether the request may read; if not, the answer that says why.
std::optional<HttpResponse> Unauthorized(const HttpRequest& req, const Authorizer* auth) {
  const grpc::Status s = auth->CheckHeader(req.Header("authorization"), Access::kRead);
  if (s.ok()) return std::nullopt;
  HttpResponse r = Error(s.error_code(), s.error_message());
  if (s.error_code() == grpc::StatusCode::UNAUTHENTICATED) r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

// Bundle lines are made this many bytes at a time (the HTTP server sends
// each piece as a chunk while the next is made).
constexpr size_t kBundlePiece = 64u << 10;

// The list filter of /bundle and /index.
ExportFilter FilterOf(const HttpRequest& req) {
  ExportFilter f;
  f.source_id = req.Param("source");
  f.province = req.Param("province");
  f.from_date = req.Param("from");
  f.to_date = req.Param("to");
  if (req.params.count("since")) f.since = req.Param("since");
  return f;
}

// What a URL of /bundle or /index answers changes only with the store: the
// change cursor is its validator. A reader that has it gets 304 and no body.
std::optional<HttpResponse> NotModified(const HttpRequest& req, const Store* store) {
  const std::string etag = "\"" + store->ChangeCursor() + "\"";
  if (req.Header("if-none-match") != etag) return std::nullopt;
  HttpResponse unchanged;
  unchanged.status = 304;
  unchanged.headers.emplace_back("ETag", etag);
  return unchanged;
}

HttpResponse ServeBundle(const HttpRequest& req, const Store* store, const Authorizer* auth) {
  if (std::optional<HttpResponse> denied = Unauthorized(req, auth)) return *denied;
  const ExportFilter f = FilterOf(req);
  if (Status s = CheckExportFilter(f); !s.ok()) return Error(grpc::StatusCode::INVALID_ARGUMENT, s.message());
  if (std::optional<HttpResponse> unchanged = NotModified(req, store)) return *unchanged;
  auto cursor = std::make_shared<ExportCursor>(*store, f);
  // A cursor of this database that it never issued, say.
  if (const Status& s = cursor->status(); !s.ok()) return Error(static_cast<grpc::StatusCode>(s.code()), s.message());
  HttpResponse r;
  r.content_type = "application/x-ndjson";
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("ETag", "\"" + cursor->cursor() + "\"");
  auto header_sent = std::make_shared<bool>(false);
  r.stream = [cursor, header_sent](std::string& out) {
    if (!*header_sent) {
      out += BundleHeaderJson(kParserVersion, std::nullopt, cursor->cursor(), cursor->reset()) + "\n";
      *header_sent = true;
    }
    Bulletin b;
    std::string text, deleted;
    while (out.size() < kBundlePiece) {
      deleted.clear();
      Result<bool> more = cursor->Next(&b, &text, &deleted);
      // A storage failure mid-stream can only cut the body short; the reader
      // sees a truncated bundle (no trailing newline) rather than a bad one.
      if (!more.ok()) return HttpResponse::Part::kFailed;
      // The bundle format has no place for them: the server's log does.
      for (const DamagedRecord& d : cursor->TakeDamaged())
        std::fprintf(stderr, "bantin: /bundle passed over a damaged bulletin %s: %s\n", d.id.c_str(), d.reason.c_str());
      if (!*more) return HttpResponse::Part::kDone;
      out += (deleted.empty() ? BundleArticleToJson(b, text) : BundleDeletionToJson(deleted)) + "\n";
    }
    return HttpResponse::Part::kMore;
  };
  return r;
}

// The saved index of the bulletins /bundle would send (index_export.h);
// X-Bantin-Cursor says where a reader's /bundle?since= goes on from.
HttpResponse ServeIndex(const HttpRequest& req, const Store* store, const Authorizer* auth, IndexExport* built) {
  if (std::optional<HttpResponse> denied = Unauthorized(req, auth)) return *denied;
  const ExportFilter f = FilterOf(req);
  if (Status s = CheckExportFilter(f); !s.ok()) return Error(grpc::StatusCode::INVALID_ARGUMENT, s.message());
  if (std::optional<HttpResponse> unchanged = NotModified(req, store)) return *unchanged;
  Result<BuiltIndex> index = built->Get(f);
  if (!index.ok()) return Error(static_cast<grpc::StatusCode>(index.status().code()), index.status().message());
  HttpResponse r;
  r.content_type = "application/octet-stream";
  r.headers.emplace_back("Cache-Control", "no-cache");
  r.headers.emplace_back("ETag", "\"" + index->cursor + "\"");
  r.headers.emplace_back("X-Bantin-Cursor", index->cursor);
  r.body = *index->bytes;
  return r;
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

Result<std::unique_ptr<HttpSide>> HttpSide::Start(const std::string& address, const HttpLimits& limits,
                                                  const std::string& web_root, const std::string& wasm_root,
                                                  const Store* store, const Authorizer* auth, const Metrics* metrics) {
  std::string host;
  int port = 0;
  if (!SplitHostPort(address, &host, &port))
    return Status::InvalidArgument("--http: expected HOST:PORT, got " + address);
  if (!web_root.empty() && !std::filesystem::is_directory(web_root))
    return Status::NotFound("viewer files not found at " + web_root);
  if (!wasm_root.empty() && !std::filesystem::is_directory(wasm_root))
    return Status::NotFound("wasm module not found at " + wasm_root);
  // /healthz is the HTTP server's own (http_server.h): it answers even
  // when every worker is busy.
  auto built = std::make_shared<IndexExport>(*store);
  HttpHandler route = [=](const HttpRequest& req) -> HttpResponse {
    if (req.path == "/bundle") return ServeBundle(req, store, auth);
    if (req.path == "/index") return ServeIndex(req, store, auth, built.get());
    if (req.path == "/metrics") {  // what is stored and who calls: a reader's business
      if (std::optional<HttpResponse> denied = Unauthorized(req, auth)) return *denied;
      HttpResponse r;
      r.content_type = "text/plain; version=0.0.4";
      r.body = metrics->Render(store->size(), store->Condition());
      return r;
    }
    std::optional<HttpResponse> file;
    if (req.path.rfind("/wasm/", 0) == 0) file = StaticFile(wasm_root, req.path.substr(5));
    if (!file) file = StaticFile(web_root, req.path);
    if (file) return *file;
    return Error(grpc::StatusCode::NOT_FOUND, "no such path: " + req.path.substr(0, 256));
  };
  Result<std::unique_ptr<HttpServer>> server = HttpServer::Start(host, port, limits, std::move(route));
  if (!server.ok()) return server.status();
  std::unique_ptr<HttpSide> side(new HttpSide());
  side->server_ = std::move(*server);
  return side;
}

HttpSide::~HttpSide() { Stop(); }

int HttpSide::port() const { return server_ ? server_->port() : 0; }

void HttpSide::Stop() {
  if (server_) server_->Stop();
  server_.reset();
}

}  // namespace bantin
