// Posting lists are updated with RocksDB merges, never read-modify-write, so
// an ingest writes each term once without reading its (possibly large) list.
//
// An operand is one tag byte and a body:
//   'A' + entries (core/index/posting.h format, ascending docnos): add them
//   'D' + varint docnos: remove those documents' entries
// The merged value is a plain posting list. Docnos are never reused and only
// grow, so additions arrive in order and merging them is concatenation.
#ifndef BANTIN_STORAGE_POSTING_MERGE_H_
#define BANTIN_STORAGE_POSTING_MERGE_H_

#include <cstdint>
#include <memory>
#include <string>

namespace rocksdb {
class MergeOperator;
}

namespace bantin {

std::string AdditionOperand(const std::string& entries);
std::string RemovalOperand(uint32_t docno);
std::shared_ptr<rocksdb::MergeOperator> NewPostingMergeOperator();

}  // namespace bantin

#endif  // BANTIN_STORAGE_POSTING_MERGE_H_
