#include "service/bulletin_service.h"

#include "core/dates.h"
#include "core/parser.h"
#include "html/document.h"
#include "storage/bulletin_codec.h"

namespace bantin {
namespace {

constexpr size_t kMaxRawBytes = 64 << 20;
constexpr int kMaxBatch = 500;

grpc::Status CheckRaw(const std::string& raw, const v1::ParseHints& hints) {
  if (raw.empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "raw: must not be empty"};
  if (raw.size() > kMaxRawBytes)
    return {grpc::StatusCode::RESOURCE_EXHAUSTED, "raw: larger than 64 MiB"};
  int y, m, d;
  if (!hints.fetch_date().empty() && !ParseIsoDate(hints.fetch_date(), &y, &m, &d))
    return {grpc::StatusCode::INVALID_ARGUMENT, "hints.fetch_date: expected YYYY-MM-DD"};
  return grpc::Status::OK;
}

grpc::Status CheckDate(const std::string& value, const char* field) {
  int y, m, d;
  if (value.empty() || ParseIsoDate(value, &y, &m, &d)) return grpc::Status::OK;
  return {grpc::StatusCode::INVALID_ARGUMENT, std::string(field) + ": expected YYYY-MM-DD, got \"" + value + "\""};
}

}  // namespace

grpc::Status ToGrpc(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return grpc::Status::OK;
    case StatusCode::kInvalidArgument: return {grpc::StatusCode::INVALID_ARGUMENT, s.message()};
    case StatusCode::kNotFound: return {grpc::StatusCode::NOT_FOUND, s.message()};
    case StatusCode::kResourceExhausted: return {grpc::StatusCode::RESOURCE_EXHAUSTED, s.message()};
    case StatusCode::kUnavailable: return {grpc::StatusCode::UNAVAILABLE, s.message()};
    case StatusCode::kDeadlineExceeded: return {grpc::StatusCode::DEADLINE_EXCEEDED, s.message()};
    case StatusCode::kFailedPrecondition: return {grpc::StatusCode::FAILED_PRECONDITION, s.message()};
    case StatusCode::kInternal: break;
  }
  return {grpc::StatusCode::INTERNAL, s.message()};
}

grpc::Status BulletinServiceImpl::ParseBulletin(grpc::ServerContext*,
                                                const v1::ParseBulletinRequest* req,
                                                v1::ParseBulletinResponse* resp) {
  if (grpc::Status s = CheckRaw(req->raw(), req->hints()); !s.ok()) return s;
  ToProto(ParseDocument(req->raw(), FromProto(req->hints())), resp->mutable_bulletin());
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::IngestBulletin(grpc::ServerContext*,
                                                 const v1::IngestBulletinRequest* req,
                                                 v1::IngestBulletinResponse* resp) {
  if (grpc::Status s = CheckRaw(req->raw(), req->hints()); !s.ok()) return s;
  const ParseHints hints = FromProto(req->hints());
  Result<PutOutcome> put = store_->Put(ParseDocument(req->raw(), hints), req->raw(), hints);
  if (!put.ok()) return ToGrpc(put.status());
  ToProto(put->bulletin, resp->mutable_bulletin());
  resp->set_created(put->created);
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::GetBulletin(grpc::ServerContext*,
                                              const v1::GetBulletinRequest* req,
                                              v1::GetBulletinResponse* resp) {
  if (req->id().empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "id: must not be empty"};
  Result<StoredRecord> r = store_->Get(req->id(), req->include_raw());
  if (!r.ok()) return ToGrpc(r.status());
  ToProto(r->bulletin, resp->mutable_bulletin());
  if (req->include_raw()) resp->set_raw(r->raw);
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::BatchGetBulletins(grpc::ServerContext*,
                                                    const v1::BatchGetBulletinsRequest* req,
                                                    v1::BatchGetBulletinsResponse* resp) {
  if (req->ids_size() > kMaxBatch)
    return {grpc::StatusCode::INVALID_ARGUMENT, "ids: at most " + std::to_string(kMaxBatch)};
  for (int i = 0; i < req->ids_size(); ++i)
    if (req->ids(i).empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "ids[" + std::to_string(i) + "]: must not be empty"};
  Result<std::vector<StoredRecord>> records =
      store_->BatchGet(std::vector<std::string>(req->ids().begin(), req->ids().end()));
  if (!records.ok()) return ToGrpc(records.status());
  for (const StoredRecord& r : *records) ToProto(r.bulletin, resp->add_bulletins());
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::DeleteBulletin(grpc::ServerContext*, const v1::DeleteBulletinRequest* req,
                                                 v1::DeleteBulletinResponse*) {
  if (req->id().empty()) return {grpc::StatusCode::INVALID_ARGUMENT, "id: must not be empty"};
  return ToGrpc(store_->Delete(req->id()));
}

grpc::Status BulletinServiceImpl::ListSources(grpc::ServerContext*, const v1::ListSourcesRequest* req,
                                              v1::ListSourcesResponse* resp) {
  if (req->page_size() < 0) return {grpc::StatusCode::INVALID_ARGUMENT, "page_size: must not be negative"};
  Result<SourcesPage> page = store_->ListSources(req->page_size(), req->page_token());
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

grpc::Status BulletinServiceImpl::ListBulletins(grpc::ServerContext*,
                                                const v1::ListBulletinsRequest* req,
                                                v1::ListBulletinsResponse* resp) {
  if (grpc::Status s = CheckDate(req->from_date(), "from_date"); !s.ok()) return s;
  if (grpc::Status s = CheckDate(req->to_date(), "to_date"); !s.ok()) return s;
  if (req->page_size() < 0) return {grpc::StatusCode::INVALID_ARGUMENT, "page_size: must not be negative"};
  ListOptions o;
  o.source_id = req->source_id();
  o.province = req->province();
  o.from_date = req->from_date();
  o.to_date = req->to_date();
  o.page_size = req->page_size();
  o.page_token = req->page_token();
  Result<ListPage> page = store_->List(o);
  if (!page.ok()) return ToGrpc(page.status());
  for (const Bulletin& b : page->bulletins) ToProto(b, resp->add_bulletins());
  resp->set_next_page_token(page->next_page_token);
  return grpc::Status::OK;
}

grpc::Status BulletinServiceImpl::SearchBulletins(grpc::ServerContext* ctx,
                                                  const v1::SearchBulletinsRequest* req,
                                                  v1::SearchBulletinsResponse* resp) {
  if (req->page_size() < 0) return {grpc::StatusCode::INVALID_ARGUMENT, "page_size: must not be negative"};
  SearchOptions o;
  o.page_size = req->page_size();
  o.page_token = req->page_token();
  // A search past its deadline (or cancelled by the client) stops working.
  o.cancelled = [ctx] { return ctx->IsCancelled() || ctx->deadline() < std::chrono::system_clock::now(); };
  Result<SearchPage> page = store_->Search(req->query(), o);
  if (!page.ok()) return ToGrpc(page.status());
  for (const SearchHit& h : page->hits) {
    v1::SearchResult* r = resp->add_results();
    r->set_id(h.bulletin.id);
    r->set_title(h.bulletin.title);
    r->set_date(h.bulletin.date);
    r->set_author(h.bulletin.author);
    ToProto(h.bulletin.source, r->mutable_source());
    r->set_score(h.score);
    r->set_exact_terms(h.exact_terms);
    for (const Snippet& sn : h.snippets) {
      if (r->snippet().empty() && sn.block >= 0) r->set_snippet(sn.text);
      v1::Snippet* ps = r->add_snippets();
      ps->set_field(sn.field);
      ps->set_block(sn.block);
      ps->set_offset(sn.offset);
      ps->set_text(sn.text);
      for (const HighlightSpan& span : sn.highlights) {
        v1::Snippet::Highlight* hl = ps->add_highlights();
        hl->set_begin(span.begin);
        hl->set_end(span.end);
      }
    }
  }
  for (const FacetCount& f : page->provinces) {
    v1::FacetCount* pf = resp->add_province_facets();
    pf->set_value(f.value);
    pf->set_count(static_cast<int64_t>(f.count));
  }
  for (const FacetCount& f : page->months) {
    v1::FacetCount* pf = resp->add_month_facets();
    pf->set_value(f.value);
    pf->set_count(static_cast<int64_t>(f.count));
  }
  resp->set_next_page_token(page->next_page_token);
  resp->set_total_size(static_cast<int64_t>(page->total));
  return grpc::Status::OK;
}

}  // namespace bantin
