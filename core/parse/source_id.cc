#include "bantin/parse/source_id.h"

#include "bantin/text/text.h"
#include "domains.h"

namespace bantin {
namespace {

// Second-level labels under which Vietnam's registry sells names
// ("daknong.gov.vn", "vtv.com.vn"): the registrable domain has three labels.
constexpr std::string_view kVnSecondLevel[] = {"com", "net",    "org",  "gov", "edu", "ac",  "info",
                                               "biz", "health", "name", "pro", "int", "mil", "press"};

bool IsHostChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

}  // namespace

std::string RegistrableDomain(std::string_view host) {
  std::string h;
  for (char c : host) h.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.empty() || h.front() == '.' || h.find("..") != std::string::npos) return "";
  for (char c : h)
    if (!IsHostChar(c)) return "";
  const size_t last = h.rfind('.');
  if (last == std::string::npos || last == 0) return "";
  size_t keep = 2;  // labels
  if (h.substr(last + 1) == "vn") {
    const size_t second = h.rfind('.', last - 1);
    const std::string_view label =
        std::string_view(h).substr(second == std::string::npos ? 0 : second + 1, last - (second + 1));
    for (std::string_view sld : kVnSecondLevel)
      if (label == sld) keep = 3;
  }
  size_t start = h.size();
  for (size_t labels = 0; labels < keep; ++labels) {
    const size_t dot = start == 0 ? std::string::npos : h.rfind('.', start - 1);
    if (dot == std::string::npos) return labels + 1 == keep ? h : "";  // exactly `keep` labels
    start = dot;
  }
  return h.substr(start + 1);
}

std::string CanonicalSourceId(std::string_view given) {
  std::string_view g = given;
  while (!g.empty() && g.front() == ' ') g.remove_prefix(1);
  while (!g.empty() && g.back() == ' ') g.remove_suffix(1);
  if (g.empty()) return "";
  // A domain or a URL, and nothing else: its registrable domain.
  if (g.find(' ') == std::string_view::npos) {
    const std::string domain = FindDomain(g);
    if (!domain.empty()) {
      std::string rest = std::string(g);
      for (char& c : rest) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      const size_t at = rest.find(domain);
      const std::string_view before = std::string_view(rest).substr(0, at);
      const bool only_scheme = before.empty() || before == "www." || before == "http://" || before == "https://" ||
                               before == "http://www." || before == "https://www." || before == "//";
      const char after = at + domain.size() < rest.size() ? rest[at + domain.size()] : '/';
      if (at != std::string::npos && only_scheme && (after == '/' || after == ':' || after == '?'))
        if (std::string registrable = RegistrableDomain(domain); !registrable.empty()) return registrable;
    }
  }
  std::string slug = Slug(g);
  if (slug.size() > kMaxSourceIdBytes) {
    slug.resize(kMaxSourceIdBytes);
    if (const size_t cut = slug.rfind('-'); cut != std::string::npos && cut > kMaxSourceIdBytes / 2) slug.resize(cut);
  }
  return slug;
}

}  // namespace bantin
