#include "core/search_cursor.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

namespace bantin {
namespace {

// Tokens are opaque to clients: the fields below, hex-encoded.
constexpr char kVersion[] = "c1";

std::string Hex(std::string_view s) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) out += kDigits[c >> 4], out += kDigits[c & 15];
  return out;
}

bool Unhex(std::string_view s, std::string* out) {
  if (s.size() % 2) return false;
  const auto v = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  for (size_t i = 0; i < s.size(); i += 2) {
    if (v(s[i]) < 0 || v(s[i + 1]) < 0) return false;
    out->push_back(static_cast<char>(v(s[i]) * 16 + v(s[i + 1])));
  }
  return true;
}

}  // namespace

uint32_t QueryFingerprint(std::string_view query) {
  uint32_t h = 2166136261u;
  for (unsigned char c : query) h = (h ^ c) * 16777619u;
  return h;
}

std::string EncodeCursor(const SearchCursor& c) {
  uint64_t bits = 0;
  std::memcpy(&bits, &c.score, sizeof bits);
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s %" PRIu32 " %" PRIu32 " %d %016" PRIx64 " %" PRIu32 " ", kVersion,
                c.watermark, c.fingerprint, c.exact_terms, bits, c.docno);
  return Hex(std::string(buf) + c.date);
}

Result<SearchCursor> DecodeCursor(std::string_view token) {
  const Status bad = Status::InvalidArgument("page_token: not a token this service issued");
  std::string text;
  if (token.size() > 256 || !Unhex(token, &text)) return bad;
  SearchCursor c;
  char version[3] = {};
  uint64_t bits = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%2s %" SCNu32 " %" SCNu32 " %d %" SCNx64 " %" SCNu32 " %n", version,
                  &c.watermark, &c.fingerprint, &c.exact_terms, &bits, &c.docno, &consumed) != 6 ||
      std::string_view(version) != kVersion || consumed <= 0)
    return bad;
  std::memcpy(&c.score, &bits, sizeof bits);
  c.date = text.substr(static_cast<size_t>(consumed));
  return c;
}

}  // namespace bantin
