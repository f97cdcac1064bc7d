#include "service/server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <httplib.h>

#include <chrono>
#include <thread>

#include "service/bulletin_service.h"
#include "storage/store.h"

namespace bantin {
namespace {

bool SplitHostPort(const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos) return false;
  *host = address.substr(0, colon);
  try {
    *port = std::stoi(address.substr(colon + 1));
  } catch (...) {
    return false;
  }
  return *port >= 0 && *port < 65536;
}

class ServerImpl final : public Server {
 public:
  ~ServerImpl() override { Shutdown(); }

  Status Init(const ServerOptions& o) {
    Result<std::unique_ptr<Store>> store = Store::Open(o.db_dir);
    if (!store.ok()) return store.status();
    store_ = std::move(*store);
    service_ = std::make_unique<BulletinServiceImpl>(store_.get());

    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(o.grpc_address, grpc::InsecureServerCredentials(), &grpc_port_);
    builder.RegisterService(service_.get());
    builder.SetMaxReceiveMessageSize(70 << 20);
    grpc_ = builder.BuildAndStart();
    if (!grpc_ || grpc_port_ == 0)
      return Status(StatusCode::kUnavailable, "cannot listen for gRPC on " + o.grpc_address);

    if (!o.http_address.empty()) {
      std::string host;
      int port = 0;
      if (!SplitHostPort(o.http_address, &host, &port))
        return Status::InvalidArgument("--http: expected HOST:PORT, got " + o.http_address);
      http_ = std::make_unique<httplib::Server>();
      http_->set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
      http_->set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
      if (!o.web_root.empty() && !http_->set_mount_point("/", o.web_root))
        return Status::NotFound("viewer files not found at " + o.web_root);
      if (!o.wasm_root.empty() && !http_->set_mount_point("/wasm", o.wasm_root))
        return Status::NotFound("wasm module not found at " + o.wasm_root);
      http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("ok\n", "text/plain");
      });
      http_port_ = port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
      if (http_port_ <= 0) return Status(StatusCode::kUnavailable, "cannot listen for HTTP on " + o.http_address);
      http_thread_ = std::thread([this] { http_->listen_after_bind(); });
    }
    return Status::Ok();
  }

  int grpc_port() const override { return grpc_port_; }
  int http_port() const override { return http_port_ > 0 ? http_port_ : 0; }

  void Shutdown() override {
    if (grpc_) {
      grpc_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(10));
      grpc_->Wait();
      grpc_.reset();
    }
    if (http_) {
      http_->stop();
      if (http_thread_.joinable()) http_thread_.join();
      http_.reset();
    }
    store_.reset();
  }

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<BulletinServiceImpl> service_;
  std::unique_ptr<grpc::Server> grpc_;
  std::unique_ptr<httplib::Server> http_;
  std::thread http_thread_;
  int grpc_port_ = 0;
  int http_port_ = 0;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
  auto server = std::make_unique<ServerImpl>();
  Status s = server->Init(options);
  if (!s.ok()) return s;
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace bantin
