#include "bantin/index/posting.h"

#include <algorithm>

#include "bantin/digest.h"

namespace bantin {

void PutVarint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

uint16_t VariantHash(std::string_view exact) {
  const uint32_t h = Fnv1a32(exact);
  return static_cast<uint16_t>(h ^ (h >> 16));
}

namespace {

void AppendPayload(std::string& payload, const TermInDoc& term) {
  for (uint32_t tf : term.tf) PutVarint(payload, tf);
  PutVarint(payload, static_cast<uint32_t>(term.variants.size()));
  for (const auto& [hash, count] : term.variants) {
    payload.push_back(static_cast<char>(hash & 0xFF));
    payload.push_back(static_cast<char>(hash >> 8));
    PutVarint(payload, count);
  }
  PutVarint(payload, static_cast<uint32_t>(term.positions.size()));
  uint32_t previous = 0;
  for (uint32_t p : term.positions) {
    PutVarint(payload, p - previous);
    previous = p;
  }
}

}  // namespace

std::string EncodePayload(const TermInDoc& term) {
  std::string payload;
  AppendPayload(payload, term);
  return payload;
}

void AppendEntry(std::string& list, uint32_t docno, std::string_view payload) {
  PutVarint(list, docno);
  PutVarint(list, static_cast<uint32_t>(payload.size()));
  list += payload;
}

void AppendPosting(std::string& list, uint32_t docno, const TermInDoc& term) {
  // One buffer for every term: a page has hundreds, and in wasm32 most
  // payloads are too long for a string's inline storage.
  thread_local std::string payload;
  payload.clear();
  AppendPayload(payload, term);
  AppendEntry(list, docno, payload);
}

bool SplitPostings(std::string_view list, std::vector<PostingRef>* out) {
  out->reserve(out->size() + list.size() / 8);  // entries take 8 bytes or more
  while (!list.empty()) {
    PostingRef ref;
    uint32_t size = 0;
    if (!GetVarint(list, &ref.docno) || !GetVarint(list, &size) || list.size() < size) return false;
    ref.payload = list.substr(0, size);
    list.remove_prefix(size);
    out->push_back(ref);
  }
  return true;
}

bool MergeEntries(std::string_view list, std::string_view added, std::string* out) {
  std::vector<PostingRef> old_entries, new_entries;
  if (!SplitPostings(list, &old_entries) || !SplitPostings(added, &new_entries)) return false;
  out->clear();
  out->reserve(list.size() + added.size());
  size_t i = 0, j = 0;
  while (i < old_entries.size() || j < new_entries.size()) {
    const bool take_new =
        j < new_entries.size() && (i == old_entries.size() || new_entries[j].docno <= old_entries[i].docno);
    if (take_new && i < old_entries.size() && old_entries[i].docno == new_entries[j].docno) ++i;
    const PostingRef& e = take_new ? new_entries[j++] : old_entries[i++];
    AppendEntry(*out, e.docno, e.payload);
  }
  return true;
}

bool RemoveEntries(std::string_view list, std::span<const uint32_t> removed, std::string* out) {
  std::vector<PostingRef> entries;
  if (!SplitPostings(list, &entries)) return false;
  out->clear();
  for (const PostingRef& e : entries)
    if (std::find(removed.begin(), removed.end(), e.docno) == removed.end()) AppendEntry(*out, e.docno, e.payload);
  return true;
}

namespace {

// Moves `in` past a payload's frequencies and spelling variants, to its
// position count; false when the payload is malformed.
bool SkipToPositions(std::string_view& in) {
  uint32_t skip = 0, variants = 0;
  for (int f = 0; f < kFieldCount; ++f)
    if (!GetVarint(in, &skip)) return false;
  if (!GetVarint(in, &variants)) return false;
  for (uint32_t i = 0; i < variants; ++i) {
    if (in.size() < 2) return false;
    in.remove_prefix(2);
    if (!GetVarint(in, &skip)) return false;
  }
  return true;
}

}  // namespace

bool PositionCursor::Reset(std::string_view in) {
  done_ = true;
  if (!SkipToPositions(in) || !GetVarint(in, &left_) || left_ > in.size()) return false;
  rest_ = in;
  value_ = 0;
  done_ = false;
  Next();
  return true;
}

namespace {

// Moves `in` past one entry's positions (a varint count, that many varint
// gaps); false when they are malformed.
bool SkipPositions(std::string_view& in) {
  uint32_t count = 0, gap = 0;
  if (!GetVarint(in, &count) || count > in.size()) return false;
  for (uint32_t i = 0; i < count; ++i)
    if (!GetVarint(in, &gap)) return false;
  return true;
}

}  // namespace

bool SplitPositions(std::string_view list, std::string* without, std::string* positions) {
  without->clear();
  positions->clear();
  std::string payload;
  EntryCursor e(list);
  for (; !e.done(); e.Next()) {
    std::string_view rest = e.payload();
    if (!SkipToPositions(rest)) return false;
    const std::string_view own = rest;
    if (!SkipPositions(rest) || !rest.empty()) return false;
    payload.assign(e.payload().substr(0, e.payload().size() - own.size()));
    payload.push_back('\0');  // a position count of 0
    AppendEntry(*without, e.docno(), payload);
    positions->append(own);
  }
  return !e.bad();
}

bool JoinPositions(std::string_view without, std::string_view positions, std::string* out) {
  out->clear();
  std::string payload;
  EntryCursor e(without);
  for (; !e.done(); e.Next()) {
    std::string_view rest = e.payload();
    if (!SkipToPositions(rest) || rest != std::string_view("\0", 1)) return false;
    const std::string_view own = positions;
    if (!SkipPositions(positions)) return false;
    payload.assign(e.payload().substr(0, e.payload().size() - 1));
    payload.append(own.substr(0, own.size() - positions.size()));
    AppendEntry(*out, e.docno(), payload);
  }
  return !e.bad() && positions.empty();
}

void PutLengthPrefixed(std::string& out, std::string_view s) {
  PutVarint(out, static_cast<uint32_t>(s.size()));
  out.append(s);
}

bool GetLengthPrefixed(std::string_view& in, std::string* s) {
  uint32_t size = 0;
  if (!GetVarint(in, &size) || in.size() < size) return false;
  s->assign(in.substr(0, size));
  in.remove_prefix(size);
  return true;
}

void PutLengthPrefixedList(std::string& out, const std::vector<std::string>& list) {
  PutVarint(out, static_cast<uint32_t>(list.size()));
  for (const std::string& s : list) PutLengthPrefixed(out, s);
}

bool GetLengthPrefixedList(std::string_view& in, std::vector<std::string>* list) {
  uint32_t n = 0;
  if (!GetVarint(in, &n) || n > in.size()) return false;  // each takes a byte at least
  list->resize(n);
  for (std::string& s : *list)
    if (!GetLengthPrefixed(in, &s)) return false;
  return true;
}

}  // namespace bantin
