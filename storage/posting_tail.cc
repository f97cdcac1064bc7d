#include "posting_tail.h"

#include <charconv>

#include "bantin/index/posting.h"

namespace bantin {

void PostingTail::Append(const std::string& folded, std::string&& entries) {
  bytes_ += entries.size();
  if (auto [list, fresh] = lists_.try_emplace(folded, std::move(entries)); !fresh) list->second.append(entries);
}

void PostingTail::AppendEntry(const std::string& folded, uint32_t docno, std::string_view payload) {
  std::string& list = lists_[folded];
  const size_t before = list.size();
  bantin::AppendEntry(list, docno, payload);
  bytes_ += list.size() - before;
}

std::string_view PostingTail::Entries(const std::string& folded) const {
  const auto it = lists_.find(folded);
  return it == lists_.end() ? std::string_view() : std::string_view(it->second);
}

void PostingTail::Reset(uint32_t from) {
  lists_.clear();
  bytes_ = 0;
  from_ = from;
}

std::string EncodePosted(uint32_t from) { return std::to_string(from); }

bool DecodePosted(std::string_view bytes, uint32_t* from) {
  const auto [end, ec] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), *from);
  return ec == std::errc() && end == bytes.data() + bytes.size() && !bytes.empty();
}

}  // namespace bantin
