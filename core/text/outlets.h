// Vietnamese news outlets a page may name as its publisher: national ones,
// which have no publisher province, and city and provincial papers, with the
// province they belong to. Each is known by its names and abbreviations as
// pages print them (a dump's outlet line, a credit, a site name) and by its
// domains. What the gazetteer (gazetteer.h) is for places, this is for
// publishers: a national paper mentioning Cà Mau is not a Cà Mau paper.
#ifndef BANTIN_TEXT_OUTLETS_H_
#define BANTIN_TEXT_OUTLETS_H_

#include <string>
#include <string_view>
#include <vector>

namespace bantin {

struct Outlet {
  std::string name;                // as the outlet writes it, with diacritics
  std::string province;            // canonical gazetteer name; "" for a national outlet
  std::vector<std::string> names;  // FilterKey forms of its names and abbreviations
  // Names that are also ordinary section words ("Tin tức", "Văn hóa",
  // "Giao thông"): a portal's menu prints them too, so they name the outlet
  // only where nothing else could stand (a dump's last line, a site's own
  // name for itself).
  std::vector<std::string> weak_names;
  std::vector<std::string> domains;  // registrable domains ("nhandan.vn")
};

// The outlet whose name or abbreviation is the whole of `text` (compared as
// FilterKey: case, accents and punctuation ignored), or null. Weak names
// count only with `weak`.
const Outlet* OutletNamed(std::string_view text, bool weak = false);

// The outlet owning a domain or host name ("www.tuoitre.vn", "m.sggp.org.vn"), or null.
const Outlet* OutletOfDomain(std::string_view domain);

}  // namespace bantin

#endif  // BANTIN_TEXT_OUTLETS_H_
