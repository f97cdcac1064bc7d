#include "core/posting.h"

#include <algorithm>

#include "core/digest.h"

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

bool ReadPositions(std::string_view in, std::vector<uint32_t>* out) {
  if (!SkipToPositions(in)) return false;
  uint32_t positions = 0, at = 0;
  if (!GetVarint(in, &positions) || positions > in.size()) return false;
  out->clear();
  for (uint32_t i = 0; i < positions; ++i) {
    uint32_t gap = 0;
    if (!GetVarint(in, &gap)) return false;
    at += gap;
    out->push_back(at);
  }
  return true;
}

bool PositionCursor::Reset(std::string_view in) {
  done_ = true;
  if (!SkipToPositions(in) || !GetVarint(in, &left_) || left_ > in.size()) return false;
  rest_ = in;
  value_ = 0;
  done_ = false;
  Next();
  return true;
}


}  // namespace bantin
