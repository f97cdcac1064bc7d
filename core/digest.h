// Small, stable digests and hex encodings shared by the parser (content
// ids), search (variant hashes, page tokens) and storage (page hashes, list
// tokens). FNV-1a: fast, dependency-free, and stable across builds and
// platforms, which stored ids and tokens need. Not for security.
#ifndef BANTIN_DIGEST_H_
#define BANTIN_DIGEST_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace bantin {

inline constexpr uint64_t kFnv64Offset = 14695981039346656037ULL;
inline constexpr uint32_t kFnv32Offset = 2166136261u;

// FNV-1a over `bytes`, continuing from `state` (start with the offset).
uint64_t Fnv1a64(std::string_view bytes, uint64_t state = kFnv64Offset);
uint32_t Fnv1a32(std::string_view bytes, uint32_t state = kFnv32Offset);

// 16 lower-case hex digits.
std::string Hex64(uint64_t value);

// Bytes as lower-case hex, and back; Unhex is false for anything else.
std::string Hex(std::string_view bytes);
bool Unhex(std::string_view hex, std::string* bytes);

}  // namespace bantin

#endif  // BANTIN_DIGEST_H_
