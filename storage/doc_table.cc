#include "doc_table.h"

#include "bantin/index/posting.h"

namespace bantin {
namespace {

// Version 4 adds copy_id, version 3 place_keys; entries of versions 2 and 3
// still read, without them.
constexpr uint32_t kVersion = 4;
constexpr uint32_t kVersionWithoutCopies = 3;
constexpr uint32_t kVersionWithoutPlaces = 2;

}  // namespace

std::string EncodeDocMeta(const DocMeta& m) {
  std::string out;
  PutVarint(out, kVersion);
  const DocOrigin& o = *m.origin;
  for (const std::string* s : {&m.id, &m.date, &o.source.id, &o.source.name, &o.source.province, &o.source.site,
                               &o.province_key, &m.author_key})
    PutLengthPrefixed(out, *s);
  PutLengthPrefixedList(out, o.source_keys);
  PutLengthPrefixedList(out, m.people_keys);
  for (uint32_t length : m.length) PutVarint(out, length);
  // Facet indexes, shifted so that -1 encodes as 0.
  PutVarint(out, static_cast<uint32_t>(m.province_index + 1));
  PutVarint(out, static_cast<uint32_t>(m.month_index + 1));
  PutLengthPrefixedList(out, m.place_keys);
  PutLengthPrefixed(out, m.copy_id);
  return out;
}

bool DecodeDocMeta(std::string_view in, DocMeta* m) {
  uint32_t version = 0;
  if (!GetVarint(in, &version) || version < kVersionWithoutPlaces || version > kVersion) return false;
  auto o = std::make_shared<DocOrigin>();
  for (std::string* s : {&m->id, &m->date, &o->source.id, &o->source.name, &o->source.province, &o->source.site,
                         &o->province_key, &m->author_key})
    if (!GetLengthPrefixed(in, s)) return false;
  if (!GetLengthPrefixedList(in, &o->source_keys) || !GetLengthPrefixedList(in, &m->people_keys)) return false;
  m->origin = std::move(o);
  for (uint32_t& length : m->length)
    if (!GetVarint(in, &length)) return false;
  uint32_t province = 0, month = 0;
  if (!GetVarint(in, &province) || !GetVarint(in, &month)) return false;
  m->province_index = static_cast<int32_t>(province) - 1;
  m->month_index = static_cast<int32_t>(month) - 1;
  m->place_keys.clear();
  m->copy_id.clear();
  if (version >= kVersionWithoutCopies && !GetLengthPrefixedList(in, &m->place_keys)) return false;
  if (version >= kVersion && !GetLengthPrefixed(in, &m->copy_id)) return false;
  return in.empty();
}

std::string EncodeStats(const CorpusTotals& t, uint32_t next_docno) {
  std::string out;
  PutVarint(out, static_cast<uint32_t>(t.documents));
  for (uint64_t length : t.length) {
    PutVarint(out, static_cast<uint32_t>(length >> 32));
    PutVarint(out, static_cast<uint32_t>(length));
  }
  PutVarint(out, next_docno);
  return out;
}

bool DecodeStats(std::string_view in, CorpusTotals* t, uint32_t* next_docno) {
  uint32_t documents = 0;
  if (!GetVarint(in, &documents)) return false;
  t->documents = documents;
  for (uint64_t& length : t->length) {
    uint32_t high = 0, low = 0;
    if (!GetVarint(in, &high) || !GetVarint(in, &low)) return false;
    length = static_cast<uint64_t>(high) << 32 | low;
  }
  return GetVarint(in, next_docno) && in.empty();
}

}  // namespace bantin
