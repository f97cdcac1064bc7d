// The RocksDB key layout (see storage/README.md). All keys are byte strings
// whose lexicographic order is the order that matters:
//   r/<date>/<source id>/<id>   → StoredBulletin   (primary: date, then source)
//   i/<id>                      → primary key      (lookup by id)
//   p/<folded syllable>\0<id>   → posting          (inverted index)
//   m/stats                     → corpus statistics
// Undated bulletins use the date "0000-00-00" so they sort first.
#ifndef BANTIN_STORAGE_KEYS_H_
#define BANTIN_STORAGE_KEYS_H_

#include <string>
#include <string_view>

namespace bantin::keys {

inline constexpr char kUndated[] = "0000-00-00";
inline constexpr char kStats[] = "m/stats";

std::string Record(std::string_view date, std::string_view source_id, std::string_view id);
std::string RecordDatePrefix(std::string_view date);  // "r/<date>/"
std::string RecordsEnd();                             // past every r/ key
std::string ById(std::string_view id);
std::string Posting(std::string_view folded, std::string_view id);
std::string PostingPrefix(std::string_view folded);
// The bulletin id at the end of a posting key.
std::string_view IdOfPosting(std::string_view key, size_t prefix_size);

}  // namespace bantin::keys

#endif  // BANTIN_STORAGE_KEYS_H_
