// grpc.health.v1.Health for bantin's server: SERVING for "" and
// "bantin.v1.BulletinService" while up, NOT_SERVING once draining, so load
// balancers stop sending before calls are refused. Writes have their own
// name, kWritesService: NOT_SERVING while the store refuses writes (a full
// disk; README.md, Reliability) though reads go on, SERVING again when
// they work. kIntegrityService is NOT_SERVING once damage was found (a
// damaged log skipped at open, damaged entries, a read that passed over a
// damaged record) until a repair. Check is a callback
// method answered on gRPC's own threads, like GetBulletin, so the load
// generator's "empty RPC" is the cheapest call this server can answer.
#ifndef BANTIN_SERVICE_HEALTH_SERVICE_H_
#define BANTIN_SERVICE_HEALTH_SERVICE_H_

#include <atomic>
#include <functional>
#include <string>

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

  static constexpr char kWritesService[] = "bantin.v1.BulletinService.writes";
  static constexpr char kIntegrityService[] = "bantin.v1.BulletinService.integrity";

  void SetServing(bool serving) { serving_ = serving; }
  // How to tell whether writes work now; unset: they do.
  void SetWritesCheck(std::function<bool()> writable) { writable_ = std::move(writable); }
  // How to tell whether damage was found; unset: none was.
  void SetDamageCheck(std::function<bool()> damaged) { damaged_ = std::move(damaged); }

 private:
  grpc::health::v1::HealthCheckResponse::ServingStatus StatusOf(const std::string& service) const;
  std::atomic<bool> serving_{true};
  std::function<bool()> writable_;  // set before the server starts
  std::function<bool()> damaged_;   // likewise
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_HEALTH_SERVICE_H_
