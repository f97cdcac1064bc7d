#include "blocks.h"

#include <unordered_set>
#include <vector>

#include "article_bounds.h"
#include "bantin/text/dates.h"
#include "bantin/text/outlets.h"
#include "bantin/text/text.h"
#include "line_kinds.h"

namespace bantin {
namespace {

constexpr size_t kMaxRelated = 50;
// A tag is a keyword or a name: a few words at most.
constexpr int kMaxTagWords = 6;

// The whole line is in quotation marks ("…" or “…”), a final period aside.
bool IsQuoted(const std::string& t) {
  std::string_view rest = t;
  while (!rest.empty() && (rest.back() == '.' || rest.back() == ' ')) rest.remove_suffix(1);
  const bool opens = rest.rfind("\"", 0) == 0 || rest.rfind("\xE2\x80\x9C", 0) == 0;
  const bool closes = rest.size() > 1 && (rest.ends_with("\"") || rest.ends_with("\xE2\x80\x9D"));
  return opens && closes;
}

bool IsRomanHeading(const std::string& f) {
  size_t i = 0;
  while (i < f.size() && (f[i] == 'i' || f[i] == 'v' || f[i] == 'x')) ++i;
  return i > 0 && i + 1 < f.size() && (f[i] == '.' || f[i] == '/') && f[i + 1] == ' ';
}

BlockKind KindOf(const Page& page, int i, bool first, double indented_share) {
  const Line& l = page.lines[i];
  if (first) return BlockKind::kParagraph;
  if (!l.terminal && l.words <= 12 && (l.all_caps || IsRomanHeading(l.folded))) return BlockKind::kHeading;
  if (StartsWithEnumerator(l)) return BlockKind::kListItem;
  if (l.words >= 6 && IsQuoted(l.text)) return BlockKind::kQuote;
  if (!l.text.empty() && l.text.back() == ':') return BlockKind::kParagraph;
  if (!l.terminal && l.words <= 60 && InnerSentences(l.text) < 2)
    return l.words <= 7 ? BlockKind::kHeading : BlockKind::kCaption;
  // A short sentence set apart from indented paragraphs by its margin.
  if (l.words <= 25 && !l.indented && indented_share >= 0.6) return BlockKind::kCaption;
  return BlockKind::kParagraph;
}

std::string StripTrailingDate(std::string t) {
  // "Title (15/01/2021)" or "Title - 15/01/2021" in related lists.
  const size_t open = t.rfind(" (");
  if (open != std::string::npos && !t.empty() && t.back() == ')' && !FindDates(FoldedKey(t.substr(open))).empty())
    t.resize(open);
  return t;
}

// Folded keys of cue texts, for matching whole lines.
std::unordered_set<std::string> KeysOf(const std::vector<std::string>& texts) {
  std::unordered_set<std::string> keys;
  for (const std::string& t : texts) keys.insert(FoldedKey(ToNfc(CollapseSpaces(t))));
  return keys;
}

// Line `i` ends in a colon, is a heading's length, and the next line is a
// teaser (one link's text).
bool IntroducesTeasers(const std::vector<Line>& lines, int i, const std::unordered_set<std::string>& teasers) {
  const Line& l = lines[i];
  if (l.words > 20 || l.text.empty() || l.text.back() != ':') return false;
  for (size_t j = i + 1; j < lines.size(); ++j)
    if (!lines[j].blank) return teasers.count(lines[j].folded) > 0;
  return false;
}

}  // namespace

// A byline printed alone between the headline and the lead (headline, name,
// lead: article pages and their mobile layouts): a name shaped as a name or
// a labelled byline, with nothing but blank lines, date stamps and repeats
// of the headline or of itself beside it (a page that prints its header
// twice). Two different lines there are a menu or a toolbar, not a byline.
void ReadHeaderByline(Page& page, Bulletin& out) {
  if (page.title < 0 || page.body_begin <= page.title + 1) return;
  int byline = -1;
  for (int i = page.title + 1; i < page.body_begin; ++i) {
    const Line& l = page.lines[i];
    // A separator the markup set on its own line ("Hạ Anh", "|", the date)
    // stands between a byline and its date; it is neither.
    if (l.blank || l.role == LineRole::kPublication || l.role == LineRole::kPageClock || !HasLetter(l.text)) continue;
    if (l.text == page.lines[page.title].text || (byline >= 0 && l.text == page.lines[byline].text)) continue;
    if (byline >= 0) return;
    byline = i;
  }
  if (byline < 0) return;
  Line& l = page.lines[byline];
  std::string name = BylineAfterLabel(l);
  if (name.empty() && LooksLikeName(l) && !OutletNamed(l.text, /*weak=*/true)) name = l.text;
  if (name.empty()) return;
  l.role = LineRole::kByline;
  out.author = name;
  out.confidence.author = 0.85;
}

void CollectBlocks(Page& page, const PageCues& cues, int stop, Bulletin& out) {
  std::vector<Line>& lines = page.lines;
  // A line that is all one link's text, after the lead, is a teaser of
  // another article ("related" boxes inside the article's container); a
  // line the markup marks as a caption is one, whatever its shape.
  const std::unordered_set<std::string> teasers = KeysOf(cues.links), captions = KeysOf(cues.captions);
  int prose = 0, indented = 0;
  for (int i = page.body_begin; i <= page.body_end; ++i)
    if (IsProse(lines[i])) ++prose, indented += lines[i].indented ? 1 : 0;
  const double share = prose ? static_cast<double>(indented) / prose : 0.0;
  for (int i = page.body_begin; i <= page.body_end; ++i) {
    Line& l = lines[i];
    if (l.blank || l.role != LineRole::kUnspecified) continue;
    if (IsBoilerplate(l, true)) {
      l.role = LineRole::kBoilerplate;
      continue;
    }
    const bool marked_caption = captions.count(l.folded) > 0;
    if ((IsPhotoCredit(l) && !(marked_caption && IsIllustrationNote(l))) || IsSourceCredit(l)) {
      l.role = LineRole::kCredit;
      continue;
    }
    if (l.text == out.title) {
      l.role = LineRole::kDuplicate;
      continue;
    }
    // A short line ending in a colon right above teasers is their box's
    // heading ("Đọc những thông tin … mới nhất trên FICA:").
    if (!out.blocks.empty() && (teasers.count(l.folded) || IntroducesTeasers(lines, i, teasers))) {
      l.role = LineRole::kRelated;
      if (out.related.size() < kMaxRelated) out.related.push_back(l.text);
      continue;
    }
    l.role = LineRole::kBody;
    BlockKind kind = KindOf(page, i, out.blocks.empty(), share);
    // Where the markup marks captions, it decides: a marked line is one, an
    // unmarked short line is not (a fact box, a tag list, a sub-title).
    if (!captions.empty() && !out.blocks.empty())
      kind = marked_caption ? BlockKind::kCaption : kind == BlockKind::kCaption ? BlockKind::kParagraph : kind;
    out.blocks.push_back({kind, l.text});
  }
  // Captions the markup marks after the last paragraph, before the footer
  // starts (a gallery closing the article), are the article's too.
  for (int i = page.body_end + 1; i < stop && i < static_cast<int>(lines.size()) && !captions.empty(); ++i) {
    Line& l = lines[i];
    if (l.blank || l.role != LineRole::kUnspecified || !captions.count(l.folded)) continue;
    l.role = LineRole::kBody;
    out.blocks.push_back({BlockKind::kCaption, l.text});
  }
}

// Byline, credits and related titles after the body; the rest is footer.
void ReadFooter(Page& page, int stop, Bulletin& out) {
  std::vector<Line>& lines = page.lines;
  const int n = static_cast<int>(lines.size());
  bool in_related = false, in_tags = false;
  bool credit_is_outlet_line = false;
  int last = n - 1;  // a dump's outlet line is its last
  while (last >= 0 && lines[last].blank) --last;
  for (int i = page.body_end + 1; i < n; ++i) {
    Line& l = lines[i];
    if (l.blank) continue;
    if (l.role == LineRole::kRelated) {
      in_related = true;
      continue;
    }
    // The article's tags, one per line under their label ("Tags", then
    // "The Face", "clip nóng"): keywords, never a byline.
    if (IsTagLabel(l)) {
      in_tags = true;
      continue;
    }
    if (in_tags && l.role == LineRole::kUnspecified && l.words <= kMaxTagWords && !l.terminal) {
      l.role = LineRole::kBoilerplate;
      continue;
    }
    in_tags = false;
    if (l.role != LineRole::kUnspecified) {
      in_related = in_related && l.role == LineRole::kDuplicate;
      continue;
    }
    if (OutletNamed(l.text, /*weak=*/i == last) && !in_related) {
      // A line that is only a known outlet's name (a dump's outlet line) is
      // its credit, never a person's byline. The last such line wins: a
      // section named like an outlet ("Văn hóa") comes above the outlet.
      l.role = LineRole::kCredit;
      if (out.credit.empty() || credit_is_outlet_line) {
        out.credit = l.text;
        credit_is_outlet_line = true;
      }
      continue;
    }
    std::string outlet;
    const std::string theo = BylineAfterTheo(l, &outlet);
    std::string labelled = theo.empty() ? BylineAfterLabel(l) : theo;
    if (labelled.empty()) labelled = BylineWithOutlet(l, &outlet);
    if (out.author.empty() && i <= stop + 2 && !in_related && (LooksLikeName(l) || !labelled.empty())) {
      l.role = LineRole::kByline;
      out.author = labelled.empty() ? l.text : labelled;
      out.confidence.author = labelled.empty() ? 0.8 : 0.9;
      if (!outlet.empty() && out.credit.empty()) out.credit = outlet;
    } else if (out.credit.empty() && !in_related && IsSourceCredit(l)) {
      l.role = LineRole::kCredit;
      out.credit = l.text;
    } else if (in_related && !(l.all_caps && l.words >= 3) && l.words <= 40 && out.related.size() < kMaxRelated) {
      l.role = LineRole::kRelated;
      out.related.push_back(StripTrailingDate(l.text));
    } else {
      in_related = false;
      l.role = LineRole::kBoilerplate;
    }
  }
}

}  // namespace bantin
