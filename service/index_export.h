// GET /index: core's saved index (bantin/index/saved_index.h) of the
// bulletins /bundle would send for the same filter, built here by core's
// MemoryIndex, so a browser loads an index instead of indexing every
// article itself (it still keeps the articles' lines, from /bundle, for
// their texts: the saved form holds none).
//
// Cost: building reads every matching bulletin once (as /bundle does) and
// holds one index in memory; the bytes of the last one built are kept
// until the store changes, so a second reader of the same filter costs a
// copy. The ETag is the store's change cursor, as /bundle's.
#ifndef BANTIN_SERVICE_INDEX_EXPORT_H_
#define BANTIN_SERVICE_INDEX_EXPORT_H_

#include <memory>
#include <mutex>
#include <string>

#include "bantin/status.h"
#include "bantin/storage/store.h"
#include "export.h"

namespace bantin {

// The saved form and the change cursor it was built at.
struct BuiltIndex {
  std::string cursor;
  std::shared_ptr<const std::string> bytes;
};

class IndexExport {
 public:
  explicit IndexExport(const Store& store) : store_(store) {}
  // The index of `filter`'s bulletins (`since` must be unset: an index is
  // whole), built or, when the store has not changed since, the last one.
  Result<BuiltIndex> Get(const ExportFilter& filter);

 private:
  const Store& store_;
  std::mutex mu_;  // one build at a time; guards the last one
  std::string last_key_;
  BuiltIndex last_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_INDEX_EXPORT_H_
