// grpc.health.v1.Health for bantin's server: SERVING for "" and
// "bantin.v1.BulletinService" while up, NOT_SERVING once draining, so load
// balancers stop sending before calls are refused. Check is a callback
// method answered on gRPC's own threads, like GetBulletin, so the load
// generator's "empty RPC" is the cheapest call this server can answer.
#ifndef BANTIN_SERVICE_HEALTH_SERVICE_H_
#define BANTIN_SERVICE_HEALTH_SERVICE_H_

#include <atomic>

#include "grpc/health/v1/health.grpc.pb.h"

namespace bantin {

class HealthService final
    : public grpc::health::v1::Health::WithCallbackMethod_Check<grpc::health::v1::Health::Service> {
 public:
  grpc::ServerUnaryReactor* Check(grpc::CallbackServerContext*, const grpc::health::v1::HealthCheckRequest*,
                                  grpc::health::v1::HealthCheckResponse*) override;
  // Sends the status now and again whenever it changes, until the client
  // cancels or the server drains.
  grpc::Status Watch(grpc::ServerContext*, const grpc::health::v1::HealthCheckRequest*,
                     grpc::ServerWriter<grpc::health::v1::HealthCheckResponse>*) override;

  void SetServing(bool serving) { serving_ = serving; }

 private:
  grpc::health::v1::HealthCheckResponse::ServingStatus StatusOf(const std::string& service) const;
  std::atomic<bool> serving_{true};
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_HEALTH_SERVICE_H_
