#include "storage/postings.h"

#include <cstdio>

namespace bantin {
namespace {

void PutVarint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view& in, uint32_t* v) {
  uint32_t result = 0;
  for (int shift = 0; shift <= 28 && !in.empty(); shift += 7) {
    const uint8_t byte = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    result |= static_cast<uint32_t>(byte & 0x7F) << shift;
    if (!(byte & 0x80)) {
      *v = result;
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EncodePosting(uint32_t doc_length, const std::vector<Occurrence>& occ) {
  std::string out;
  PutVarint(out, doc_length);
  PutVarint(out, static_cast<uint32_t>(occ.size()));
  for (const Occurrence& o : occ) {
    PutVarint(out, o.position);
    out.push_back(o.in_title ? 1 : 0);
    PutVarint(out, static_cast<uint32_t>(o.exact.size()));
    out += o.exact;
  }
  return out;
}

bool DecodePosting(std::string_view in, uint32_t* doc_length, std::vector<Occurrence>* out) {
  uint32_t length = 0, count = 0;
  if (!GetVarint(in, &length) || !GetVarint(in, &count)) return false;
  std::vector<Occurrence> occ;
  for (uint32_t i = 0; i < count; ++i) {
    Occurrence o;
    uint32_t size = 0;
    if (!GetVarint(in, &o.position) || in.empty()) return false;
    o.in_title = in.front() != 0;
    in.remove_prefix(1);
    if (!GetVarint(in, &size) || in.size() < size) return false;
    o.exact = std::string(in.substr(0, size));
    in.remove_prefix(size);
    occ.push_back(std::move(o));
  }
  *doc_length = length;
  *out = std::move(occ);
  return true;
}

std::string EncodeTotals(const CorpusTotals& t) {
  return std::to_string(t.documents) + " " + std::to_string(t.total_length);
}

CorpusTotals DecodeTotals(std::string_view bytes) {
  CorpusTotals t;
  unsigned long long docs = 0, total = 0;
  if (std::sscanf(std::string(bytes).c_str(), "%llu %llu", &docs, &total) == 2) {
    t.documents = docs;
    t.total_length = total;
  }
  return t;
}

}  // namespace bantin
