// SearchBulletins: the query and the AIP-160-style filter, run by storage's
// index with core's engine; deadlines and cancellation stop the work.
#include "core/filter.h"
#include "core/query.h"
#include "service/bulletin_service.h"
#include "storage/bulletin_codec.h"

namespace bantin {
namespace {

void AddHit(const SearchHit& h, v1::SearchResult* r) {
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

void AddFacets(const std::vector<FacetCount>& facets, google::protobuf::RepeatedPtrField<v1::FacetCount>* out) {
  for (const FacetCount& f : facets) {
    v1::FacetCount* pf = out->Add();
    pf->set_value(f.value);
    pf->set_count(static_cast<int64_t>(f.count));
  }
}

// The filter as query-language clauses; its errors name the filter field.
grpc::Status FilterClauses(const std::string& filter, const QueryLimits& limits, std::string* clauses) {
  Result<std::string> translated = FilterToQuery(filter);
  if (!translated.ok()) return ToGrpc(translated.status());
  // Clauses the query language refuses (an OR across fields) are the
  // filter's fault, reported against it.
  Result<Query> check = ParseQuery(*translated, limits);
  if (!check.ok()) {
    std::string why = check.status().message();
    if (why.rfind("query: ", 0) == 0) why = why.substr(7);
    return InvalidField("filter", why);
  }
  *clauses = std::move(*translated);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status BulletinServiceImpl::SearchBulletins(grpc::ServerContext* ctx, const v1::SearchBulletinsRequest* req,
                                                  v1::SearchBulletinsResponse* resp) {
  if (grpc::Status s = auth_->Check(*ctx, Access::kRead); !s.ok()) return s;
  const size_t length = req->query().size() + req->filter().size();
  if (length > limits_.max_query_bytes)
    return LimitExceeded("max_query_bytes", limits_.max_query_bytes,
                         "query: query and filter together are " + std::to_string(length) + " bytes, more than " +
                             std::to_string(limits_.max_query_bytes));
  SearchOptions o;
  if (grpc::Status s = PageSize(req->page_size(), &o.page_size); !s.ok()) return s;
  o.page_token = req->page_token();
  // The filter's clauses add quotes and operators to what the user typed.
  o.limits.max_bytes = 2 * limits_.max_query_bytes + 64;
  std::string query = req->query();
  if (!req->filter().empty()) {
    std::string clauses;
    if (grpc::Status s = FilterClauses(req->filter(), o.limits, &clauses); !s.ok()) return s;
    query += " " + clauses;
  }
  // A search past its deadline (or cancelled by the client) stops working.
  o.cancelled = [ctx] { return ctx->IsCancelled() || ctx->deadline() < std::chrono::system_clock::now(); };
  Result<SearchPage> page = store_->Search(query, o);
  if (!page.ok()) return ToGrpc(page.status());
  for (const SearchHit& h : page->hits) AddHit(h, resp->add_results());
  AddFacets(page->provinces, resp->mutable_province_facets());
  AddFacets(page->months, resp->mutable_month_facets());
  resp->set_next_page_token(page->next_page_token);
  resp->set_total_size(static_cast<int64_t>(page->total));
  return grpc::Status::OK;
}

}  // namespace bantin
