// The write side of BulletinService: ingest (one page; the stream is
// ingest_stream.cc) and delete.
// Every write needs a write token (service/auth.h).
#include "bantin/html/document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/text/dates.h"
#include "bulletin_service.h"
#include "ingest_stream.h"
#include "request_checks.h"

namespace bantin {

grpc::Status CheckPage(const std::string& raw, const v1::ParseHints& hints, const std::string& field,
                       size_t max_bytes) {
  if (raw.empty()) return InvalidField(field, "must not be empty");
  if (raw.size() > max_bytes)
    return InvalidField(field,
                        "a page of " + std::to_string(raw.size()) + " bytes is over the " + std::to_string(max_bytes) +
                            "-byte limit (--max-page-bytes)",
                        {{"limit", "max_page_bytes"}, {"max", std::to_string(max_bytes)}});
  return CheckHints("hints", hints);
}

grpc::Status BulletinServiceImpl::DoIngest(const Ctx&, const v1::IngestBulletinRequest& req,
                                           v1::IngestBulletinResponse* resp) {
  if (grpc::Status s = CheckPage(req.raw(), req.hints(), "raw", limits_.max_page_bytes); !s.ok()) return s;
  const ParseHints hints = FromProto(req.hints());
  Result<PutOutcome> put = store_->Put(Parse(req.raw(), hints), req.raw(), hints);
  if (!put.ok()) return ToGrpc(put.status());
  ToProto(put->bulletin, resp->mutable_bulletin());
  resp->set_created(put->created);
  return grpc::Status::OK;
}

grpc::ServerReadReactor<grpc::ByteBuffer>* BulletinServiceImpl::IngestBulletins(Context* ctx, Bytes* response) {
  return StartIngest(ctx, response, auth_->Check(*ctx, Access::kWrite), *store_, *gate_, *streams_, limits_);
}

grpc::Status BulletinServiceImpl::DoDelete(const Ctx&, const v1::DeleteBulletinRequest& req,
                                           v1::DeleteBulletinResponse*) {
  if (grpc::Status s = CheckId("id", req.id()); !s.ok()) return s;
  const Status deleted = store_->Delete(req.id());
  if (deleted.ok()) read_cache_.Invalidate();  // after the write: see ReadCache
  return ToGrpc(deleted);
}

}  // namespace bantin
