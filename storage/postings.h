// Encoding of one posting: the occurrences of one folded syllable in one
// bulletin, with the bulletin's length so BM25 needs no second lookup.
//   varint length, varint count, count × (varint position, byte in_title,
//   varint size, exact bytes)
#ifndef BANTIN_STORAGE_POSTINGS_H_
#define BANTIN_STORAGE_POSTINGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search.h"

namespace bantin {

std::string EncodePosting(uint32_t doc_length, const std::vector<Occurrence>& occurrences);
// False when the bytes are not a posting (corruption); outputs untouched then.
bool DecodePosting(std::string_view bytes, uint32_t* doc_length, std::vector<Occurrence>* out);

// The corpus totals BM25 needs, stored under keys::kStats as
// "<documents> <total length>".
struct CorpusTotals {
  uint64_t documents = 0;
  uint64_t total_length = 0;
};
std::string EncodeTotals(const CorpusTotals& totals);
// Missing or malformed bytes decode as zero totals.
CorpusTotals DecodeTotals(std::string_view bytes);

}  // namespace bantin

#endif  // BANTIN_STORAGE_POSTINGS_H_
