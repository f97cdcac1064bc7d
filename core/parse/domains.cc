#include "domains.h"

namespace bantin {

std::string FindDomain(std::string_view text) {
  static constexpr const char* kTlds[] = {"vn", "com", "net", "org", "gov", "edu", "info", "asia"};
  const auto is_host = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  };
  size_t i = 0;
  while (i < text.size()) {
    if (!is_host(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool dotted = false;
    while (j < text.size() && is_host(text[j])) dotted |= text[j++] == '.';
    if (!dotted) {
      i = j;
      continue;
    }
    std::string host(text.substr(i, j - i));
    while (!host.empty() && (host.back() == '.' || host.back() == '-')) host.pop_back();
    for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    const size_t dot = host.rfind('.');
    if (dot != std::string::npos && dot > 0 && host.find("..") == std::string::npos) {
      const std::string tld = host.substr(dot + 1);
      for (const char* t : kTlds) {
        if (tld == t) {
          if (host.rfind("www.", 0) == 0) host = host.substr(4);
          return host;
        }
      }
    }
    i = j;
  }
  return "";
}

bool IsDomainLine(const Line& line) {
  if (line.blank || line.words > 2) return false;
  const std::string d = FindDomain(line.text);
  if (d.empty()) return false;
  std::string f = line.folded;
  for (const char* prefix : {"https://", "http://", "www."})
    if (f.rfind(prefix, 0) == 0) f = f.substr(std::string(prefix).size());
  while (!f.empty() && (f.back() == '/' || f.back() == '.')) f.pop_back();
  return f.rfind(d, 0) == 0;
}

}  // namespace bantin
