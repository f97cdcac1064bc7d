#include "ingest_stream.h"

#include <thread>

#include "api_errors.h"
#include "bantin/html/document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/v1/bantin.pb.h"
#include "bulletin_service.h"
#include "request_decoding.h"

namespace bantin {
namespace {

// Pages are parsed and committed this many at a time: one RocksDB batch
// each, so a crash loses at most the batch being written and the caller
// hears about nothing it must not trust.
constexpr size_t kBatchPages = 128;
constexpr size_t kBatchBytes = 16u << 20;

struct PendingPage {
  int64_t index = 0;
  std::string label;
  std::string raw;
  ParseHints hints;
};

// Parses pages on both cores: parsing, not storage, is most of an ingest.
std::vector<IngestItem> ParseAll(std::vector<PendingPage>& pages) {
  std::vector<IngestItem> items(pages.size());
  const auto parse = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      items[i].bulletin = Parse(pages[i].raw, pages[i].hints);
      items[i].raw = std::move(pages[i].raw);
      items[i].hints = std::move(pages[i].hints);
    }
  };
  if (pages.size() < 2) {
    parse(0, pages.size());
    return items;
  }
  const size_t half = pages.size() / 2;
  std::thread helper(parse, 0, half);
  parse(half, pages.size());
  helper.join();
  return items;
}

void AddFailure(v1::IngestBulletinsResponse& resp, int64_t index, const std::string& label, const grpc::Status& s) {
  v1::IngestFailure* f = resp.add_failures();
  f->set_index(index);
  f->set_label(label);
  f->set_code(static_cast<int>(s.error_code()));
  f->set_reason(ReasonOf(s));
  f->set_message(s.error_message());
  resp.set_failed(resp.failed() + 1);
}

class IngestStream final : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  IngestStream(grpc::ByteBuffer* response, Store& store, CallGate& gate, OpenStreams& streams,
               const ServiceLimits& limits)
      : response_(response), store_(store), gate_(gate), streams_(streams), limits_(limits) {}

  void Start() { StartRead(&message_); }

  void OnReadDone(bool ok) override {
    if (!ok) return CommitThen([this] { End(grpc::Status::OK); });
    streams_.Progress(this);
    if (static_cast<size_t>(index_) >= limits_.max_stream_items) {
      const std::string max = std::to_string(limits_.max_stream_items);
      return CommitThen([this, max] {
        End(ApiError(grpc::StatusCode::RESOURCE_EXHAUSTED, "LIMIT_EXCEEDED",
                     "stream: more than " + max + " pages; the first " + max +
                         " were processed (send the rest in another stream)",
                     {{"limit", "max_stream_items"}, {"max", max}}));
      });
    }
    summary_.set_received(index_ + 1);
    summary_.add_ids();
    v1::IngestBulletinsRequest item;
    grpc::Status s = DecodeRequest(message_, &item);
    if (s.ok()) s = CheckPage(item.raw(), item.hints(), "raw", limits_.max_page_bytes);
    if (!s.ok()) {
      AddFailure(summary_, index_, item.label(), s);
    } else {
      batch_bytes_ += item.raw().size();
      batch_.push_back({index_, item.label(), std::move(*item.mutable_raw()), FromProto(item.hints())});
    }
    ++index_;
    if (batch_.size() >= kBatchPages || batch_bytes_ >= kBatchBytes)
      return CommitThen([this] { StartRead(&message_); });
    StartRead(&message_);
  }

  void OnDone() override {
    streams_.Close(this);
    delete this;
  }

 private:
  // Parses and stores the batch on a gate worker (no read is pending
  // meanwhile), then runs `then` there.
  void CommitThen(std::function<void()> then) {
    if (batch_.empty()) return then();
    gate_.Run(CallGate::Lane::kWrite, [this, then] {
      Commit();
      then();
    });
  }

  void Commit() {
    std::vector<IngestItem> items = ParseAll(batch_);
    std::vector<std::pair<int64_t, std::string>> where;  // index and label, by item
    for (PendingPage& p : batch_) where.emplace_back(p.index, std::move(p.label));
    batch_.clear();
    batch_bytes_ = 0;
    Result<std::vector<PutOutcome>> put = store_.PutMany(items);
    // A batch refused as a whole is retried page by page, so one bad page
    // costs only itself.
    for (size_t i = 0; i < items.size(); ++i) {
      Result<PutOutcome> one =
          put.ok() ? Result<PutOutcome>((*put)[i]) : store_.Put(items[i].bulletin, items[i].raw, items[i].hints);
      if (!one.ok()) {
        AddFailure(summary_, where[i].first, where[i].second, ToGrpc(one.status()));
        continue;
      }
      summary_.set_ids(static_cast<int>(where[i].first), one->bulletin.id);
      if (one->created)
        summary_.set_created(summary_.created() + 1);
      else
        summary_.set_unchanged(summary_.unchanged() + 1);
    }
  }

  void End(grpc::Status status) {
    if (status.ok()) status = EncodeResponse(summary_, response_);
    Finish(status);
  }

  grpc::ByteBuffer* response_;
  Store& store_;
  CallGate& gate_;
  OpenStreams& streams_;
  const ServiceLimits& limits_;
  grpc::ByteBuffer message_;  // the read in flight
  v1::IngestBulletinsResponse summary_;
  std::vector<PendingPage> batch_;
  size_t batch_bytes_ = 0;
  int64_t index_ = 0;
};

}  // namespace

grpc::ServerReadReactor<grpc::ByteBuffer>* StartIngest(grpc::CallbackServerContext* ctx, grpc::ByteBuffer* response,
                                                       grpc::Status auth_status, Store& store, CallGate& gate,
                                                       OpenStreams& streams, const ServiceLimits& limits) {
  using Reader = grpc::ServerReadReactor<grpc::ByteBuffer>;
  if (!auth_status.ok()) return new RefusedStream<Reader>(auth_status);
  return OpenAndStart<Reader>(new IngestStream(response, store, gate, streams, limits), ctx, streams);
}

}  // namespace bantin
