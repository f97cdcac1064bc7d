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
#include "call_gate.h"
#include "limits.h"
#include "open_streams.h"
#include "read_cache.h"

namespace bantin {

// Every unary method is a raw callback method (service/unary_call.h): the
// service decodes the request itself and runs the work on the server's
// CallGate, which bounds how many calls work at once. GetBulletin, the
// hottest read, runs on gRPC's own threads instead (a cache hit or one
// read, no hand-off) and answers with the stored bulletin's wire bytes,
// never parsed or re-encoded, kept for the next call in a ReadCache.
// The two streams are callback streams too (export_stream.h,
// ingest_stream.h): no thread per stream, capped and timed out by
// OpenStreams.
using RawMethods = v1::BulletinService::WithRawCallbackMethod_ParseBulletin<
    v1::BulletinService::WithRawCallbackMethod_IngestBulletin<v1::BulletinService::WithRawCallbackMethod_GetBulletin<
        v1::BulletinService::WithRawCallbackMethod_BatchGetBulletins<
            v1::BulletinService::WithRawCallbackMethod_DeleteBulletin<
                v1::BulletinService::WithRawCallbackMethod_ListSources<
                    v1::BulletinService::WithRawCallbackMethod_ListBulletins<
                        v1::BulletinService::WithRawCallbackMethod_SearchBulletins<
                            v1::BulletinService::WithRawCallbackMethod_ExportBulletins<
                                v1::BulletinService::WithRawCallbackMethod_IngestBulletins<
                                    v1::BulletinService::Service>>>>>>>>>>;

class BulletinServiceImpl final : public RawMethods {
 public:
  // `store`, `auth`, `gate` and `streams` must outlive the service.
  // `read_cache_bytes` bounds the GetBulletin answers kept (0: none).
  BulletinServiceImpl(Store* store, const Authorizer* auth, CallGate* gate, OpenStreams* streams, ServiceLimits limits,
                      size_t read_cache_bytes)
      : store_(store), auth_(auth), gate_(gate), streams_(streams), limits_(limits), read_cache_(read_cache_bytes) {}

  using Reactor = grpc::ServerUnaryReactor;
  using Context = grpc::CallbackServerContext;
  using Bytes = grpc::ByteBuffer;
  Reactor* ParseBulletin(Context*, const Bytes*, Bytes*) override;
  Reactor* IngestBulletin(Context*, const Bytes*, Bytes*) override;
  Reactor* GetBulletin(Context*, const Bytes*, Bytes*) override;
  Reactor* BatchGetBulletins(Context*, const Bytes*, Bytes*) override;
  Reactor* DeleteBulletin(Context*, const Bytes*, Bytes*) override;
  Reactor* ListSources(Context*, const Bytes*, Bytes*) override;
  Reactor* ListBulletins(Context*, const Bytes*, Bytes*) override;
  Reactor* SearchBulletins(Context*, const Bytes*, Bytes*) override;
  grpc::ServerReadReactor<grpc::ByteBuffer>* IngestBulletins(Context*, Bytes*) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* ExportBulletins(Context*, const Bytes*) override;

 private:
  // The methods' work, once access is checked and the request decoded.
  using Ctx = grpc::ServerContextBase;
  grpc::Status DoParse(const Ctx&, const v1::ParseBulletinRequest&, v1::ParseBulletinResponse*);
  grpc::Status DoIngest(const Ctx&, const v1::IngestBulletinRequest&, v1::IngestBulletinResponse*);
  grpc::Status DoBatchGet(const Ctx&, const v1::BatchGetBulletinsRequest&, v1::BatchGetBulletinsResponse*);
  grpc::Status DoDelete(const Ctx&, const v1::DeleteBulletinRequest&, v1::DeleteBulletinResponse*);
  grpc::Status DoListSources(const Ctx&, const v1::ListSourcesRequest&, v1::ListSourcesResponse*);
  grpc::Status DoList(const Ctx&, const v1::ListBulletinsRequest&, v1::ListBulletinsResponse*);
  grpc::Status DoSearch(const Ctx&, const v1::SearchBulletinsRequest&, v1::SearchBulletinsResponse*);

  template <class Request, class Response>
  using Body = grpc::Status (BulletinServiceImpl::*)(const Ctx&, const Request&, Response*);
  // Runs `body` as the method: access, decoding and the gate (unary_call.h).
  template <class Request, class Response>
  Reactor* Run(Context* ctx, const Bytes* request, Bytes* response, Access access, Body<Request, Response> body);

  grpc::Status ServeGet(const Ctx& ctx, const grpc::ByteBuffer& request, grpc::ByteBuffer* response);
  // The encoded GetBulletinResponse{bulletin} of `id`, from the cache or the store.
  Result<std::shared_ptr<const std::string>> EncodedBulletin(const std::string& id);
  // page_size checked (not negative) and lowered to the configured maximum.
  grpc::Status PageSize(int requested, int* page_size) const;

  Store* store_;
  const Authorizer* auth_;
  CallGate* gate_;
  OpenStreams* streams_;
  ServiceLimits limits_;
  ReadCache read_cache_;
};

// A page and its hints as the API accepts them: not empty, at most
// `max_bytes`; INVALID_ARGUMENT naming `field` (or its hints) otherwise.
// Shared by parse and the unary and streaming ingest.
grpc::Status CheckPage(const std::string& raw, const v1::ParseHints& hints, const std::string& field, size_t max_bytes);

}  // namespace bantin

#endif  // BANTIN_SERVICE_BULLETIN_SERVICE_H_
