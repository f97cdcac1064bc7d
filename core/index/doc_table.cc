#include "bantin/index/doc_table.h"

namespace bantin {

void DocTable::Extend(uint32_t limit) {
  if (limit <= rows_.size()) return;
  metas_.resize(limit);
  rows_.resize(limit);
}

void DocTable::Set(uint32_t docno, DocMeta meta) {
  rows_[docno] = RowOf(meta, keys_);
  metas_[docno] = std::make_unique<DocMeta>(std::move(meta));
}

void DocTable::Clear(uint32_t docno) {
  metas_[docno].reset();
  rows_[docno].live = false;
}

}  // namespace bantin
