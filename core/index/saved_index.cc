#include "bantin/index/saved_index.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

#include "bantin/index/posting.h"

namespace bantin {
namespace {

constexpr char kMagic[4] = {'B', 'T', 'I', 'X'};

// FNV-1a over 64-bit little-endian words, the tail and the length last:
// eight bytes a step, so checking 100 MB costs milliseconds, not the
// quarter second a byte-wise CRC takes in WebAssembly. Every step is a
// bijection of the state, so any one damaged word changes the result.
uint64_t Checksum(std::string_view bytes) {
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  uint64_t h = 0xcbf29ce484222325ULL;
  size_t at = 0;
  for (; at + 8 <= bytes.size(); at += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + at, 8);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    h = (h ^ word) * kPrime;
  }
  uint64_t tail = 0;
  for (size_t k = 0; at + k < bytes.size(); ++k) tail |= uint64_t{static_cast<uint8_t>(bytes[at + k])} << (8 * k);
  h = (h ^ tail) * kPrime;
  return (h ^ bytes.size()) * kPrime;
}

void PutFixed(std::string& out, uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}
bool GetFixed(std::string_view& in, uint32_t* v) {
  if (in.size() < 4) return false;
  *v = 0;
  for (int i = 3; i >= 0; --i) *v = *v << 8 | static_cast<uint8_t>(in[static_cast<size_t>(i)]);
  in.remove_prefix(4);
  return true;
}

// Confidences in hundredths, as the JSON writes them.
uint32_t Hundredths(double v) { return static_cast<uint32_t>(std::clamp(v, 0.0, 1.0) * 100 + 0.5); }

void PutBulletin(std::string& out, const Bulletin& b) {
  for (const std::string* s :
       {&b.id, &b.title, &b.date, &b.time, &b.source.id, &b.source.name, &b.source.province, &b.source.site, &b.author,
        &b.credit, &b.url, &b.page_date, &b.parser_version, &b.copy_id})
    PutLengthPrefixed(out, *s);
  PutVarint(out, b.date_inferred ? 1 : 0);
  PutLengthPrefixedList(out, b.related);
  PutVarint(out, static_cast<uint32_t>(b.people.size()));
  for (const Person& p : b.people) PutLengthPrefixed(out, p.name), PutLengthPrefixed(out, p.role);
  PutLengthPrefixedList(out, b.places);
  for (double c : {b.confidence.title, b.confidence.date, b.confidence.source, b.confidence.author})
    PutVarint(out, Hundredths(c));
}

bool GetBulletin(std::string_view& in, Bulletin* b) {
  for (std::string* s :
       {&b->id, &b->title, &b->date, &b->time, &b->source.id, &b->source.name, &b->source.province, &b->source.site,
        &b->author, &b->credit, &b->url, &b->page_date, &b->parser_version, &b->copy_id})
    if (!GetLengthPrefixed(in, s)) return false;
  uint32_t inferred = 0, people = 0;
  if (!GetVarint(in, &inferred) || inferred > 1) return false;
  b->date_inferred = inferred == 1;
  if (!GetLengthPrefixedList(in, &b->related) || !GetVarint(in, &people) || people > in.size()) return false;
  b->people.resize(people);
  for (Person& p : b->people)
    if (!GetLengthPrefixed(in, &p.name) || !GetLengthPrefixed(in, &p.role)) return false;
  if (!GetLengthPrefixedList(in, &b->places)) return false;
  for (double* c : {&b->confidence.title, &b->confidence.date, &b->confidence.source, &b->confidence.author}) {
    uint32_t h = 0;
    if (!GetVarint(in, &h) || h > 100) return false;
    *c = h / 100.0;
  }
  return true;
}

// `entries` without those of documents no longer in `index`.
std::string_view LiveEntries(const MemoryIndex& index, std::string_view entries, std::string* kept) {
  kept->clear();
  for (EntryCursor e(entries); !e.done(); e.Next())
    if (index.Document(e.docno())) AppendEntry(*kept, e.docno(), e.payload());
  return *kept;
}

Status Damaged(const std::string& what) {
  return Status(StatusCode::kDataLoss, "saved index: " + what).WithReason("INDEX_CORRUPTED");
}

}  // namespace

std::string SaveIndex(const MemoryIndex& index) {
  std::string out(kMagic, sizeof kMagic);
  PutFixed(out, kSavedIndexVersion);
  PutFixed(out, index.DocLimit());
  PutFixed(out, static_cast<uint32_t>(index.size()));
  for (uint32_t docno = 0; docno < index.DocLimit(); ++docno) {
    const Bulletin* b = index.Document(docno);
    if (!b) continue;
    PutVarint(out, docno);
    for (uint32_t length : index.Meta(docno)->length) PutVarint(out, length);
    PutBulletin(out, *b);
  }
  std::vector<std::pair<std::string_view, std::string_view>> lists;
  index.ForEachPostingList(
      [&](std::string_view folded, std::string_view entries) { lists.emplace_back(folded, entries); });
  std::sort(lists.begin(), lists.end());
  // Entries of removed documents are left out: one restored from saved
  // bytes, without its texts, leaves dead entries behind (memory_index.h).
  const bool any_removed = index.size() < index.DocLimit();
  std::string kept;
  uint32_t count = 0;
  const size_t count_at = out.size();
  PutFixed(out, 0);
  for (const auto& [folded, entries] : lists) {
    const std::string_view live = any_removed ? LiveEntries(index, entries, &kept) : entries;
    if (live.empty()) continue;
    PutLengthPrefixed(out, folded), PutLengthPrefixed(out, live);
    ++count;
  }
  for (int k = 0; k < 4; ++k) out[count_at + k] = static_cast<char>((count >> (8 * k)) & 0xFF);
  const uint64_t sum = Checksum(out);
  PutFixed(out, static_cast<uint32_t>(sum));
  PutFixed(out, static_cast<uint32_t>(sum >> 32));
  return out;
}

Status LoadIndex(std::string_view bytes, MemoryIndex* index) {
  *index = MemoryIndex();
  if (bytes.size() < sizeof kMagic + 8 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    return Damaged("not a saved index");
  std::string_view sum_bytes = bytes.substr(bytes.size() - 8);
  std::string_view in = bytes.substr(0, bytes.size() - 8);
  uint32_t low = 0, high = 0, version = 0, limit = 0, documents = 0, lists = 0;
  if (!GetFixed(sum_bytes, &low) || !GetFixed(sum_bytes, &high) || (uint64_t{high} << 32 | low) != Checksum(in))
    return Damaged("checksum mismatch");
  in.remove_prefix(sizeof kMagic);
  if (!GetFixed(in, &version) || version != kSavedIndexVersion)
    return Damaged("version " + std::to_string(version) + ", this build reads " + std::to_string(kSavedIndexVersion));
  if (!GetFixed(in, &limit) || !GetFixed(in, &documents) || documents > limit) return Damaged("bad header");
  for (uint32_t i = 0; i < documents; ++i) {
    uint32_t docno = 0;
    FieldLengths length{};
    Bulletin b;
    if (!GetVarint(in, &docno) || docno >= limit) return *index = MemoryIndex(), Damaged("bad document number");
    for (uint32_t& l : length)
      if (!GetVarint(in, &l)) return *index = MemoryIndex(), Damaged("bad field lengths");
    if (!GetBulletin(in, &b) || !index->Restore(docno, std::move(b), length))
      return *index = MemoryIndex(), Damaged("bad document " + std::to_string(docno));
  }
  if (!GetFixed(in, &lists)) return *index = MemoryIndex(), Damaged("bad list count");
  for (uint32_t i = 0; i < lists; ++i) {
    std::string folded, entries;
    if (!GetLengthPrefixed(in, &folded) || !GetLengthPrefixed(in, &entries))
      return *index = MemoryIndex(), Damaged("bad posting list");
    index->RestorePostings(std::move(folded), std::move(entries));
  }
  if (!in.empty()) return *index = MemoryIndex(), Damaged("trailing bytes");
  index->RestoreLimit(limit);
  return Status::Ok();
}

}  // namespace bantin
