// Snippets of a search hit: the pieces of a bulletin that show why it
// matched, with the matched syllables marked by byte offsets, so a client can
// render highlights without re-implementing accent folding.
#ifndef BANTIN_SEARCH_HIGHLIGHT_H_
#define BANTIN_SEARCH_HIGHLIGHT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/query/query.h"

namespace bantin {

struct HighlightSpan {
  uint32_t begin = 0;  // byte offsets into Snippet::text
  uint32_t end = 0;
};

struct Snippet {
  std::string field;    // "title", "lead" or "body"
  int block = -1;       // index into Bulletin::blocks; -1 for the title
  uint32_t offset = 0;  // where `text` starts in that field's text (bytes)
  std::string text;     // an exact substring of the field, cut at spaces
  std::vector<HighlightSpan> highlights;
};

// The title when it matches, then the window of at most `max_bytes` around
// the first match in the first block that matches. A query without words
// gets the lead's beginning, unmarked.
std::vector<Snippet> Snippets(const Bulletin& bulletin, const Query& query, size_t max_bytes = 240);

// The text of the first snippet cut from a block (not the title): what a
// result's `snippet` field holds for simple clients, in every answer (the
// gRPC SearchResult, the JSON of search_json.h). "" when there is none.
std::string_view BodySnippet(const std::vector<Snippet>& snippets);

// One search result with what it shows: the bulletin, its rank's score and
// exact-accent count (bantin/search/search_engine.h), its snippets.
// Another record of the same article (Bulletin::copy_id).
struct CopyOf {
  std::string id;
  Source source;
};

struct SearchHit {
  Bulletin bulletin;
  double score = 0;
  int exact_terms = 0;
  std::vector<Snippet> snippets;
  // With collapse_copies: the other records of this article, by source id
  // (whether or not they match), at most kMaxCopiesListed.
  std::vector<CopyOf> also_published_by;
};
inline constexpr size_t kMaxCopiesListed = 20;

}  // namespace bantin

#endif  // BANTIN_SEARCH_HIGHLIGHT_H_
