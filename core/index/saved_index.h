// A memory index saved as bytes and mapped back without indexing again:
// what the offline viewer keeps in IndexedDB so that a reload with a large
// archive is a copy, not a re-parse and re-index of every article, and what
// a server could hand a browser so that it need not index at all.
//
// Layout (version 4), little-endian throughout, the same bytes from native
// code and WebAssembly for the same index:
//
//   "BTIX" | u32 version | u64 head size | head | u64 head checksum | lists
//   head:  u32 doc limit | u32 documents present
//          per present document: varint docno, varint×3 field lengths, Bulletin
//          u32 posting lists | per list: string folded,
//            varint size, u32 checksum (its entries without positions),
//            varint size, u32 checksum (their positions)
//   lists: each list's two parts (posting.h, SplitPositions), in the head's
//          order, back to back
//
// A search that reads no positions (no phrase of two syllables or more)
// reads a list's first part only: about two thirds of its bytes. Version 3,
// still read, kept each list whole (one size and checksum).
//
// Checksums are FNV-1a over 64-bit words (a part's: its two halves XORed). Strings
// are a varint length and the bytes; a Bulletin is its fields in the order
// of bantin.v1.Bulletin without blocks, line spans and warnings: what
// search finds, ranks, filters, counts and lists by. The articles' texts
// are not in it (they were half its size): a loaded index answers every
// query as the saved one did, but its hits' snippets reach only the title;
// whoever keeps the texts cuts the rest (SnippetsToJson in
// bantin/search/search_json.h, as the viewer does from IndexedDB for the
// results it shows). Lists are in byte order of their folded keys.
//
// The head is what a load needs; the lists can stay where they are and be
// read when a search asks for them (LoadIndexHead), so opening a large
// archive reads its documents and its dictionary, not every list. Every
// read checks its checksum and every length: damaged or foreign bytes are
// an error (DATA_LOSS, reason INDEX_CORRUPTED), never a crash.
#ifndef BANTIN_INDEX_SAVED_INDEX_H_
#define BANTIN_INDEX_SAVED_INDEX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "bantin/index/memory_index.h"
#include "bantin/status.h"

namespace bantin {

// The version SaveIndex writes, and the oldest a load reads.
inline constexpr uint32_t kSavedIndexVersion = 4;
inline constexpr uint32_t kOldestSavedIndexVersion = 3;

// The index as bytes; an error only when a list it left stored (a loaded
// index's) cannot be read.
Result<std::string> SaveIndex(const MemoryIndex& index);
// Replaces `index`'s contents with the saved ones, every list read now; on
// error it is left empty.
Status LoadIndex(std::string_view bytes, MemoryIndex* index);

// How many bytes from the start a head-only load needs (the magic, version,
// head size, head and its checksum), given at least the first 16 bytes.
Result<uint64_t> SavedIndexHeadBytes(std::string_view first_bytes);
// Reads `size` bytes at `offset` of the whole saved form into `out` (which
// has room for them); false when it cannot.
using SavedBytesReader = std::function<bool(uint64_t offset, uint32_t size, char* out)>;
// Loads the head (`head`: the first SavedIndexHeadBytes bytes) and leaves
// the lists where they are: `read` fetches one, checked, when a search asks
// for it, for as long as the index lives.
// The index keeps a copy of the head: its bulletins are decoded from it
// when asked for (MemoryIndex::Document), not all at once.
Status LoadIndexHead(std::string_view head, SavedBytesReader read, MemoryIndex* index);
// The same, keeping `head` itself (`size` bytes) instead of a copy.
Status LoadIndexHead(std::shared_ptr<const char> head, size_t size, SavedBytesReader read, MemoryIndex* index);

}  // namespace bantin

#endif  // BANTIN_INDEX_SAVED_INDEX_H_
