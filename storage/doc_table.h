// The document table's encodings: d/<docno> values hold a DocMeta, so the store can rebuild its
// in-memory document table at open without reading any record.
//   varint version(3), then strings as varint size + bytes:
//   id, date, source id, name, province, site, province_key, author_key,
//   varint n + n source_keys, varint n + n people_keys, varint × 3 lengths,
//   varint province_index + 1, varint month_index + 1,
//   varint n + n place_keys (version 3; version 2 entries end before it)
#ifndef BANTIN_STORAGE_DOC_TABLE_H_
#define BANTIN_STORAGE_DOC_TABLE_H_

#include <string>
#include <string_view>

#include "bantin/search/search_engine.h"

namespace bantin {

std::string EncodeDocMeta(const DocMeta& meta);
// False when the bytes are not a DocMeta this version wrote.
bool DecodeDocMeta(std::string_view bytes, DocMeta* meta);

// m/stats: varint documents, varint × 3 summed field lengths (as two
// 32-bit halves each), varint next docno.
std::string EncodeStats(const CorpusTotals& totals, uint32_t next_docno);
bool DecodeStats(std::string_view bytes, CorpusTotals* totals, uint32_t* next_docno);

}  // namespace bantin

#endif  // BANTIN_STORAGE_DOC_TABLE_H_
