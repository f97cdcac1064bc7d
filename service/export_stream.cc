#include "export_stream.h"

#include "api_errors.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "request_checks.h"
#include "request_decoding.h"

namespace bantin {
namespace {

class ExportStream final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  ExportStream(const Store& store, const ExportFilter& filter, OpenStreams& streams)
      : cursor_(store, filter), streams_(streams) {}

  void Start() { WriteNext(); }

  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(ApiError(grpc::StatusCode::CANCELLED, "CANCELLED", "the export was cancelled"));
    streams_.Progress(this);
    WriteNext();
  }
  void OnDone() override {
    streams_.Close(this);
    delete this;
  }

 private:
  // Damaged records are reported as they are found, in their place in the
  // order (near enough: a page of records is read at a time).
  void WriteNext() {
    v1::ExportBulletinsResponse item;
    if (damaged_.empty()) {
      Bulletin b;
      std::string text;
      Result<bool> more = cursor_.Next(&b, &text);
      if (!more.ok()) return Finish(ToGrpc(more.status()));
      damaged_ = cursor_.TakeDamaged();
      if (!*more && damaged_.empty()) return Finish(grpc::Status::OK);
      if (*more) {
        ToProto(b, item.mutable_bulletin());
        item.set_text(std::move(text));
      }
    }
    if (!item.has_bulletin()) {
      ToProto(damaged_.back(), item.mutable_damaged());
      damaged_.pop_back();
    }
    if (grpc::Status s = EncodeResponse(item, &message_); !s.ok()) return Finish(s);
    StartWrite(&message_);
  }

  ExportCursor cursor_;
  std::vector<DamagedRecord> damaged_;  // found, not yet written
  OpenStreams& streams_;
  grpc::ByteBuffer message_;  // the write in flight
};

// The request's filter, checked.
grpc::Status ReadFilter(const grpc::ByteBuffer& request, ExportFilter* f) {
  v1::ExportBulletinsRequest req;
  if (grpc::Status s = DecodeRequest(request, &req); !s.ok()) return s;
  if (grpc::Status s = CheckLength("source_id", req.source_id(), kMaxNameBytes); !s.ok()) return s;
  if (grpc::Status s = CheckLength("province", req.province(), kMaxNameBytes); !s.ok()) return s;
  f->source_id = req.source_id();
  f->province = req.province();
  f->from_date = req.from_date();
  f->to_date = req.to_date();
  f->with_text = !req.omit_text();
  return ToGrpc(CheckExportFilter(*f));
}

}  // namespace

grpc::ServerWriteReactor<grpc::ByteBuffer>* StartExport(grpc::CallbackServerContext* ctx,
                                                        const grpc::ByteBuffer& request, grpc::Status auth_status,
                                                        const Store& store, OpenStreams& streams) {
  using Writer = grpc::ServerWriteReactor<grpc::ByteBuffer>;
  ExportFilter filter;
  grpc::Status s = auth_status;
  if (s.ok()) s = ReadFilter(request, &filter);
  if (!s.ok()) return new RefusedStream<Writer>(s);
  return OpenAndStart<Writer>(new ExportStream(store, filter, streams), ctx, streams);
}

}  // namespace bantin
