// Snippets of a search hit: the pieces of a bulletin that show why it
// matched, with the matched syllables marked by byte offsets, so a client can
// render highlights without re-implementing accent folding.
#ifndef BANTIN_CORE_HIGHLIGHT_H_
#define BANTIN_CORE_HIGHLIGHT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/bulletin.h"
#include "core/query.h"

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

}  // namespace bantin

#endif  // BANTIN_CORE_HIGHLIGHT_H_
