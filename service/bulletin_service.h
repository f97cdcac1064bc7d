// BulletinService over gRPC: translates between the wire and core/storage,
// nothing else (parsing is core's, persistence and ranking storage's).
#ifndef BANTIN_SERVICE_BULLETIN_SERVICE_H_
#define BANTIN_SERVICE_BULLETIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "bantin/v1/bantin.grpc.pb.h"
#include "core/status.h"
#include "storage/store.h"

namespace bantin {

// Maps a core Status to the gRPC status with the same meaning.
grpc::Status ToGrpc(const Status& status);

class BulletinServiceImpl final : public v1::BulletinService::Service {
 public:
  explicit BulletinServiceImpl(Store* store) : store_(store) {}

  grpc::Status ParseBulletin(grpc::ServerContext*, const v1::ParseBulletinRequest*,
                             v1::ParseBulletinResponse*) override;
  grpc::Status IngestBulletin(grpc::ServerContext*, const v1::IngestBulletinRequest*,
                              v1::IngestBulletinResponse*) override;
  grpc::Status GetBulletin(grpc::ServerContext*, const v1::GetBulletinRequest*,
                           v1::GetBulletinResponse*) override;
  grpc::Status BatchGetBulletins(grpc::ServerContext*, const v1::BatchGetBulletinsRequest*,
                                 v1::BatchGetBulletinsResponse*) override;
  grpc::Status DeleteBulletin(grpc::ServerContext*, const v1::DeleteBulletinRequest*,
                              v1::DeleteBulletinResponse*) override;
  grpc::Status ListSources(grpc::ServerContext*, const v1::ListSourcesRequest*,
                           v1::ListSourcesResponse*) override;
  grpc::Status ListBulletins(grpc::ServerContext*, const v1::ListBulletinsRequest*,
                             v1::ListBulletinsResponse*) override;
  grpc::Status SearchBulletins(grpc::ServerContext*, const v1::SearchBulletinsRequest*,
                               v1::SearchBulletinsResponse*) override;

 private:
  Store* store_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_BULLETIN_SERVICE_H_
