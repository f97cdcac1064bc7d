#include "compression.h"

#include <zstd.h>

namespace bantin {
namespace {
// Level 1: on the pages of tests/pages, 5 % larger than level 3 and about
// twice as fast, and every page ingested is compressed once.
constexpr int kLevel = 1;
constexpr unsigned long long kMaxPage = 1ULL << 30;  // no stored page is larger

// One context per thread, kept: making one allocates about a megabyte,
// fresh pages the kernel zeroes, for every page compressed.
struct Contexts {
  ZSTD_CCtx* compress = ZSTD_createCCtx();
  ZSTD_DCtx* decompress = ZSTD_createDCtx();
  ~Contexts() {
    ZSTD_freeCCtx(compress);
    ZSTD_freeDCtx(decompress);
  }
};
thread_local Contexts contexts;

}  // namespace

std::string Compress(std::string_view bytes) {
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t n = ZSTD_compressCCtx(contexts.compress, out.data(), out.size(), bytes.data(), bytes.size(), kLevel);
  out.resize(ZSTD_isError(n) ? 0 : n);
  return out;
}

Result<std::string> Decompress(std::string_view frame) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxPage)
    return Status::Internal("raw page: not a zstd frame");
  std::string out(size, '\0');
  const size_t n = ZSTD_decompressDCtx(contexts.decompress, out.data(), out.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) || n != size) return Status::Internal("raw page: corrupt zstd frame");
  return out;
}

}  // namespace bantin
