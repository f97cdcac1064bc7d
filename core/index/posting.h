// What the search index stores per document and term, and the byte format of
// a posting list, shared by the server's RocksDB index and the browser's
// in-memory one so both feed core/search/search_engine.h the same bytes.
//
// A posting list is a concatenation of entries in ascending docno order:
//   varint docno, varint payload size, payload
// payload:
//   varint tf[title], varint tf[lead], varint tf[body],
//   varint variants, variants × (u16 little-endian VariantHash, varint count),
//   varint positions, positions × varint gap (first from 0; ascending)
// The payload size lets a reader step over entries without decoding them.
#ifndef BANTIN_INDEX_POSTING_H_
#define BANTIN_INDEX_POSTING_H_

#include <array>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bantin/bulletin.h"

namespace bantin {

// The fields BM25F weighs separately. The lead is the first paragraph.
enum Field { kTitleField = 0, kLeadField = 1, kBodyField = 2 };
inline constexpr int kFieldCount = 3;
using FieldLengths = std::array<uint32_t, kFieldCount>;

// One folded syllable's occurrences in one document.
struct TermInDoc {
  std::array<uint32_t, kFieldCount> tf{};
  // Exact spellings seen (by VariantHash) and how often each occurs.
  std::vector<std::pair<uint16_t, uint32_t>> variants;
  std::vector<uint32_t> positions;  // ascending syllable positions
};

// A 16-bit hash of an exact key. Distinct spellings of one folded syllable
// number a few dozen at most, so a collision is rare and costs only ranking.
uint16_t VariantHash(std::string_view exact);

void AppendPosting(std::string& list, uint32_t docno, const TermInDoc& term);
// The same in two steps, so the payload can be encoded before the docno is
// known (storage prepares documents in parallel, numbers them in order).
std::string EncodePayload(const TermInDoc& term);
void AppendEntry(std::string& list, uint32_t docno, std::string_view payload);

// A posting list in one or two runs of entries read one after the other: a
// store's list and the newer entries it holds apart, every docno of `then`
// above those of `first` (storage/posting_tail.h). A list in one piece
// converts to it.
struct PostingRuns {
  PostingRuns() = default;
  PostingRuns(std::string_view list) : first(list) {}  // NOLINT(google-explicit-constructor): one run
  PostingRuns(std::string_view first_run, std::string_view then_run) : first(first_run), then(then_run) {}
  size_t size() const { return first.size() + then.size(); }
  std::string_view first, then;
};

// Walks a posting list's entries in order without copying or splitting it.
// Docnos must ascend strictly (the format's promise); a list that breaks
// that, or whose bytes are malformed, ends the walk and reports bad().
class EntryCursor {
 public:
  EntryCursor() = default;
  explicit EntryCursor(PostingRuns list) : rest_(list.first), then_(list.then) { Next(); }
  bool done() const { return done_; }
  bool bad() const { return bad_; }
  // The current entry; valid while !done().
  uint32_t docno() const { return docno_; }
  std::string_view payload() const { return payload_; }
  [[gnu::always_inline]] inline void Next();
  // Moves to the first entry whose docno >= target (or past the end).
  void SeekTo(uint32_t target) {
    while (!done_ && docno_ < target) Next();
  }

 private:
  std::string_view rest_, then_, payload_;
  uint32_t docno_ = 0;
  bool started_ = false, done_ = false, bad_ = false;
};

struct PostingRef {
  uint32_t docno = 0;
  std::string_view payload;
};

// The entries of a list, in its order. False when the bytes are malformed
// (then `out` holds the entries before the damage).
bool SplitPostings(std::string_view list, std::vector<PostingRef>* out);

// Editing a list: the one place that does it, for the memory index and the
// store's merge operator. Each writes a well-formed list to `out` and is
// false when an input is malformed.
//
// `list` and `added` merged in docno order; an entry of `added` replaces one
// of `list` with the same docno (a document indexed again).
bool MergeEntries(std::string_view list, std::string_view added, std::string* out);
// `list` without the entries of the docnos in `removed` (in any order).
bool RemoveEntries(std::string_view list, std::span<const uint32_t> removed, std::string* out);

// A list kept in two parts, as the saved index keeps it, so that a search
// reading no positions reads only the first: `without`, every entry with
// a position count of 0 and no gaps; `positions`, each entry's count and
// gaps, in the entries' order, back to back. A reader that only scores
// and counts reads `without` as the list itself. Both are false on
// malformed input; JoinPositions also when the parts do not match.
bool SplitPositions(std::string_view list, std::string* without, std::string* positions);
bool JoinPositions(std::string_view without, std::string_view positions, std::string* out);
// The positions of a payload, decoded one at a time: a phrase check stops at
// its first match instead of decoding every occurrence.
class PositionCursor {
 public:
  // False when the payload is malformed.
  bool Reset(std::string_view payload);
  // The current position; valid while !done().
  uint32_t value() const { return value_; }
  // Positions not yet moved past (the current one included).
  uint32_t left() const { return done_ ? 0 : left_ + 1; }
  bool done() const { return done_; }
  // Moves to the first position >= target (or past the end).
  void SeekTo(uint32_t target) {
    while (!done_ && value_ < target) Next();
  }
  [[gnu::always_inline]] inline void Next();

 private:
  std::string_view rest_;
  uint32_t left_ = 0;  // positions not decoded yet
  uint32_t value_ = 0;
  bool done_ = true;
};

// Scoring's cheap read: the field frequencies and how often the spelling
// `variant` occurs (not read when `variant_count` is null), without
// decoding positions or allocating.
inline bool ReadFrequencies(std::string_view payload, uint16_t variant, std::array<uint32_t, kFieldCount>* tf,
                            uint32_t* variant_count);

// Varints as used by the formats here and in storage.
void PutVarint(std::string& out, uint32_t value);
// A varint length and the bytes; a count and that many such strings. The
// getters consume what they read and are false on bytes too short.
void PutLengthPrefixed(std::string& out, std::string_view s);
bool GetLengthPrefixed(std::string_view& in, std::string* s);
void PutLengthPrefixedList(std::string& out, const std::vector<std::string>& list);
bool GetLengthPrefixedList(std::string_view& in, std::vector<std::string>* list);
inline bool GetVarint(std::string_view& in, uint32_t* v) {
  // Unrolled for the common sizes: frequencies and gaps take one byte,
  // docnos up to three.
  const auto* p = reinterpret_cast<const uint8_t*>(in.data());
  if (in.size() >= 3) {
    if (p[0] < 0x80) {
      *v = p[0];
      in.remove_prefix(1);
      return true;
    }
    if (p[1] < 0x80) {
      *v = (p[0] & 0x7Fu) | static_cast<uint32_t>(p[1]) << 7;
      in.remove_prefix(2);
      return true;
    }
    if (p[2] < 0x80) {
      *v = (p[0] & 0x7Fu) | (p[1] & 0x7Fu) << 7 | static_cast<uint32_t>(p[2]) << 14;
      in.remove_prefix(3);
      return true;
    }
  }
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

void PositionCursor::Next() {
  uint32_t gap = 0;
  // A malformed tail ends the positions (splitting a list checks entry
  // boundaries, not payloads).
  if (left_ == 0 || !GetVarint(rest_, &gap)) {
    done_ = true;
    return;
  }
  --left_;
  value_ += gap;
}

void EntryCursor::Next() {
  if (rest_.empty()) {
    if (then_.empty()) {
      done_ = true;
      return;
    }
    rest_ = std::exchange(then_, {});  // docnos must go on ascending across the runs
  }
  uint32_t docno = 0, size = 0;
  if (!GetVarint(rest_, &docno) || !GetVarint(rest_, &size) || rest_.size() < size || (started_ && docno <= docno_)) {
    done_ = bad_ = true;
    return;
  }
  started_ = true;
  docno_ = docno;
  payload_ = rest_.substr(0, size);
  rest_.remove_prefix(size);
}

inline bool ReadFrequencies(std::string_view in, uint16_t variant, std::array<uint32_t, kFieldCount>* tf,
                            uint32_t* variant_count) {
  for (uint32_t& f : *tf)
    if (!GetVarint(in, &f)) return false;
  if (!variant_count) return true;
  uint32_t variants = 0;
  if (!GetVarint(in, &variants)) return false;
  *variant_count = 0;
  for (uint32_t i = 0; i < variants; ++i) {
    if (in.size() < 2) return false;
    const uint16_t hash = static_cast<uint16_t>(static_cast<uint8_t>(in[0]) | static_cast<uint8_t>(in[1]) << 8);
    in.remove_prefix(2);
    uint32_t count = 0;
    if (!GetVarint(in, &count)) return false;
    if (hash == variant) {  // spellings are distinct by hash within an entry
      *variant_count = count;
      return true;
    }
  }
  return true;
}

}  // namespace bantin

#endif  // BANTIN_INDEX_POSTING_H_
