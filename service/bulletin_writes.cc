// The write side of BulletinService: ingest (one page or a stream) and delete.
// Every write needs a write token (service/auth.h).
#include <thread>

#include "bantin/html/document.h"
#include "bantin/storage/bulletin_codec.h"
#include "bantin/text/dates.h"
#include "bulletin_service.h"
#include "request_checks.h"

namespace bantin {
namespace {

// Pages of a stream are parsed and committed this many at a time: one
// RocksDB batch each, so a crash loses at most the batch being written and
// the caller hears about nothing it must not trust.
constexpr size_t kStreamBatchPages = 128;
constexpr size_t kStreamBatchBytes = 16u << 20;

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

void AddFailure(v1::IngestBulletinsResponse* resp, int64_t index, const std::string& label, const grpc::Status& s) {
  v1::IngestFailure* f = resp->add_failures();
  f->set_index(index);
  f->set_label(label);
  f->set_code(static_cast<int>(s.error_code()));
  f->set_reason(ReasonOf(s));
  f->set_message(s.error_message());
  resp->set_failed(resp->failed() + 1);
}

}  // namespace

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

grpc::Status BulletinServiceImpl::IngestBulletins(grpc::ServerContext* ctx,
                                                  grpc::ServerReader<v1::IngestBulletinsRequest>* reader,
                                                  v1::IngestBulletinsResponse* resp) {
  if (grpc::Status s = auth_->Check(*ctx, Access::kWrite); !s.ok()) return s;
  std::vector<PendingPage> batch;
  size_t batch_bytes = 0;
  const auto flush = [&] {
    if (batch.empty()) return;
    std::vector<std::pair<int64_t, std::string>> where;  // index and label, by item
    for (PendingPage& p : batch) where.emplace_back(p.index, std::move(p.label));
    std::vector<IngestItem> items = ParseAll(batch);
    batch.clear();
    batch_bytes = 0;
    Result<std::vector<PutOutcome>> put = store_->PutMany(items);
    // A batch refused as a whole is retried page by page, so one bad page
    // costs only itself.
    for (size_t i = 0; i < items.size(); ++i) {
      Result<PutOutcome> one =
          put.ok() ? Result<PutOutcome>((*put)[i]) : store_->Put(items[i].bulletin, items[i].raw, items[i].hints);
      if (!one.ok()) {
        AddFailure(resp, where[i].first, where[i].second, ToGrpc(one.status()));
        continue;
      }
      resp->set_ids(static_cast<int>(where[i].first), one->bulletin.id);
      if (one->created)
        resp->set_created(resp->created() + 1);
      else
        resp->set_unchanged(resp->unchanged() + 1);
    }
  };
  v1::IngestBulletinsRequest item;
  int64_t index = 0;
  while (reader->Read(&item)) {
    if (static_cast<size_t>(index) >= limits_.max_stream_items) {
      flush();
      return ApiError(grpc::StatusCode::RESOURCE_EXHAUSTED, "LIMIT_EXCEEDED",
                      "stream: more than " + std::to_string(limits_.max_stream_items) + " pages; the first " +
                          std::to_string(limits_.max_stream_items) +
                          " were processed (send the rest in another stream)",
                      {{"limit", "max_stream_items"}, {"max", std::to_string(limits_.max_stream_items)}});
    }
    resp->set_received(index + 1);
    resp->add_ids();
    if (grpc::Status s = CheckPage(item.raw(), item.hints(), "raw", limits_.max_page_bytes); !s.ok()) {
      AddFailure(resp, index, item.label(), s);
    } else {
      batch_bytes += item.raw().size();
      batch.push_back({index, item.label(), std::move(*item.mutable_raw()), FromProto(item.hints())});
      if (batch.size() >= kStreamBatchPages || batch_bytes >= kStreamBatchBytes) flush();
    }
    ++index;
  }
  flush();
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::DoDelete(const Ctx&, const v1::DeleteBulletinRequest& req,
                                           v1::DeleteBulletinResponse*) {
  if (grpc::Status s = CheckId("id", req.id()); !s.ok()) return s;
  const Status deleted = store_->Delete(req.id());
  if (deleted.ok()) read_cache_.Invalidate();  // after the write: see ReadCache
  return ToGrpc(deleted);
}

}  // namespace bantin
