// Page sizes, one rule for every paged answer (AIP-158): search, List,
// ListSources and export. A request's size of 0 (or less) means the call's
// default; a size above the maximum is lowered to it, not refused.
#ifndef BANTIN_PAGING_H_
#define BANTIN_PAGING_H_

namespace bantin {

inline constexpr int kMaxPageSize = 500;
inline constexpr int kDefaultSearchPageSize = 20;
inline constexpr int kDefaultListPageSize = 50;

inline int ClampPageSize(int requested, int default_size) {
  if (requested <= 0) return default_size;
  return requested > kMaxPageSize ? kMaxPageSize : requested;
}

}  // namespace bantin

#endif  // BANTIN_PAGING_H_
