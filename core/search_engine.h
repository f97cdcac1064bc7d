// Query evaluation and ranking over any index that can hand out posting lists
// (core/posting.h) and per-document metadata: RocksDB on the server, memory
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
// enter the page are scored exactly (core/ranking.h). Ranking, facets and
// date, province and author filters read each match's DocRow, not its
// DocMeta.
#ifndef BANTIN_CORE_SEARCH_ENGINE_H_
#define BANTIN_CORE_SEARCH_ENGINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bulletin.h"
#include "core/doc_row.h"
#include "core/filter_keys.h"
#include "core/posting.h"
#include "core/query.h"
#include "core/status.h"

namespace bantin {

class FrequencyMemo;

// What filters and hits need to know of a document without reading it.
// (What every match needs, ranking and facets, is its DocRow.)
struct DocMeta {
  // What scoring, ranking and facets read for every match comes first, so
  // it shares the object's first cache lines.
  FieldLengths length{};
  // Facet keys as small numbers, so counting a match set hashes nothing:
  // the gazetteer index of the province (-1 when none or not a province of
  // the gazetteer), and year * 12 + month - 1 (-1 when undated).
  int32_t province_index = -1;
  int32_t month_index = -1;
  std::string date;  // YYYY-MM-DD, "" when undated
  std::string id;
  Source source;
  // Filter keys (FilterKey forms), computed once at indexing.
  std::vector<std::string> source_keys;  // id, site and outlet name
  std::string province_key;
  std::string author_key;
  std::vector<std::string> people_keys;
};

DocMeta MetaOf(const Bulletin& bulletin, const FieldLengths& lengths);
// The row of a live document with this metadata; its filter keys are
// numbered in `keys` (added when new).
DocRow RowOf(const DocMeta& meta, FilterKeys& keys);
bool PassesFilter(const Filter& filter, const DocMeta& meta);
// The same for a province or author filter, given the document's key of
// that field (DocMeta::province_key or author_key).
bool PassesKeyFilter(const Filter& filter, const std::string& key);

struct CorpusTotals {
  uint64_t documents = 0;
  std::array<uint64_t, kFieldCount> length{};  // summed over live documents
};

// A posting list's bytes, read in place where the index can: `bytes` stays
// valid while `keep` lives and the index does not change.
struct PostingBytes {
  std::string_view bytes;
  std::shared_ptr<const void> keep;  // what owns the bytes, when not the index itself
};

class IndexReader {
 public:
  virtual ~IndexReader() = default;
  // The posting list of a folded syllable; empty when nothing has it.
  virtual Status Postings(const std::string& folded, PostingBytes* list) const = 0;
  // A live document's metadata; nullptr for deleted or unused docnos.
  virtual const DocMeta* Meta(uint32_t docno) const = 0;
  // The rows of docnos 0 .. DocLimit() - 1; a row is live exactly when Meta
  // of its docno is not null. Valid while the reader does not change.
  virtual std::span<const DocRow> Rows() const = 0;
  // What the rows' filter key numbers stand for.
  virtual const FilterKeys& Keys() const = 0;
  // Every docno ever assigned is below this; new documents get higher ones.
  virtual uint32_t DocLimit() const = 0;
  virtual CorpusTotals Totals() const = 0;
  // Where document frequencies may be remembered between searches (see
  // core/frequency_memo.h); null: counted every time.
  virtual FrequencyMemo* Frequencies() const { return nullptr; }
};

struct SearchOptions {
  int page_size = 20;      // clamped to [1, 500]
  std::string page_token;  // from a previous result of the same query
  QueryLimits limits;
  // Threads a large match set may be walked on (in docno ranges). 0 is the
  // caller's default: 1 here; the server's store uses both cores.
  int threads = 0;
  // Polled while evaluating (only from the calling thread); when it returns true the search stops with
  // kDeadlineExceeded (a caller's deadline or cancellation).
  std::function<bool()> cancelled;
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
  uint64_t total = 0;                  // size of the whole match set
  std::vector<FacetCount> provinces;   // over the whole match set, by count
  std::vector<FacetCount> months;      // "YYYY-MM", by month, newest first
  // Empty on the last page. A token pins the documents that existed when the
  // first page was served, so ingest between pages neither repeats nor skips
  // a hit; it is only valid with the same query text.
  std::string next_page_token;
};

Result<SearchResult> Search(const IndexReader& index, std::string_view query,
                            const SearchOptions& options = {});

}  // namespace bantin

#endif  // BANTIN_CORE_SEARCH_ENGINE_H_
