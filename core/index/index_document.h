// A bulletin as the index sees it: its folded syllables, each with
// per-field frequencies, exact spellings and positions, and the length of
// each field. What both indexes (memory and RocksDB) add for a document.
#ifndef BANTIN_INDEX_INDEX_DOCUMENT_H_
#define BANTIN_INDEX_INDEX_DOCUMENT_H_

#include <string>
#include <utility>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/index/posting.h"

namespace bantin {

struct DocumentTerms {
  std::vector<std::pair<std::string, TermInDoc>> terms;  // sorted by folded key
  FieldLengths length{};                                 // syllables per field
};

// Title, then blocks in order; no phrase spans two blocks (a gap of one
// position separates them).
DocumentTerms IndexDocument(const Bulletin& bulletin);

}  // namespace bantin

#endif  // BANTIN_INDEX_INDEX_DOCUMENT_H_
