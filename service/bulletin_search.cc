// SearchBulletins: the query and the AIP-160-style filter, run by storage's
// index with core's engine; deadlines and cancellation stop the work.
#include "bantin/query/filter.h"
#include "bantin/query/query.h"
#include "bantin/storage/bulletin_codec.h"
#include "bulletin_service.h"

namespace bantin {
namespace {

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
    // The query parser's InvalidField("query", description): the same
    // description, against the filter.
    const Status& s = check.status();
    return InvalidField("filter", s.message().substr(s.field().empty() ? 0 : s.field().size() + 2));
  }
  *clauses = std::move(*translated);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status BulletinServiceImpl::DoSearch(const Ctx& context, const v1::SearchBulletinsRequest& request,
                                           v1::SearchBulletinsResponse* resp) {
  const v1::SearchBulletinsRequest* req = &request;
  const Ctx* ctx = &context;
  const size_t length = req->query().size() + req->filter().size();
  if (length > limits_.max_query_bytes)
    return LimitExceeded("max_query_bytes", limits_.max_query_bytes,
                         "query: query and filter together are " + std::to_string(length) + " bytes, more than " +
                             std::to_string(limits_.max_query_bytes));
  SearchOptions o;
  if (grpc::Status s = PageSize(req->page_size(), &o.page_size); !s.ok()) return s;
  o.page_token = req->page_token();
  o.collapse_copies = req->collapse_copies();
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
  for (const SearchHit& h : page->hits) ToProto(h, resp->add_results());
  AddFacets(page->provinces, resp->mutable_province_facets());
  AddFacets(page->months, resp->mutable_month_facets());
  AddFacets(page->places, resp->mutable_place_facets());
  resp->set_next_page_token(page->next_page_token);
  resp->set_total_size(static_cast<int64_t>(page->total));
  for (const DamagedRecord& d : page->damaged) ToProto(d, resp->add_damaged());
  return grpc::Status::OK;
}

}  // namespace bantin
