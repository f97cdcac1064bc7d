// Query parsing and scoring shared by the server (over stored postings) and
// the browser (over its in-memory index), so both rank identically.
//
// Query syntax: words (accent-insensitive), "quoted phrases", -exclusions.
// A document matches when it contains every word and phrase and no excluded
// word. Scores are BM25 over title (boosted) and body; an occurrence written
// with the user's exact diacritics counts more than a folded-only one, so
// "bảo" finds báo and bão too, but bảo first.
#ifndef BANTIN_CORE_SEARCH_H_
#define BANTIN_CORE_SEARCH_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/bulletin.h"
#include "core/status.h"

namespace bantin {

struct QueryTerm {
  std::string folded;  // index key
  std::string exact;   // the user's spelling, tone placement canonical
};

struct Query {
  std::vector<QueryTerm> terms;                  // required words
  std::vector<std::vector<QueryTerm>> phrases;   // required phrases
  std::vector<std::string> excluded;             // folded keys that must not occur
  // Every distinct folded key the query needs postings for.
  std::vector<std::string> Keys() const;
};

// Parses a query; an unterminated quote or an empty query is an error that
// says where.
Result<Query> ParseQuery(std::string_view text);

// One occurrence of an indexed syllable.
struct Occurrence {
  uint32_t position = 0;  // syllable index in the document (title first)
  bool in_title = false;
  std::string exact;
};

// What a document contains for each folded key it has: its occurrences.
using DocTerms = std::map<std::string, std::vector<Occurrence>>;

// The syllables of a bulletin to index: title, then blocks, in order.
DocTerms IndexTerms(const Bulletin& bulletin, uint32_t* length);

// Collection statistics for BM25.
struct CorpusStats {
  uint64_t documents = 0;
  double average_length = 0;
  std::map<std::string, uint64_t> document_frequency;  // per folded key
};

// True when the document satisfies every requirement of the query.
bool Matches(const Query& query, const DocTerms& doc);

// BM25 score of a matching document (higher is better).
double Score(const Query& query, const DocTerms& doc, uint32_t length, const CorpusStats& stats);

}  // namespace bantin

#endif  // BANTIN_CORE_SEARCH_H_
