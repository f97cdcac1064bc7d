// Watches every call the gRPC server finishes (bantin's methods, health
// checks and reflection alike): writes one structured log line per call and
// feeds the metrics. Installed as a server interceptor, so no method can
// forget it.
//
// Log line (JSON, one per call, on the given stream):
//   {"time":"2026-11-23T10:51:22.123Z","method":"/bantin.v1.BulletinService/GetBulletin",
//    "code":"OK","latency_ms":0.212,"peer":"ipv4:127.0.0.1:53422"}
// A failed call adds "message".
#ifndef BANTIN_SERVICE_CALL_OBSERVER_H_
#define BANTIN_SERVICE_CALL_OBSERVER_H_

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

#include <cstdio>

#include "metrics.h"

namespace bantin {

class CallObserverFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // `log` may be null (no log lines); both must outlive the server.
  CallObserverFactory(Metrics* metrics, std::FILE* log) : metrics_(metrics), log_(log) {}
  grpc::experimental::Interceptor* CreateServerInterceptor(grpc::experimental::ServerRpcInfo* info) override;

 private:
  Metrics* metrics_;
  std::FILE* log_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_CALL_OBSERVER_H_
