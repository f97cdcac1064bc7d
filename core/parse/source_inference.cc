// Infers where a page comes from: its site (domains printed in the header and
// footer), its province (votes from hints, outlet prefixes like "QTO - ",
// domains, footer organisations and mentions in the text) and outlet name.
#include "source_inference.h"

#include <map>

#include "bantin/text/gazetteer.h"
#include "bantin/text/phrases.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "line_kinds.h"
#include "page.h"

namespace bantin {
namespace {

// Weights of the evidence for a province.
constexpr int kOutletVote = 10;
constexpr int kDomainVote = 6;
constexpr int kFooterVote = 2;
constexpr int kTextVote = 1;
// Domains and organisations naming the site sit in short header and footer
// lines; the place an article is about is named in its first lines.
constexpr int kMaxSiteLineWords = 40;
constexpr int kBodyLinesForVotes = 12;

bool IsChromeLine(const Page& page, int i) { return i < page.body_begin || i > page.body_end; }

// "QTO - Hôm nay…" / "(QNO) - …": an outlet code opening the lead.
std::string OutletPrefix(const std::string& lead) {
  size_t i = 0;
  if (!lead.empty() && lead[0] == '(') i = 1;
  std::string code;
  size_t pos = i;
  while (pos < lead.size()) {
    const size_t start = pos;
    const char32_t cp = NextCodePoint(lead, pos);
    if (!IsUpper(cp)) {
      pos = start;
      break;
    }
    code.append(lead, start, pos - start);
  }
  if (code.size() < 2 || code.size() > 8) return "";
  std::string_view rest = std::string_view(lead).substr(pos);
  if (i == 1 && !rest.empty() && rest[0] == ')') rest.remove_prefix(1);
  while (!rest.empty() && rest[0] == ' ') rest.remove_prefix(1);
  const bool dash = rest.rfind("-", 0) == 0 || rest.rfind("\xE2\x80\x93", 0) == 0 || rest.rfind("\xE2\x80\x94", 0) == 0;
  return dash ? code : "";
}

// "Ghi rõ nguồn "X" khi …": the outlet's own name for itself.
std::string QuotedName(const std::string& text) {
  static const std::string kOpen[] = {"\"", "\xE2\x80\x9C"};
  static const std::string kClose[] = {"\"", "\xE2\x80\x9D"};
  for (int k = 0; k < 2; ++k) {
    const size_t a = text.find(kOpen[k]);
    if (a == std::string::npos) continue;
    const size_t b = text.find(kClose[k], a + kOpen[k].size());
    if (b == std::string::npos) continue;
    return text.substr(a + kOpen[k].size(), b - a - kOpen[k].size());
  }
  return "";
}

// "BAN TUYÊN GIÁO" → "Ban Tuyên Giáo": first letter of each word kept.
std::string TitleCase(const std::string& text) {
  std::string out;
  bool start = true;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t s = pos;
    const char32_t cp = NextCodePoint(text, pos);
    const std::string piece = text.substr(s, pos - s);
    out += start ? piece : FoldCase(piece);
    start = cp == ' ';
  }
  return out;
}

std::string FindSite(const Page& page) {
  std::map<std::string, int> score;
  for (int i = 0; i < static_cast<int>(page.lines.size()); ++i) {
    if (!IsChromeLine(page, i)) continue;
    const Line& l = page.lines[i];
    if (l.words > kMaxSiteLineWords) continue;  // prose, not a header or footer line
    const std::string domain = FindDomain(l.text);
    if (domain.empty()) continue;
    int w = l.text.find('@') != std::string::npos ? 1 : 3;
    if (ProvinceOfDomain(domain)) ++w;
    score[domain] += w;
  }
  std::string best;
  int best_score = 0;
  for (const auto& [domain, s] : score)
    if (s > best_score) best = domain, best_score = s;
  return best;
}

}  // namespace

void InferSource(const Page& page, const ParseHints& hints, Bulletin& out) {
  Source& s = out.source;
  if (!hints.url.empty()) s.site = FindDomain(hints.url);
  if (s.site.empty()) s.site = FindSite(page);

  std::map<const Province*, int> votes;
  std::string outlet;
  if (!out.blocks.empty()) {
    outlet = OutletPrefix(out.blocks.front().text);
    if (const Province* p = ProvinceOfOutlet(outlet)) {
      votes[p] += kOutletVote;
      s.name = "Báo " + p->name + " (" + outlet + ")";
    }
  }
  if (const Province* p = ProvinceOfDomain(s.site)) votes[p] += kDomainVote;
  int body_lines = 0;
  for (int i = 0; i < static_cast<int>(page.lines.size()); ++i) {
    const Line& l = page.lines[i];
    if (l.blank || l.role == LineRole::kRelated) continue;
    const bool chrome = IsChromeLine(page, i) && l.role != LineRole::kTitle;
    if (chrome) {
      if (l.words > kMaxSiteLineWords) continue;
    } else if (l.role != LineRole::kTitle && ++body_lines > kBodyLinesForVotes && (l.terminal || l.words > 60)) {
      continue;  // deep in the body only caption-like lines still vote
    }
    for (const ProvinceMention& m : FindProvinces(l.text)) votes[m.province] += chrome ? kFooterVote : kTextVote;
    if (chrome && s.name.empty() && StartsWithPhrase(WithoutLeadingMarks(l.folded), "ghi ro nguon")) {
      const std::string q = QuotedName(l.text);
      if (!q.empty() && FindDomain(q) != FoldCase(q)) s.name = q;
    }
  }
  const Province* best = nullptr;
  int best_votes = 0;
  for (const auto& [p, v] : votes)
    if (v > best_votes || (v == best_votes && best && p->name < best->name)) best = p, best_votes = v;
  if (best) out.confidence.source = best_votes >= kDomainVote ? 0.9 : best_votes >= 3 ? 0.7 : 0.5;
  if (const Province* hinted = ProvinceByName(hints.province)) {
    best = hinted;
    out.confidence.source = 1.0;
  }
  if (best) s.province = best->name;
  if (s.name.empty()) {
    // An all-caps organisation line in the footer ("BAN TUYÊN GIÁO TỈNH ỦY X").
    for (int i = page.body_end + 1; i < static_cast<int>(page.lines.size()); ++i) {
      const Line& l = page.lines[i];
      if (l.all_caps && l.words >= 3 && l.words <= 14 && !FindProvinces(TitleCase(l.text)).empty()) {
        s.name = TitleCase(l.text);
        break;
      }
    }
  }
  if (!hints.source_id.empty()) {
    s.id = hints.source_id;
  } else if (!s.site.empty()) {
    s.id = s.site;
  } else if (!s.name.empty()) {
    s.id = Slug(s.name);
  } else if (best) {
    s.id = best->slug;
  }
  if (!best) out.warnings.push_back("province unknown: no outlet, domain or place name found");
}

}  // namespace bantin
