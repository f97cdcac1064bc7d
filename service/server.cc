#include "server.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/server_builder_option.h>
#include <grpcpp/impl/server_builder_plugin.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "bantin/html/document.h"
#include "bantin/storage/store.h"
#include "bulletin_service.h"
#include "call_gate.h"
#include "call_observer.h"
#include "health_service.h"
#include "http_side.h"
#include "metrics.h"
#include "open_streams.h"
#include "read_file.h"

namespace bantin {
namespace {

// What opening found damaged, in the server's log; /metrics and health
// keep saying it (README.md, Reliability).
void ReportDamage(const StoreCondition& c) {
  for (const std::string& line : c.log_damage)
    std::fprintf(stderr, "bantin: the write-ahead log was damaged; the damaged records were skipped: %s\n",
                 line.c_str());
  if (c.log_bytes_dropped)
    std::fprintf(stderr, "bantin: %llu bytes of acknowledged writes were lost with the damaged log\n",
                 static_cast<unsigned long long>(c.log_bytes_dropped));
  for (const DamagedRecord& d : c.damaged_at_open)
    std::fprintf(stderr, "bantin: damaged at open: %s (run bantin repair)\n", d.reason.c_str());
}

// Leaves server reflection out of one server. Its plugin registers itself
// for every server of a process that links it (a static initializer), so it
// is taken off this builder's plugin list instead.
class WithoutReflection : public grpc::ServerBuilderOption {
 public:
  void UpdateArguments(grpc::ChannelArguments*) override {}
  void UpdatePlugins(std::vector<std::unique_ptr<grpc::ServerBuilderPlugin>>* plugins) override {
    const std::string reflection = grpc::reflection::ProtoServerReflectionPlugin().name();
    std::erase_if(*plugins,
                  [&](const std::unique_ptr<grpc::ServerBuilderPlugin>& p) { return p->name() == reflection; });
  }
};

Result<std::string> ReadPem(const std::string& path, const char* flag) {
  Result<std::string> pem = ReadWholeFile(path);
  if (!pem.ok()) return Status::NotFound(std::string(flag) + ": " + pem.status().message());
  return pem;
}

Result<std::shared_ptr<grpc::ServerCredentials>> Credentials(const ServerOptions& o) {
  if (o.tls_cert_file.empty() && o.tls_key_file.empty()) return grpc::InsecureServerCredentials();
  if (o.tls_cert_file.empty() || o.tls_key_file.empty())
    return Status::InvalidArgument("TLS needs both --tls-cert and --tls-key");
  Result<std::string> cert = ReadPem(o.tls_cert_file, "--tls-cert");
  if (!cert.ok()) return cert.status();
  Result<std::string> key = ReadPem(o.tls_key_file, "--tls-key");
  if (!key.ok()) return key.status();
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({*key, *cert});
  return grpc::SslServerCredentials(ssl);
}

class ServerImpl final : public Server {
 public:
  ~ServerImpl() override { Shutdown(); }

  Status Init(const ServerOptions& o) {
    drain_seconds_ = o.drain_seconds;
    Result<std::shared_ptr<grpc::ServerCredentials>> credentials = Credentials(o);
    if (!credentials.ok()) return credentials.status();
    Result<std::unique_ptr<Store>> store = Store::Open(
        o.db_dir,
        {.min_free_bytes = o.min_free_bytes, .sync = o.sync, .file_system = o.file_system, .migrate_with = Parse});
    if (!store.ok()) return store.status();
    store_ = std::move(*store);
    ReportDamage(store_->Condition());
    health_.SetWritesCheck([store = store_.get()] { return store->Condition().writes_stopped.empty(); });
    health_.SetDamageCheck([store = store_.get()] {
      const StoreCondition c = store->Condition();
      return !c.log_damage.empty() || !c.damaged_at_open.empty() || c.damaged_reads > 0;
    });
    auth_ = std::make_unique<Authorizer>(o.auth);
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    gate_ = std::make_unique<CallGate>(
        o.limits.max_concurrent_calls > 0 ? o.limits.max_concurrent_calls : std::max(2, cores),
        o.limits.max_queued_calls);
    streams_ = std::make_unique<OpenStreams>(o.limits.max_open_streams, o.limits.max_streams_per_client,
                                             std::chrono::seconds(o.limits.stream_idle_seconds));
    service_ = std::make_unique<BulletinServiceImpl>(store_.get(), auth_.get(), gate_.get(), streams_.get(), o.limits,
                                                     o.read_cache_bytes);

    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(o.grpc_address, *credentials, &grpc_port_);
    builder.RegisterService(service_.get());
    builder.RegisterService(&health_);
    builder.SetMaxReceiveMessageSize(static_cast<int>(o.limits.max_message_bytes));
    if (!auth_->reads_open() && !o.reflection_with_read_tokens)
      builder.SetOption(std::make_unique<WithoutReflection>());
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> observers;
    observers.push_back(std::make_unique<CallObserverFactory>(&metrics_, o.call_log));
    builder.experimental().SetInterceptorCreators(std::move(observers));
    grpc_ = builder.BuildAndStart();
    if (!grpc_ || grpc_port_ == 0)
      return Status(StatusCode::kUnavailable, "cannot listen for gRPC on " + o.grpc_address);

    if (!o.http_address.empty()) {
      HttpLimits limits;
      limits.max_connections = o.limits.http_max_connections;
      limits.head_timeout = std::chrono::seconds(o.limits.http_head_seconds);
      limits.idle_timeout = std::chrono::seconds(o.limits.http_idle_seconds);
      Result<std::unique_ptr<HttpSide>> http =
          HttpSide::Start(o.http_address, limits, o.web_root, o.wasm_root, store_.get(), auth_.get(), &metrics_);
      if (!http.ok()) return http.status();
      http_ = std::move(*http);
    }
    return Status::Ok();
  }

  int grpc_port() const override { return grpc_port_; }
  int http_port() const override { return http_ ? http_->port() : 0; }

  void Shutdown() override {
    if (grpc_) {
      // Load balancers stop sending first; then in-flight calls finish.
      health_.SetServing(false);
      grpc_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(drain_seconds_));
      grpc_->Wait();
      grpc_.reset();
    }
    gate_.reset();  // after gRPC: every call it accepted has finished
    streams_.reset();
    if (http_) http_->Stop();
    http_.reset();
    store_.reset();  // closes RocksDB: every acknowledged write is in its WAL
  }

 private:
  Metrics metrics_;
  HealthService health_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Authorizer> auth_;
  std::unique_ptr<CallGate> gate_;
  std::unique_ptr<OpenStreams> streams_;
  std::unique_ptr<BulletinServiceImpl> service_;
  std::unique_ptr<grpc::Server> grpc_;
  std::unique_ptr<HttpSide> http_;
  int grpc_port_ = 0;
  int drain_seconds_ = 30;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServerOptions& options) {
  auto server = std::make_unique<ServerImpl>();
  Status s = server->Init(options);
  if (!s.ok()) return s;
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace bantin
