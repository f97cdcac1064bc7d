#include "bantin/digest.h"

#include <cstdio>

namespace bantin {

uint64_t Fnv1a64(std::string_view bytes, uint64_t h) {
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ULL;
  return h;
}

uint32_t Fnv1a32(std::string_view bytes, uint32_t h) {
  for (unsigned char c : bytes) h = (h ^ c) * 16777619u;
  return h;
}

std::string Hex64(uint64_t value) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) out += kDigits[c >> 4], out += kDigits[c & 15];
  return out;
}

bool Unhex(std::string_view s, std::string* out) {
  if (s.size() % 2) return false;
  const auto v = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  out->clear();
  for (size_t i = 0; i < s.size(); i += 2) {
    if (v(s[i]) < 0 || v(s[i + 1]) < 0) return false;
    out->push_back(static_cast<char>(v(s[i]) * 16 + v(s[i + 1])));
  }
  return true;
}

}  // namespace bantin
