#include "bantin/index/saved_index.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
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

// A list's checksum: both halves folded, since the low half alone misses
// any change in the high half of a word (multiplication carries upward only).
uint32_t Checksum32(std::string_view bytes) {
  const uint64_t h = Checksum(bytes);
  return static_cast<uint32_t>(h ^ (h >> 32));
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
    if (index.Meta(e.docno())) AppendEntry(*kept, e.docno(), e.payload());
  return *kept;
}

Status Damaged(const std::string& what) {
  return Status(StatusCode::kDataLoss, "saved index: " + what).WithReason("INDEX_CORRUPTED");
}

}  // namespace

namespace {

// The magic, the version and the head's size: what precedes the head.
constexpr size_t kPrefixBytes = sizeof kMagic + 4 + 8;

void PutFixed64(std::string& out, uint64_t v) {
  PutFixed(out, static_cast<uint32_t>(v));
  PutFixed(out, static_cast<uint32_t>(v >> 32));
}
bool GetFixed64(std::string_view& in, uint64_t* v) {
  uint32_t low = 0, high = 0;
  if (!GetFixed(in, &low) || !GetFixed(in, &high)) return false;
  *v = uint64_t{high} << 32 | low;
  return true;
}

// The lists of a saved index where they were saved, each read and checked
// when asked for.
class SavedLists : public StoredLists {
 public:
  // Version 4 keeps each list as its entries without positions, then the
  // positions (posting.h, SplitPositions); version 3 keeps it whole, in
  // `size` bytes, and `positions_size` is 0 with `apart` false.
  struct Place {
    uint64_t offset = 0;
    uint32_t size = 0, checksum = 0;
    uint32_t positions_size = 0, positions_checksum = 0;
    bool apart = false;
  };
  explicit SavedLists(SavedBytesReader read) : read_(std::move(read)) {}
  std::unordered_map<std::string, Place> places;

  bool Has(const std::string& folded) const override { return places.count(folded) > 0; }
  Status Read(const std::string& folded, std::string* entries) const override {
    const Place& p = places.at(folded);
    if (!p.apart) return ReadPart(folded, p.offset, p.size, p.checksum, entries);
    // Both parts in one read: they are side by side.
    std::string both;
    if (uint64_t{p.size} + p.positions_size > UINT32_MAX) return Damaged("the list of '" + folded + "' is too long");
    if (!ReadBytes(p.offset, p.size + p.positions_size, &both))
      return Damaged("the list of '" + folded + "' cannot be read");
    const std::string_view without(both.data(), p.size), positions(both.data() + p.size, p.positions_size);
    if (Checksum32(without) != p.checksum || Checksum32(positions) != p.positions_checksum)
      return Damaged("the list of '" + folded + "': checksum mismatch");
    if (!JoinPositions(without, positions, entries))
      return Damaged("the list of '" + folded + "': positions do not match");
    return Status::Ok();
  }
  Status ReadWithoutPositions(const std::string& folded, std::string* entries) const override {
    const Place& p = places.at(folded);
    return ReadPart(folded, p.offset, p.size, p.checksum, entries);
  }
  void ForEachKey(const std::function<void(const std::string& folded)>& visit) const override {
    for (const auto& entry : places) visit(entry.first);
  }

 private:
  bool ReadBytes(uint64_t offset, uint32_t size, std::string* out) const {
    out->resize(size);
    return read_(offset, size, out->data());
  }
  Status ReadPart(const std::string& folded, uint64_t offset, uint32_t size, uint32_t checksum,
                  std::string* out) const {
    if (!ReadBytes(offset, size, out)) return Damaged("the list of '" + folded + "' cannot be read");
    if (Checksum32(*out) != checksum) return Damaged("the list of '" + folded + "': checksum mismatch");
    return Status::Ok();
  }

  SavedBytesReader read_;
};

// The bulletins of a loaded head where they are in it, each decoded when
// asked for. Holds the head's bytes.
class SavedDocuments : public StoredDocuments {
 public:
  SavedDocuments(std::shared_ptr<const char> head, size_t size) : head_(std::move(head)), size_(size) {}
  // Where the bulletin of each docno starts in the head (0: none there).
  std::vector<uint64_t> at;

  const Bulletin* Get(uint32_t docno) const override {
    std::lock_guard<std::mutex> lock(mu_);
    if (docno >= at.size() || !at[docno]) return nullptr;
    if (decoded_.size() < at.size()) decoded_.resize(at.size());
    if (!decoded_[docno]) {
      auto b = std::make_unique<Bulletin>();
      if (!Read(docno, b.get())) return nullptr;
      decoded_[docno] = std::move(b);
    }
    return decoded_[docno].get();
  }
  bool Read(uint32_t docno, Bulletin* out) const override {
    if (docno >= at.size() || !at[docno]) return false;
    *out = Bulletin();
    std::string_view in(head_.get() + at[docno], size_ - at[docno]);
    return GetBulletin(in, out);  // bytes LoadIndexHead decoded once already
  }

 private:
  std::shared_ptr<const char> head_;
  size_t size_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<Bulletin>> decoded_;
};

}  // namespace

Result<std::string> SaveIndex(const MemoryIndex& index) {
  std::string head;
  PutFixed(head, index.DocLimit());
  PutFixed(head, static_cast<uint32_t>(index.size()));
  index.ForEachDocument([&](uint32_t docno, const Bulletin& b) {
    PutVarint(head, docno);
    for (uint32_t length : index.Meta(docno)->length) PutVarint(head, length);
    PutBulletin(head, b);
  });
  std::vector<std::string> keys;
  index.ForEachPostingKey([&](const std::string& folded) { keys.push_back(folded); });
  std::sort(keys.begin(), keys.end());
  // Entries of removed documents are left out: one restored from saved
  // bytes, without its texts, leaves dead entries behind (memory_index.h).
  const bool any_removed = index.size() < index.DocLimit();
  std::string lists, kept, without, positions;
  std::string dictionary;
  uint32_t count = 0;
  for (const std::string& folded : keys) {
    PostingBytes list;
    if (Status s = index.Postings(folded, &list); !s.ok()) return s;
    const std::string_view live = any_removed ? LiveEntries(index, list.bytes, &kept) : list.bytes;
    if (live.empty()) continue;
    if (!SplitPositions(live, &without, &positions))
      return Status(StatusCode::kInternal, "saved index: the list of '" + folded + "' is malformed");
    PutLengthPrefixed(dictionary, folded);
    for (const std::string* part : {&without, &positions}) {
      PutVarint(dictionary, static_cast<uint32_t>(part->size()));
      PutFixed(dictionary, Checksum32(*part));
      lists += *part;
    }
    ++count;
  }
  PutFixed(head, count);
  head += dictionary;
  std::string out(kMagic, sizeof kMagic);
  PutFixed(out, kSavedIndexVersion);
  PutFixed64(out, head.size());
  out += head;
  PutFixed64(out, Checksum(head));
  out += lists;
  return out;
}

namespace {

// What precedes the head, read and checked: the version and how many bytes
// from the start a head-only load needs.
struct Prefix {
  uint32_t version = 0;
  uint64_t head_bytes = 0;
};

Result<Prefix> ReadPrefix(std::string_view first) {
  Prefix p;
  uint64_t head = 0;
  if (first.size() < kPrefixBytes || std::memcmp(first.data(), kMagic, sizeof kMagic) != 0)
    return Damaged("not a saved index");
  first.remove_prefix(sizeof kMagic);
  if (!GetFixed(first, &p.version) || p.version < kOldestSavedIndexVersion || p.version > kSavedIndexVersion)
    return Damaged("version " + std::to_string(p.version) + ", this build reads " +
                   std::to_string(kOldestSavedIndexVersion) + " to " + std::to_string(kSavedIndexVersion));
  if (!GetFixed64(first, &head) || head > (uint64_t{1} << 40)) return Damaged("bad head size");
  p.head_bytes = kPrefixBytes + head + 8;
  return p;
}

}  // namespace

Result<uint64_t> SavedIndexHeadBytes(std::string_view first) {
  Result<Prefix> prefix = ReadPrefix(first);
  if (!prefix.ok()) return prefix.status();
  return prefix->head_bytes;
}

Status LoadIndexHead(std::shared_ptr<const char> head, size_t size, SavedBytesReader read, MemoryIndex* index) {
  *index = MemoryIndex();
  const std::string_view bytes(head.get(), size);
  Result<Prefix> prefix = ReadPrefix(bytes);
  if (!prefix.ok()) return prefix.status();
  const uint64_t head_bytes = prefix->head_bytes;
  if (bytes.size() < head_bytes) return Damaged("truncated head");
  std::string_view in = bytes.substr(kPrefixBytes, head_bytes - kPrefixBytes - 8);
  std::string_view sum_bytes = bytes.substr(head_bytes - 8, 8);
  uint64_t sum = 0;
  if (!GetFixed64(sum_bytes, &sum) || sum != Checksum(in)) return Damaged("checksum mismatch");
  uint32_t limit = 0, documents = 0, lists = 0;
  if (!GetFixed(in, &limit) || !GetFixed(in, &documents) || documents > limit) return Damaged("bad header");
  auto saved = std::make_shared<SavedDocuments>(std::move(head), size);
  saved->at.resize(limit);
  Bulletin b;  // each decoded for its metadata, then left in the head
  for (uint32_t i = 0; i < documents; ++i) {
    uint32_t docno = 0;
    FieldLengths length{};
    if (!GetVarint(in, &docno) || docno >= limit) return *index = MemoryIndex(), Damaged("bad document number");
    for (uint32_t& l : length)
      if (!GetVarint(in, &l)) return *index = MemoryIndex(), Damaged("bad field lengths");
    saved->at[docno] = static_cast<uint64_t>(in.data() - bytes.data());
    b = Bulletin();
    if (!GetBulletin(in, &b) || !index->Restore(docno, b, length))
      return *index = MemoryIndex(), Damaged("bad document " + std::to_string(docno));
  }
  if (!GetFixed(in, &lists)) return *index = MemoryIndex(), Damaged("bad list count");
  auto stored = std::make_shared<SavedLists>(std::move(read));
  stored->places.reserve(lists);
  uint64_t offset = head_bytes;
  for (uint32_t i = 0; i < lists; ++i) {
    std::string folded;
    SavedLists::Place place;
    place.apart = prefix->version >= 4;
    if (!GetLengthPrefixed(in, &folded) || !GetVarint(in, &place.size) || !GetFixed(in, &place.checksum) ||
        (place.apart && (!GetVarint(in, &place.positions_size) || !GetFixed(in, &place.positions_checksum))))
      return *index = MemoryIndex(), Damaged("bad posting list");
    place.offset = offset;
    offset += uint64_t{place.size} + place.positions_size;
    stored->places.emplace(std::move(folded), place);
  }
  if (!in.empty()) return *index = MemoryIndex(), Damaged("trailing bytes");
  index->RestoreLimit(limit);
  index->RestoreStoredDocuments(std::move(saved));
  index->RestoreStoredLists(std::move(stored));
  return Status::Ok();
}

Status LoadIndexHead(std::string_view bytes, SavedBytesReader read, MemoryIndex* index) {
  Result<uint64_t> head_bytes = SavedIndexHeadBytes(bytes);
  if (!head_bytes.ok()) return *index = MemoryIndex(), head_bytes.status();
  const size_t size = std::min<uint64_t>(*head_bytes, bytes.size());
  std::shared_ptr<char> head(new char[size], std::default_delete<char[]>());
  std::memcpy(head.get(), bytes.data(), size);
  return LoadIndexHead(std::move(head), size, std::move(read), index);
}

Status LoadIndex(std::string_view bytes, MemoryIndex* index) {
  Result<uint64_t> head_bytes = SavedIndexHeadBytes(bytes);
  if (!head_bytes.ok()) return *index = MemoryIndex(), head_bytes.status();
  // Every list is read once, and the lists are back to back: the last
  // byte read must be the last byte given.
  uint64_t end = *head_bytes;
  const auto read = [bytes, &end](uint64_t offset, uint32_t size, char* out) {
    if (offset > bytes.size() || size > bytes.size() - offset) return false;
    std::memcpy(out, bytes.data() + offset, size);
    end = std::max<uint64_t>(end, offset + size);
    return true;
  };
  if (Status s = LoadIndexHead(bytes, read, index); !s.ok()) return s;
  // Lets go of `read` (and of `end`) once every list is in memory.
  if (Status s = index->ReadStoredLists(); !s.ok()) return *index = MemoryIndex(), s;
  if (end != bytes.size()) return *index = MemoryIndex(), Damaged("trailing bytes");
  return Status::Ok();
}

}  // namespace bantin
