// A memory index saved as bytes and mapped back without indexing again:
// what the offline viewer keeps in IndexedDB so that a reload with a large
// archive is a copy, not a re-parse and re-index of every article, and what
// a server could hand a browser so that it need not index at all.
//
// Layout (version 2), little-endian throughout, the same bytes from native
// code and WebAssembly for the same index:
//
//   "BTIX" | u32 version | u32 doc limit | u32 documents present
//   per present document: varint docno, varint×3 field lengths, Bulletin
//   u32 posting lists | per list: string folded, string entries
//   u64 checksum of everything before it (FNV-1a over 64-bit words)
//
// strings are a varint length and the bytes; a Bulletin is its fields in
// the order of bantin.v1.Bulletin without blocks, line spans and warnings:
// what search finds, ranks, filters, counts and lists by. The articles'
// texts are not in it (they were half its size): a loaded index answers
// every query as the saved one did, but its hits' snippets reach only the
// title; whoever keeps the texts cuts the rest (SnippetsToJson in
// bantin/search/search_json.h, as the viewer does from IndexedDB for the
// results it shows). Lists are in byte order of their folded keys.
// Load checks the magic, the version, the checksum and every length, so
// damaged or foreign bytes are an error (DATA_LOSS), never a crash.
#ifndef BANTIN_INDEX_SAVED_INDEX_H_
#define BANTIN_INDEX_SAVED_INDEX_H_

#include <string>
#include <string_view>

#include "bantin/index/memory_index.h"
#include "bantin/status.h"

namespace bantin {

inline constexpr uint32_t kSavedIndexVersion = 2;

std::string SaveIndex(const MemoryIndex& index);
// Replaces `index`'s contents with the saved ones; on error it is left empty.
Status LoadIndex(std::string_view bytes, MemoryIndex* index);

}  // namespace bantin

#endif  // BANTIN_INDEX_SAVED_INDEX_H_
