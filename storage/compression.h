// Raw pages are kept compressed with zstd: they are read rarely (get --raw,
// reparse) and compress about 4:1.
#ifndef BANTIN_STORAGE_COMPRESSION_H_
#define BANTIN_STORAGE_COMPRESSION_H_

#include <string>
#include <string_view>

#include "bantin/status.h"

namespace bantin {

std::string Compress(std::string_view bytes);
// Internal error for bytes that are not a zstd frame Compress wrote.
Result<std::string> Decompress(std::string_view frame);

}  // namespace bantin

#endif  // BANTIN_STORAGE_COMPRESSION_H_
