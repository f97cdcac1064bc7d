#include "place_inference.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "bantin/text/gazetteer.h"

namespace bantin {
namespace {

constexpr size_t kMaxPlaces = 5;
// A dateline is a few words before the dash that opens a lead.
constexpr size_t kMaxDatelineBytes = 40;

void Add(Bulletin& out, const Province* p) {
  if (!p || out.places.size() >= kMaxPlaces) return;
  if (std::find(out.places.begin(), out.places.end(), p->name) == out.places.end()) out.places.push_back(p->name);
}

// "QUẢNG NINH – Sáng nay…", "(Đắk Nông) - …": the province a lead opens with.
const Province* Dateline(std::string_view lead) {
  size_t dash = std::string_view::npos;
  for (std::string_view d : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "- ", "\xE2\x80\x93 "}) {
    const size_t at = lead.find(d);
    if (at != std::string_view::npos && at < dash) dash = at;
  }
  if (dash == std::string_view::npos || dash == 0 || dash > kMaxDatelineBytes) return nullptr;
  std::string_view head = lead.substr(0, dash);
  while (!head.empty() && (head.front() == '(' || head.front() == ' ')) head.remove_prefix(1);
  while (!head.empty() && (head.back() == ')' || head.back() == ' ')) head.remove_suffix(1);
  return ProvinceByName(head);  // case and tone placement ignored
}

}  // namespace

void InferPlaces(Bulletin& out) {
  out.places.clear();
  const Block* lead = nullptr;
  for (const Block& b : out.blocks)
    if (b.kind == BlockKind::kParagraph) {
      lead = &b;
      break;
    }
  if (lead) Add(out, Dateline(lead->text));
  for (const ProvinceMention& m : FindProvinces(out.title)) Add(out, m.province);
  if (lead)
    for (const ProvinceMention& m : FindProvinces(lead->text)) Add(out, m.province);
}

}  // namespace bantin
