// The RocksDB key layout (see storage/README.md). All keys are byte strings
// whose lexicographic order is the order that matters:
//   r/<date>/<source id>/<id>   → StoredBulletin    (primary: date, then source)
//   i/<id>                      → primary key       (lookup by id)
//   w/<id>                      → raw page, zstd    (for get --raw and reparse)
//   h/<page slot>               → id                (same page and source, same record)
//   c/<copy id>/<id>            → Source            (copies of one article)
//   d/<docno, 4 bytes BE>       → DocMeta           (filters, facets, BM25F lengths)
//   p/<folded syllable>         → posting list      (merge operator appends)
//   m/stats                     → corpus totals and the next docno
//   m/posted                    → the docno below which p/ lists are complete
//   m/format                    → the format number (store_format.cc)
//   m/changes                   → the next change number
//   s/<change, 8 bytes BE>      → 'A' or 'D' + id     (the change log: stored, deleted)
// Undated bulletins use the date "0000-00-00" so they sort first.
#ifndef BANTIN_STORAGE_KEYS_H_
#define BANTIN_STORAGE_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace bantin::keys {

inline constexpr char kUndated[] = "0000-00-00";
inline constexpr char kStats[] = "m/stats";
inline constexpr char kFormat[] = "m/format";
inline constexpr char kPosted[] = "m/posted";
inline constexpr char kNextChange[] = "m/changes";
inline constexpr char kChangesEnd[] = "s0";
inline constexpr char kRecordsBegin[] = "r/";
inline constexpr char kRecordsEnd[] = "r0";  // '0' follows '/'
inline constexpr char kDocsBegin[] = "d/";
inline constexpr char kDocsEnd[] = "d0";
inline constexpr char kPostingsBegin[] = "p/";
inline constexpr char kPostingsEnd[] = "p0";

std::string Record(std::string_view date, std::string_view source_id, std::string_view id);
std::string RecordDatePrefix(std::string_view date);  // "r/<date>/"
// The id a primary key ends with; "" for anything else.
std::string IdOfRecordKey(std::string_view key);
std::string ById(std::string_view id);
std::string Raw(std::string_view id);
// A page slot is the PageId (bantin/parse/identity.h), or PageId.N when
// other pages' bytes hash the same.
std::string Page(std::string_view slot);
std::string Copy(std::string_view copy_id, std::string_view id);
std::string CopyPrefix(std::string_view copy_id);  // "c/<copy id>/"
std::string Doc(uint32_t docno);
// The docno of a d/ key; false for anything else.
bool DocnoOf(std::string_view key, uint32_t* docno);
std::string Postings(std::string_view folded);
std::string Change(uint64_t number);
// The number of an s/ key; false for anything else.
bool ChangeOf(std::string_view key, uint64_t* number);

}  // namespace bantin::keys

#endif  // BANTIN_STORAGE_KEYS_H_
