// BulletinService over gRPC: checks access and limits, translates between
// the wire and core/storage, nothing else (parsing is core's, persistence
// and ranking storage's). Errors follow service/api_errors.h.
#ifndef BANTIN_SERVICE_BULLETIN_SERVICE_H_
#define BANTIN_SERVICE_BULLETIN_SERVICE_H_

#include <grpcpp/grpcpp.h>

#include "api_errors.h"
#include "auth.h"
#include "bantin/storage/store.h"
#include "bantin/v1/bantin.grpc.pb.h"
#include "limits.h"
#include "read_cache.h"

namespace bantin {

// GetBulletin, the hottest read, is a raw callback method: it runs on
// gRPC's own threads (no hand-off to a worker) and answers with the stored
// bulletin's wire bytes, never parsed or re-encoded, kept for the next call
// in a ReadCache. Every other method is an ordinary synchronous one.
class BulletinServiceImpl final
    : public v1::BulletinService::WithRawCallbackMethod_GetBulletin<v1::BulletinService::Service> {
 public:
  // `store` and `auth` must outlive the service. `read_cache_bytes` bounds
  // the GetBulletin answers kept (0: none).
  BulletinServiceImpl(Store* store, const Authorizer* auth, ServiceLimits limits, size_t read_cache_bytes)
      : store_(store), auth_(auth), limits_(limits), read_cache_(read_cache_bytes) {}

  grpc::Status ParseBulletin(grpc::ServerContext*, const v1::ParseBulletinRequest*,
                             v1::ParseBulletinResponse*) override;
  grpc::Status IngestBulletin(grpc::ServerContext*, const v1::IngestBulletinRequest*,
                              v1::IngestBulletinResponse*) override;
  grpc::Status IngestBulletins(grpc::ServerContext*, grpc::ServerReader<v1::IngestBulletinsRequest>*,
                               v1::IngestBulletinsResponse*) override;
  grpc::ServerUnaryReactor* GetBulletin(grpc::CallbackServerContext*, const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::Status BatchGetBulletins(grpc::ServerContext*, const v1::BatchGetBulletinsRequest*,
                                 v1::BatchGetBulletinsResponse*) override;
  grpc::Status DeleteBulletin(grpc::ServerContext*, const v1::DeleteBulletinRequest*,
                              v1::DeleteBulletinResponse*) override;
  grpc::Status ListSources(grpc::ServerContext*, const v1::ListSourcesRequest*, v1::ListSourcesResponse*) override;
  grpc::Status ListBulletins(grpc::ServerContext*, const v1::ListBulletinsRequest*,
                             v1::ListBulletinsResponse*) override;
  grpc::Status SearchBulletins(grpc::ServerContext*, const v1::SearchBulletinsRequest*,
                               v1::SearchBulletinsResponse*) override;
  grpc::Status ExportBulletins(grpc::ServerContext*, const v1::ExportBulletinsRequest*,
                               grpc::ServerWriter<v1::ExportBulletinsResponse>*) override;

 private:
  grpc::Status ServeGet(const grpc::ServerContextBase& ctx, const grpc::ByteBuffer& request,
                        grpc::ByteBuffer* response);
  // The encoded GetBulletinResponse{bulletin} of `id`, from the cache or the store.
  Result<std::shared_ptr<const std::string>> EncodedBulletin(const std::string& id);
  // page_size checked (not negative) and lowered to the configured maximum.
  grpc::Status PageSize(int requested, int* page_size) const;

  Store* store_;
  const Authorizer* auth_;
  ServiceLimits limits_;
  ReadCache read_cache_;
};

// A page and its hints as the API accepts them: INVALID_ARGUMENT naming
// `field` (or its hints) otherwise. Shared by the unary and streaming ingest.
grpc::Status CheckPage(const std::string& raw, const v1::ParseHints& hints, const std::string& field);

}  // namespace bantin

#endif  // BANTIN_SERVICE_BULLETIN_SERVICE_H_
