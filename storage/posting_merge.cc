#include "posting_merge.h"

#include <rocksdb/merge_operator.h>

#include <algorithm>

#include "bantin/index/posting.h"

namespace bantin {
namespace {

constexpr char kAdd = 'A';
constexpr char kRemove = 'D';

// Applies additions and removals in order (core's list editing); removals
// make concatenation impossible, so this path decodes every entry.
bool MergeSlowly(const rocksdb::Slice* existing, const std::vector<rocksdb::Slice>& operands, std::string* out) {
  std::string list = existing ? existing->ToString() : std::string(), next;
  std::vector<uint32_t> docnos;
  for (const rocksdb::Slice& op : operands) {
    if (op.empty()) return false;
    std::string_view body = op.ToStringView().substr(1);
    if (op[0] == kAdd) {
      if (!MergeEntries(list, body, &next)) return false;
    } else if (op[0] == kRemove) {
      docnos.clear();
      for (uint32_t docno = 0; !body.empty(); docnos.push_back(docno))
        if (!GetVarint(body, &docno)) return false;
      if (!RemoveEntries(list, docnos, &next)) return false;
    } else {
      return false;
    }
    list.swap(next);
  }
  *out = std::move(list);
  return true;
}

class PostingMerge : public rocksdb::MergeOperator {
 public:
  const char* Name() const override { return "bantin.PostingMerge.v1"; }

  bool FullMergeV2(const MergeOperationInput& in, MergeOperationOutput* out) const override {
    const bool only_additions = std::all_of(in.operand_list.begin(), in.operand_list.end(),
                                            [](const rocksdb::Slice& s) { return !s.empty() && s[0] == kAdd; });
    if (!only_additions) return MergeSlowly(in.existing_value, in.operand_list, &out->new_value);
    size_t size = in.existing_value ? in.existing_value->size() : 0;
    for (const rocksdb::Slice& op : in.operand_list) size += op.size() - 1;
    out->new_value.clear();
    out->new_value.reserve(size);
    if (in.existing_value) out->new_value.append(in.existing_value->data(), in.existing_value->size());
    for (const rocksdb::Slice& op : in.operand_list) out->new_value.append(op.data() + 1, op.size() - 1);
    return true;
  }

  // Successive additions combine into one; anything with a removal waits for
  // the full merge.
  bool PartialMergeMulti(const rocksdb::Slice&, const std::deque<rocksdb::Slice>& operands, std::string* new_value,
                         rocksdb::Logger*) const override {
    for (const rocksdb::Slice& op : operands)
      if (op.empty() || op[0] != kAdd) return false;
    new_value->assign(1, kAdd);
    for (const rocksdb::Slice& op : operands) new_value->append(op.data() + 1, op.size() - 1);
    return true;
  }
};

}  // namespace

std::string AdditionOperand(const std::string& entries) { return kAdd + entries; }

std::string RemovalOperand(uint32_t docno) {
  std::string op(1, kRemove);
  PutVarint(op, docno);
  return op;
}

std::shared_ptr<rocksdb::MergeOperator> NewPostingMergeOperator() { return std::make_shared<PostingMerge>(); }

}  // namespace bantin
