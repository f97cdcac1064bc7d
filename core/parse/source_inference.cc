// Infers where a page comes from: its site (domains printed in the header and
// footer), its outlet (a known outlet, FindOutlet) and the publisher's
// province: the outlet's own when it is known (none for a national outlet),
// else votes of publisher evidence — hints, outlet codes like "QTO - ",
// domains, and header and footer lines that name the publisher, its owner
// or its address. Places the article speaks of count only where there is no
// such evidence and the page is a whole page's scrape or speaks from inside
// its province (see the fallback below).
#include "source_inference.h"

#include <map>

#include "bantin/parse/source_id.h"
#include "bantin/text/gazetteer.h"
#include "bantin/text/outlets.h"
#include "bantin/text/phrases.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "domains.h"
#include "line_kinds.h"
#include "page.h"

namespace bantin {
namespace {

// Weights of the evidence for a province.
constexpr int kOutletVote = 10;
constexpr int kDomainVote = 6;
constexpr int kFooterVote = 2;
// Without any publisher evidence, the places a whole page's first lines name
// are the last resort: a provincial portal's header and footer often name
// no one.
constexpr int kTextVote = 1;
constexpr int kBodyLinesForVotes = 12;
// Domains and organisations naming the site sit in short header and footer
// lines.
constexpr int kMaxSiteLineWords = 40;

bool IsChromeLine(const Page& page, int i) { return i < page.body_begin || i > page.body_end; }

// The outlet a piece of text ends with after a separator: a sapo signed
// "… - VnExpress", a byline "Thiếu Anh/VOV online".
const Outlet* OutletAtEnd(std::string_view text) {
  for (std::string_view sep : {" - ", " \xE2\x80\x93 ", "/"}) {
    const size_t at = text.rfind(sep);
    if (at == std::string_view::npos || text.size() - at > 40) continue;
    if (const Outlet* o = OutletNamed(text.substr(at + sep.size()))) return o;
  }
  return nullptr;
}

// The one place a page's outlet is recognised: by the code opening its lead
// ("(PLO) - …", "HNN - …"), the site's domain, a short header or footer
// line that is only its name (a dump's outlet line; a name that is also a
// section word only as the page's last line), the name that signs the lead
// or the byline, or the site's name for itself in its metadata.
const Outlet* FindOutlet(const Page& page, const std::string& code, const std::string& site,
                         const std::string& site_name, const Bulletin& out) {
  if (const Outlet* o = code.empty() ? nullptr : OutletNamed(code)) return o;
  if (const Outlet* o = OutletOfDomain(site)) return o;
  bool last = true;
  for (int i = static_cast<int>(page.lines.size()) - 1; i >= 0; --i) {
    const Line& l = page.lines[i];
    if (l.blank) continue;
    const bool weak = last;
    last = false;
    if (l.words > 6 || !IsChromeLine(page, i) || l.role == LineRole::kTitle) continue;
    if (const Outlet* o = OutletNamed(l.text, weak)) return o;
  }
  if (!out.blocks.empty())
    if (const Outlet* o = OutletAtEnd(out.blocks.front().text)) return o;
  if (const Outlet* o = OutletAtEnd(out.author)) return o;
  return site_name.empty() ? nullptr : OutletNamed(site_name, /*weak=*/true);
}

// A page scraped whole, with the site's header and footer around the
// article (menus, counters, addresses, the site's clock), as opposed to an
// article's fields alone (a dataset record, a reader's copy).
constexpr int kWholePageChromeLines = 3;
bool IsWholePage(const Page& page) {
  int chrome = 0;
  for (int i = 0; i < static_cast<int>(page.lines.size()); ++i) {
    const LineRole r = page.lines[i].role;
    if (r == LineRole::kPageClock) return true;
    if (IsChromeLine(page, i) && (r == LineRole::kNavigation || r == LineRole::kBoilerplate)) ++chrome;
  }
  return chrome >= kWholePageChromeLines;
}

// A province's own paper speaks of it from inside, without naming it:
// "toàn tỉnh", "trong tỉnh", "trên địa bàn tỉnh".
const char* const kLocalVoice[] = {"toan tinh", "trong tinh",     "dia ban tinh",
                                   "tinh ta",   "toan thanh pho", "dia ban thanh pho"};
bool SpeaksFromInside(const Bulletin& out) {
  static const PhraseSet kPhrases(kLocalVoice);
  for (const Block& b : out.blocks)
    if (kPhrases.AnyIn(FoldedKey(b.text))) return true;
  return kPhrases.AnyIn(FoldedKey(out.title));
}

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
  if (!rest.empty() && rest[0] == '.') rest.remove_prefix(1);  // "(SGGP).- …"
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

void InferSource(const Page& page, const ParseHints& hints, const PageCues& cues, Bulletin& out) {
  Source& s = out.source;
  if (!hints.url.empty()) s.site = FindDomain(hints.url);
  if (s.site.empty()) s.site = FindSite(page);

  // Votes per province, and the order each was first named in: a tie goes
  // to the province named first (a portal's own province leads its text;
  // other places follow as the story's).
  std::map<const Province*, int> votes;
  std::map<const Province*, int> first_named;
  const auto vote = [&](const Province* p, int weight) {
    votes[p] += weight;
    first_named.emplace(p, static_cast<int>(first_named.size()));
  };
  std::string outlet;
  if (!out.blocks.empty()) {
    outlet = OutletPrefix(out.blocks.front().text);
    if (const Province* p = ProvinceOfOutlet(outlet)) {
      vote(p, kOutletVote);
      s.name = "Báo " + p->name + " (" + outlet + ")";
    }
  }
  // An outlet code that is not a province's paper's may name a known outlet.
  const Outlet* known = votes.empty() ? FindOutlet(page, outlet, s.site, cues.site_name, out) : nullptr;
  if (known) {
    s.name = known->name;
    if (s.site.empty() && !known->domains.empty()) s.site = known->domains.front();
    if (const Province* p = ProvinceByName(known->province)) vote(p, kOutletVote);
  }
  if (const Province* p = ProvinceOfDomain(s.site); p && !known) vote(p, kDomainVote);
  for (int i = 0; i < static_cast<int>(page.lines.size()) && !known; ++i) {
    const Line& l = page.lines[i];
    if (l.blank || l.role == LineRole::kRelated || l.role == LineRole::kTitle || !IsChromeLine(page, i)) continue;
    if (l.words > kMaxSiteLineWords || !NamesPublisher(l)) continue;
    for (const ProvinceMention& m : FindProvinces(l.text)) vote(m.province, kFooterVote);
  }
  // Only a whole page's scrape (a local portal whose header and footer name
  // no one), or an article written from inside its province, falls back to
  // the places its first lines name; an article's fields alone otherwise
  // speak of its story's places, not its publisher's.
  int body_lines = 0;
  const bool fallback = votes.empty() && !known && (IsWholePage(page) || SpeaksFromInside(out));
  for (int i = 0; i < static_cast<int>(page.lines.size()) && fallback; ++i) {
    const Line& l = page.lines[i];
    if (l.blank || l.role == LineRole::kRelated || IsChromeLine(page, i)) continue;
    if (++body_lines > kBodyLinesForVotes && (l.terminal || l.words > 60)) continue;  // deep in the body only captions
    for (const ProvinceMention& m : FindProvinces(l.text)) vote(m.province, kTextVote);
  }
  for (int i = 0; i < static_cast<int>(page.lines.size()); ++i) {
    const Line& l = page.lines[i];
    if (l.blank || !IsChromeLine(page, i) || l.words > kMaxSiteLineWords) continue;
    if (s.name.empty() && StartsWithPhrase(WithoutLeadingMarks(l.folded), "ghi ro nguon")) {
      const std::string q = QuotedName(l.text);
      if (!q.empty() && FindDomain(q) != FoldCase(q)) s.name = q;
    }
  }
  const Province* best = nullptr;
  int best_votes = 0;
  for (const auto& [p, v] : votes)
    if (v > best_votes || (v == best_votes && best && first_named[p] < first_named[best])) best = p, best_votes = v;
  if (best) out.confidence.source = best_votes >= kDomainVote ? 0.9 : best_votes >= 3 ? 0.7 : 0.5;
  if (known && !best) out.confidence.source = 0.9;  // a national outlet: no province, and sure of it
  if (const Province* hinted = ProvinceByName(hints.province)) {
    best = hinted;
    out.confidence.source = 1.0;
  }
  if (best) s.province = best->name;
  if (s.name.empty() && !cues.site_name.empty()) s.name = CollapseSpaces(cues.site_name);
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
  // One id per publisher (bantin/parse/source_id.h): the caller's, else the
  // registrable domain, else the name's slug.
  s.id = CanonicalSourceId(hints.source_id);
  if (s.id.empty()) s.id = RegistrableDomain(s.site);
  if (s.id.empty()) s.id = CanonicalSourceId(s.name);
  if (s.id.empty()) s.id = kUnknownSource;
  if (!best && !known) out.warnings.push_back("province unknown: no outlet, domain or publisher line found");
}

}  // namespace bantin
