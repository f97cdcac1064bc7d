#include "search_cursor.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "bantin/digest.h"

namespace bantin {
namespace {

// Tokens are opaque to clients: the fields below, hex-encoded.
constexpr char kVersion[] = "c1";

}  // namespace

uint32_t QueryFingerprint(std::string_view query) { return Fnv1a32(query); }

std::string EncodeCursor(const SearchCursor& c) {
  uint64_t bits = 0;
  std::memcpy(&bits, &c.score, sizeof bits);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s %" PRIu32 " %" PRIu32 " %d %016" PRIx64 " %" PRIu32 " ", kVersion, c.watermark,
                c.fingerprint, c.exact_terms, bits, c.docno);
  return Hex(std::string(buf) + c.date);
}

Result<SearchCursor> DecodeCursor(std::string_view token) {
  const Status bad = Status::InvalidField("page_token", "not a token this service issued");
  std::string text;
  if (token.size() > 256 || !Unhex(token, &text)) return bad;
  SearchCursor c;
  char version[3] = {};
  uint64_t bits = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%2s %" SCNu32 " %" SCNu32 " %d %" SCNx64 " %" SCNu32 " %n", version, &c.watermark,
                  &c.fingerprint, &c.exact_terms, &bits, &c.docno, &consumed) != 6 ||
      std::string_view(version) != kVersion || consumed <= 0)
    return bad;
  std::memcpy(&c.score, &bits, sizeof bits);
  c.date = text.substr(static_cast<size_t>(consumed));
  return c;
}

}  // namespace bantin
