// The read side of BulletinService: parse, get, list, sources, export.
// Writes are in bulletin_writes.cc, search in bulletin_search.cc.
#include "bulletin_service.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/wire_format_lite.h>

#include "bantin/html/document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/text/dates.h"
#include "export_stream.h"
#include "request_checks.h"
#include "unary_call.h"

namespace bantin {
Result<std::shared_ptr<const std::string>> BulletinServiceImpl::EncodedBulletin(const std::string& id) {
  if (std::shared_ptr<const std::string> hit = read_cache_.Find(id)) return hit;
  const uint64_t generation = read_cache_.generation();  // before the read: see ReadCache
  std::string wire;
  if (Status s = store_->GetBulletinWire(id, &wire); !s.ok()) return s;
  // GetBulletinResponse{bulletin = 1}: a tag and a length, then the stored bytes.
  auto encoded = std::make_shared<std::string>();
  encoded->reserve(wire.size() + 6);
  {
    google::protobuf::io::StringOutputStream out_stream(encoded.get());
    google::protobuf::io::CodedOutputStream out(&out_stream);
    out.WriteTag(google::protobuf::internal::WireFormatLite::MakeTag(
        v1::GetBulletinResponse::kBulletinFieldNumber,
        google::protobuf::internal::WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    out.WriteVarint32(static_cast<uint32_t>(wire.size()));
    out.WriteRaw(wire.data(), static_cast<int>(wire.size()));
  }
  read_cache_.Remember(id, encoded, generation);
  return std::shared_ptr<const std::string>(std::move(encoded));
}

template <class Request, class Response>
BulletinServiceImpl::Reactor* BulletinServiceImpl::Run(Context* ctx, const Bytes* request, Bytes* response,
                                                       Access access, Body<Request, Response> body) {
  return RunUnary<Request, Response>(
      ctx, request, response, *auth_, access, *gate_,
      [this, body](const Ctx& c, const Request& r, Response* out) { return (this->*body)(c, r, out); });
}

BulletinServiceImpl::Reactor* BulletinServiceImpl::ParseBulletin(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kRead, &BulletinServiceImpl::DoParse);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::IngestBulletin(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kWrite, &BulletinServiceImpl::DoIngest);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::BatchGetBulletins(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kRead, &BulletinServiceImpl::DoBatchGet);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::DeleteBulletin(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kWrite, &BulletinServiceImpl::DoDelete);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::ListSources(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kRead, &BulletinServiceImpl::DoListSources);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::ListBulletins(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kRead, &BulletinServiceImpl::DoList);
}
BulletinServiceImpl::Reactor* BulletinServiceImpl::SearchBulletins(Context* ctx, const Bytes* req, Bytes* resp) {
  return Run(ctx, req, resp, Access::kRead, &BulletinServiceImpl::DoSearch);
}

grpc::Status BulletinServiceImpl::PageSize(int requested, int* page_size) const {
  if (requested < 0) return InvalidField("page_size", "must not be negative");
  *page_size = requested > limits_.max_page_size ? limits_.max_page_size : requested;
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::DoParse(const Ctx&, const v1::ParseBulletinRequest& req,
                                          v1::ParseBulletinResponse* resp) {
  if (grpc::Status s = CheckPage(req.raw(), req.hints(), "raw", limits_.max_page_bytes); !s.ok()) return s;
  ToProto(Parse(req.raw(), FromProto(req.hints())), resp->mutable_bulletin());
  return grpc::Status::OK;
}

BulletinServiceImpl::Reactor* BulletinServiceImpl::GetBulletin(Context* ctx, const Bytes* request, Bytes* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  reactor->Finish(ServeGet(*ctx, *request, response));
  return reactor;
}

grpc::Status BulletinServiceImpl::ServeGet(const Ctx& ctx, const grpc::ByteBuffer& request,
                                           grpc::ByteBuffer* response) {
  if (grpc::Status s = auth_->Check(ctx, Access::kRead); !s.ok()) return s;
  v1::GetBulletinRequest req;
  if (grpc::Status s = DecodeRequest(request, &req); !s.ok()) return s;
  if (grpc::Status s = CheckId("id", req.id()); !s.ok()) return s;
  if (!req.include_raw()) {
    Result<std::shared_ptr<const std::string>> encoded = EncodedBulletin(req.id());
    if (!encoded.ok()) return ToGrpc(encoded.status());
    // The slice holds a reference to the bytes until gRPC has sent them.
    auto* holder = new std::shared_ptr<const std::string>(std::move(*encoded));
    grpc::Slice slice(
        const_cast<char*>((*holder)->data()), (*holder)->size(),
        [](void* h) { delete static_cast<std::shared_ptr<const std::string>*>(h); }, holder);
    *response = grpc::ByteBuffer(&slice, 1);
    return grpc::Status::OK;
  }
  Result<StoredRecord> r = store_->Get(req.id(), true);
  if (!r.ok()) return ToGrpc(r.status());
  v1::GetBulletinResponse resp;
  ToProto(r->bulletin, resp.mutable_bulletin());
  resp.set_raw(r->raw);
  bool own_buffer = false;
  return grpc::SerializationTraits<v1::GetBulletinResponse>::Serialize(resp, response, &own_buffer);
}

grpc::Status BulletinServiceImpl::DoBatchGet(const Ctx&, const v1::BatchGetBulletinsRequest& request,
                                             v1::BatchGetBulletinsResponse* resp) {
  const v1::BatchGetBulletinsRequest* req = &request;
  if (static_cast<size_t>(req->ids_size()) > limits_.max_batch_ids)
    return LimitExceeded("max_batch_ids", limits_.max_batch_ids,
                         "ids: at most " + std::to_string(limits_.max_batch_ids) + " per call");
  for (int i = 0; i < req->ids_size(); ++i)
    if (grpc::Status s = CheckId("ids[" + std::to_string(i) + "]", req->ids(i)); !s.ok()) return s;
  Result<std::vector<StoredRecord>> records =
      store_->BatchGet(std::vector<std::string>(req->ids().begin(), req->ids().end()));
  if (!records.ok()) return ToGrpc(records.status());
  for (const StoredRecord& r : *records) ToProto(r.bulletin, resp->add_bulletins());
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::DoListSources(const Ctx&, const v1::ListSourcesRequest& request,
                                                v1::ListSourcesResponse* resp) {
  const v1::ListSourcesRequest* req = &request;
  int page_size = 0;
  if (grpc::Status s = PageSize(req->page_size(), &page_size); !s.ok()) return s;
  Result<SourcesPage> page = store_->ListSources(page_size, req->page_token());
  if (!page.ok()) return ToGrpc(page.status());
  for (const SourceSummary& s : page->sources) {
    v1::SourceSummary* ps = resp->add_sources();
    ToProto(s.source, ps->mutable_source());
    ps->set_bulletin_count(static_cast<int64_t>(s.count));
    ps->set_first_date(s.first_date);
    ps->set_last_date(s.last_date);
  }
  resp->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::DoList(const Ctx&, const v1::ListBulletinsRequest& request,
                                         v1::ListBulletinsResponse* resp) {
  const v1::ListBulletinsRequest* req = &request;
  if (Status s = CheckOptionalDate(req->from_date(), "from_date"); !s.ok()) return ToGrpc(s);
  if (Status s = CheckOptionalDate(req->to_date(), "to_date"); !s.ok()) return ToGrpc(s);
  if (grpc::Status s = CheckLength("source_id", req->source_id(), kMaxNameBytes); !s.ok()) return s;
  if (grpc::Status s = CheckLength("province", req->province(), kMaxNameBytes); !s.ok()) return s;
  ListOptions o;
  if (grpc::Status s = PageSize(req->page_size(), &o.page_size); !s.ok()) return s;
  o.source_id = req->source_id();
  o.province = req->province();
  o.from_date = req->from_date();
  o.to_date = req->to_date();
  o.page_token = req->page_token();
  Result<ListPage> page = store_->List(o);
  if (!page.ok()) return ToGrpc(page.status());
  for (const Bulletin& b : page->bulletins) ToProto(b, resp->add_bulletins());
  for (const DamagedRecord& d : page->damaged) ToProto(d, resp->add_damaged());
  resp->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* BulletinServiceImpl::ExportBulletins(Context* ctx, const Bytes* request) {
  return StartExport(ctx, *request, auth_->Check(*ctx, Access::kRead), *store_, *streams_);
}

}  // namespace bantin
