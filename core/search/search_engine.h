// Query evaluation and ranking over any index that can hand out posting lists
// (core/index/posting.h) and per-document metadata: RocksDB on the server, memory
// in the browser. Both run this code, so both rank identically.
//
// Order of results: documents that contain more of the query's accented words
// spelled exactly as typed come first ("bảo" finds báo and bão too, but bảo
// first); then BM25F over title (boosted), lead and body; then newer date;
// then later ingest. A query with filters only lists by that same order with
// zero scores, i.e. newest first.
//
// Cost: one walk over the query's posting lists, document at a time; the
// total and the facets cover the whole match set, but only matches that can
// enter the page are scored exactly (core/search/ranking.h). Ranking, facets and
// date, province and author filters read each match's DocRow, not its
// DocMeta.
#ifndef BANTIN_SEARCH_SEARCH_ENGINE_H_
#define BANTIN_SEARCH_SEARCH_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/index/doc_row.h"
#include "bantin/index/filter_keys.h"
#include "bantin/index/index_reader.h"
#include "bantin/index/posting.h"
#include "bantin/paging.h"
#include "bantin/query/query.h"
#include "bantin/status.h"

namespace bantin {

class FrequencyMemo;

struct SearchOptions {
  int page_size = 0;       // 0: kDefaultSearchPageSize; at most kMaxPageSize (bantin/paging.h)
  std::string page_token;  // from a previous result of the same query
  QueryLimits limits;
  // 2 or more: a large match set may be walked on two threads (two docno
  // ranges); 0 or 1: one thread. 0 is the caller's default: one thread
  // here; the server's store asks for two where the machine has two cores.
  int threads = 0;
  // Polled while evaluating (only from the calling thread); when it returns true the search stops with
  // kDeadlineExceeded (a caller's deadline or cancellation).
  std::function<bool()> cancelled;
  // Copies of one article (DocRow::copy, from Bulletin::copy_id) fold into
  // one hit, their best-ranked; `total` then counts articles, not records.
  // Facets still count every record. Costs an exact score and a hash
  // lookup per match that has copies (core/search/copy_groups.h).
  bool collapse_copies = false;
};

struct Hit {
  uint32_t docno = 0;
  double score = 0;
  int exact_terms = 0;  // accented query words found spelled as typed
};

struct FacetCount {
  std::string value;
  uint64_t count = 0;
};

struct SearchResult {
  Query query;
  std::vector<Hit> hits;
  uint64_t total = 0;                 // size of the whole match set
  std::vector<FacetCount> provinces;  // over the whole match set, by count
  std::vector<FacetCount> months;     // "YYYY-MM", by month, newest first
  std::vector<FacetCount> places;     // provinces the matches are about, by count
  // Empty on the last page. A token pins the documents that existed when the
  // first page was served, so ingest between pages neither repeats nor skips
  // a hit; it is only valid with the same query text.
  std::string next_page_token;
};

Result<SearchResult> Search(const IndexReader& index, std::string_view query, const SearchOptions& options = {});

}  // namespace bantin

#endif  // BANTIN_SEARCH_SEARCH_ENGINE_H_
