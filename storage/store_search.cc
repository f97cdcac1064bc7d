// Store::Search: core's engine (the same code the browser runs) over the
// stored posting lists and the in-memory document table.
#include <rocksdb/db.h>

#include "storage/keys.h"
#include "storage/store.h"
#include "storage/store_util.h"

namespace bantin {

// Read access for the engine; the caller holds doc_mu_ shared.
class Store::IndexView : public IndexReader {
 public:
  explicit IndexView(const Store& store) : store_(store) {}

  Status Postings(const std::string& folded, std::string* list) const override {
    rocksdb::Status s = store_.db_->Get(rocksdb::ReadOptions(), keys::Postings(folded), list);
    if (s.IsNotFound()) {
      list->clear();
      return Status::Ok();
    }
    return FromRocks(s, "postings of '" + folded + "'");
  }
  const DocMeta* Meta(uint32_t docno) const override {
    return docno < store_.docs_.size() ? store_.docs_[docno].get() : nullptr;
  }
  uint32_t DocLimit() const override { return store_.next_docno_; }
  CorpusTotals Totals() const override { return store_.totals_; }

 private:
  const Store& store_;
};

Result<SearchPage> Store::Search(const std::string& query, const SearchOptions& options) const {
  SearchPage page;
  std::vector<std::string> ids;
  Result<SearchResult> result = Status::Internal("search did not run");
  {
    std::shared_lock lock(doc_mu_);
    result = bantin::Search(IndexView(*this), query, options);
    if (!result.ok()) return result.status();
    for (const Hit& h : result->hits) ids.push_back(docs_[h.docno]->id);
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    Result<StoredRecord> record = Get(ids[i]);
    // Deleted since the ranking: leave it out rather than fail the page.
    if (record.status().code() == StatusCode::kNotFound) continue;
    if (!record.ok()) return record.status();
    SearchHit hit;
    hit.snippets = Snippets(record->bulletin, result->query);
    hit.bulletin = std::move(record->bulletin);
    hit.score = result->hits[i].score;
    hit.exact_terms = result->hits[i].exact_terms;
    page.hits.push_back(std::move(hit));
  }
  page.total = result->total;
  page.provinces = std::move(result->provinces);
  page.months = std::move(result->months);
  page.next_page_token = std::move(result->next_page_token);
  return page;
}

}  // namespace bantin
