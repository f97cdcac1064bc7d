#include "health_service.h"

#include <chrono>
#include <thread>

namespace bantin {

using grpc::health::v1::HealthCheckResponse;

HealthCheckResponse::ServingStatus HealthService::StatusOf(const std::string& service) const {
  const bool writes = service == kWritesService;
  const bool integrity = service == kIntegrityService;
  if (!service.empty() && service != "bantin.v1.BulletinService" && !writes && !integrity)
    return HealthCheckResponse::SERVICE_UNKNOWN;
  const bool up = serving_ && (!writes || !writable_ || writable_()) && (!integrity || !damaged_ || !damaged_());
  return up ? HealthCheckResponse::SERVING : HealthCheckResponse::NOT_SERVING;
}

grpc::ServerUnaryReactor* HealthService::Check(grpc::CallbackServerContext* ctx,
                                               const grpc::health::v1::HealthCheckRequest* req,
                                               HealthCheckResponse* resp) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  const HealthCheckResponse::ServingStatus status = StatusOf(req->service());
  if (status == HealthCheckResponse::SERVICE_UNKNOWN) {
    reactor->Finish({grpc::StatusCode::NOT_FOUND, "unknown service " + req->service()});
  } else {
    resp->set_status(status);
    reactor->Finish(grpc::Status::OK);
  }
  return reactor;
}

grpc::Status HealthService::Watch(grpc::ServerContext* ctx, const grpc::health::v1::HealthCheckRequest* req,
                                  grpc::ServerWriter<HealthCheckResponse>* writer) {
  HealthCheckResponse resp;
  bool first = true;
  while (!ctx->IsCancelled()) {
    const HealthCheckResponse::ServingStatus status = StatusOf(req->service());
    if (first || status != resp.status()) {
      resp.set_status(status);
      if (!writer->Write(resp)) break;
      first = false;
    }
    // A drained server ends the watch, so shutdown never waits on it.
    if (!serving_) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return grpc::Status::OK;
}

}  // namespace bantin
