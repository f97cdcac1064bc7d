// What the search index stores per document and term, and the byte format of
// a posting list, shared by the server's RocksDB index and the browser's
// in-memory one so both feed core/search_engine.h the same bytes.
//
// A posting list is a concatenation of entries in ascending docno order:
//   varint docno, varint payload size, payload
// payload:
//   varint tf[title], varint tf[lead], varint tf[body],
//   varint variants, variants × (u16 little-endian VariantHash, varint count),
//   varint positions, positions × varint gap (first from 0; ascending)
// The payload size lets a reader step over entries without decoding them.
#ifndef BANTIN_CORE_POSTING_H_
#define BANTIN_CORE_POSTING_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/bulletin.h"

namespace bantin {

// The fields BM25F weighs separately. The lead is the first paragraph.
enum Field { kTitleField = 0, kLeadField = 1, kBodyField = 2 };
inline constexpr int kFieldCount = 3;
using FieldLengths = std::array<uint32_t, kFieldCount>;

// One folded syllable's occurrences in one document.
struct TermInDoc {
  std::array<uint32_t, kFieldCount> tf{};
  // Exact spellings seen (by VariantHash) and how often each occurs.
  std::vector<std::pair<uint16_t, uint32_t>> variants;
  std::vector<uint32_t> positions;  // ascending syllable positions
};

struct DocumentTerms {
  std::vector<std::pair<std::string, TermInDoc>> terms;  // sorted by folded key
  FieldLengths length{};                                 // syllables per field
};

// Title, then blocks in order; no phrase spans two blocks (a gap of one
// position separates them).
DocumentTerms IndexDocument(const Bulletin& bulletin);

// A 16-bit hash of an exact key. Distinct spellings of one folded syllable
// number a few dozen at most, so a collision is rare and costs only ranking.
uint16_t VariantHash(std::string_view exact);

void AppendPosting(std::string& list, uint32_t docno, const TermInDoc& term);
// The same in two steps, so the payload can be encoded before the docno is
// known (storage prepares documents in parallel, numbers them in order).
std::string EncodePayload(const TermInDoc& term);
void AppendEntry(std::string& list, uint32_t docno, std::string_view payload);

struct PostingRef {
  uint32_t docno = 0;
  std::string_view payload;
};

// The entries of a list, in its order. False when the bytes are malformed
// (then `out` holds the entries before the damage).
bool SplitPostings(std::string_view list, std::vector<PostingRef>* out);
// The positions only, into `out` (its capacity reused).
bool ReadPositions(std::string_view payload, std::vector<uint32_t>* out);
// Scoring's cheap read: the field frequencies and how often the spelling
// `variant` occurs, without decoding positions or allocating.
bool ReadFrequencies(std::string_view payload, uint16_t variant,
                     std::array<uint32_t, kFieldCount>* tf, uint32_t* variant_count);

// Varints as used by the formats here and in storage.
void PutVarint(std::string& out, uint32_t value);
bool GetVarint(std::string_view& in, uint32_t* value);

}  // namespace bantin

#endif  // BANTIN_CORE_POSTING_H_
