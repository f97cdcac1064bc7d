#include "bantin/parse/parser.h"

#include <algorithm>
#include <unordered_set>

#include "bantin/digest.h"
#include "bantin/text/dates.h"
#include "bantin/text/outlets.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "date_inference.h"
#include "line_kinds.h"
#include "page.h"
#include "people.h"
#include "place_inference.h"
#include "source_inference.h"
#include "trailing_byline.h"

namespace bantin {
namespace {

// How far above the body the title may sit (non-blank lines).
constexpr int kTitleLookBack = 10;
constexpr size_t kMaxRelated = 50;

bool IsProse(const Line& l) {
  return l.role == LineRole::kUnspecified && (l.words >= 20 || (l.words >= 10 && l.terminal));
}

// Sentence boundaries inside a line: ". X" with X upper case.
int InnerSentences(const std::string& t) {
  int n = 0;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ') {
      size_t p = i + 2;
      if (IsUpper(NextCodePoint(t, p))) ++n;
    }
  }
  return n;
}

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

void ClassifyChrome(Page& page) {
  for (Line& l : page.lines) {
    if (l.blank) continue;
    if (IsNavigation(l))
      l.role = LineRole::kNavigation;
    else if (IsPageClock(l))
      l.role = LineRole::kPageClock;
    else if (IsPublicationLine(l))
      l.role = LineRole::kPublication;
    else if (IsRelatedHeading(l))
      l.role = LineRole::kRelated;
    else if (IsBoilerplate(l, false))
      l.role = LineRole::kBoilerplate;
  }
}

// A headline the cues give that stands alone on a line of the page, with
// prose after it, anchors the article: the title is that line and the body
// starts after it, wherever the line-shape guess would have put them (a
// sidebar's teaser above the article read as prose, a menu line as the
// title). -1 when no candidate stands on a line.
int CuedTitleLine(const Page& page, const PageCues& cues) {
  const std::vector<Line>& lines = page.lines;
  for (const std::string& candidate : cues.titles) {
    const std::string key = FoldedKey(ToNfc(CollapseSpaces(candidate)));
    if (key.empty()) continue;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].blank || lines[i].folded != key) continue;
      for (size_t j = i + 1; j < lines.size(); ++j)
        if (IsProse(lines[j])) return static_cast<int>(i);
      break;  // nothing of the article follows this one
    }
  }
  return -1;
}

// Finds the body: from the first prose line to the last one before the
// footer starts (a related list, chrome, or a byline no prose follows).
// Returns the index where the footer starts. Lines before `from` are not
// the body.
int FindBody(Page& page, int from, Bulletin& out) {
  std::vector<Line>& lines = page.lines;
  const int n = static_cast<int>(lines.size());
  for (int i = from; i < n && page.body_begin < 0; ++i)
    if (IsProse(lines[i])) page.body_begin = i;
  if (page.body_begin < 0) {  // no prose: take the longest plain line
    int best = -1;
    for (int i = from; i < n; ++i)
      if (lines[i].role == LineRole::kUnspecified && !lines[i].blank &&
          (best < 0 || lines[i].words > lines[best].words))
        best = i;
    if (best < 0) return n;
    page.body_begin = best;
    out.warnings.push_back("no paragraph of prose found; body guessed from the longest line");
  }
  // Next prose line at or after i, prose lines from i on, and next hard
  // footer line at or after i.
  std::vector<int> next_prose(n + 1, n), next_hard(n + 1, n), prose_from(n + 1, 0);
  for (int i = n - 1; i >= 0; --i) {
    next_prose[i] = IsProse(lines[i]) ? i : next_prose[i + 1];
    prose_from[i] = prose_from[i + 1] + (IsProse(lines[i]) ? 1 : 0);
  }
  for (int i = n - 1; i >= 0; --i) {
    const Line& l = lines[i];
    bool hard = l.role == LineRole::kRelated || IsBoilerplate(l, true) ||
                (l.role == LineRole::kPublication && i > page.body_begin);
    // A stamp or a toolbar line between a lead and the rest of the article
    // (title, sapo, date and share buttons, then the body, as article pages
    // lay them out) does not end it: a lead of a line or two came before it,
    // more prose follows.
    const int before = i > page.body_begin ? prose_from[page.body_begin] - prose_from[i] : 0;
    if (hard && l.role != LineRole::kRelated && i > page.body_begin && before <= 2 && prose_from[i] > before)
      hard = false;
    next_hard[i] = hard ? i : next_hard[i + 1];
  }
  int stop = next_hard[page.body_begin + 1];
  bool signed_end = false;  // the article ends at a signature
  for (int i = page.body_begin + 1; i < stop; ++i) {
    const Line& l = lines[i];
    if (l.blank || l.role != LineRole::kUnspecified) continue;
    // A signature ends the article when no prose follows it before the
    // footer; a signed one (a label, "Theo", an outlet or source beside the
    // name) also when only a teaser card or two follow it (a related title
    // and its excerpt) after an article of some length.
    const bool signed_byline =
        !BylineAfterLabel(l).empty() || !BylineAfterTheo(l, nullptr).empty() || !BylineWithOutlet(l, nullptr).empty();
    const bool signature = signed_byline || LooksLikeName(l) || IsSourceCredit(l);
    const int prose_after = prose_from[i + 1] - prose_from[next_hard[i + 1]];
    const int prose_before = prose_from[page.body_begin] - prose_from[i];
    if (signature && (prose_after == 0 || (signed_byline && prose_after <= 2 && prose_before >= 3))) {
      stop = i;
      signed_end = true;
      break;
    }
  }
  page.body_end = page.body_begin;
  for (int i = page.body_begin; i < stop; ++i)
    if (IsProse(lines[i])) page.body_end = i;
  // Short closing sentences between the last paragraph and the signature
  // ("Xin đừng ở mãi trên mây nữa!”") end the article, too short to read as
  // prose but nothing else.
  for (int i = page.body_end + 1; signed_end && i < stop; ++i) {
    const Line& l = lines[i];
    if (l.blank) continue;
    if (l.role != LineRole::kUnspecified || !l.terminal || l.words < 3 || IsBoilerplate(l, true)) break;
    page.body_end = i;
  }
  return stop;
}

// A title line without the empty date slot some portals print after it
// ("Hội nghị … ( )"): the slot is layout, not headline.
std::string TitleText(const std::string& line) {
  std::string t = line;
  while (true) {
    size_t end = t.size();
    while (end > 0 && t[end - 1] == ' ') --end;
    if (end == 0 || t[end - 1] != ')') break;
    size_t open = end - 1;
    while (open > 0 && t[open - 1] == ' ') --open;
    if (open == 0 || t[open - 1] != '(') break;
    t.resize(open - 1);
    while (!t.empty() && t.back() == ' ') t.pop_back();
  }
  return t.empty() ? line : t;
}

// The body's first line is the title; the body starts at the prose after it.
void FirstLineIsTitle(Page& page) {
  page.title = page.body_begin;
  for (int i = page.body_begin + 1; i <= page.body_end; ++i)
    if (IsProse(page.lines[i])) {
      page.body_begin = i;
      break;
    }
}

void FindTitle(Page& page, Bulletin& out) {
  std::vector<Line>& lines = page.lines;
  const Line& first = lines[page.body_begin];
  double confidence = 0.9;
  // A headline-shaped line right above the body (a stamp may stand between
  // them) is the title, whatever the first body line looks like.
  int above = page.body_begin - 1;
  while (above >= 0 && (lines[above].blank || lines[above].role == LineRole::kPublication ||
                        lines[above].role == LineRole::kPageClock))
    --above;
  const bool title_above = above >= 0 && lines[above].role == LineRole::kUnspecified && lines[above].words >= 4 &&
                           lines[above].words <= 60 && !IsDomainLine(lines[above]);
  // Else a long headline without a final period reads as prose; the lead
  // after it then starts the body. So does one in capitals, period or not:
  // no paragraph of an article is set all in capitals.
  if (!title_above && (!first.terminal || first.all_caps) && first.words <= 45 && page.body_begin < page.body_end) {
    confidence = 0.6;
    FirstLineIsTitle(page);
  } else {
    int fallback = -1, seen = 0;
    for (int i = page.body_begin - 1; i >= 0 && seen < kTitleLookBack; --i) {
      const Line& l = lines[i];
      if (l.blank || l.role != LineRole::kUnspecified) continue;
      ++seen;
      if (IsDomainLine(l)) continue;
      if (l.words >= 4 && l.words <= 60) {
        page.title = i;
        break;
      }
      if (fallback < 0) fallback = i;
    }
    if (page.title < 0 && fallback < 0 && first.words <= 35 && InnerSentences(first.text) == 0 &&
        page.body_begin < page.body_end) {
      // Nothing above the body: a first line of one sentence, a headline's
      // length, with prose after it, is the headline ("…bảo toàn vốn!").
      confidence = 0.6;
      FirstLineIsTitle(page);
    } else if (page.title < 0) {
      page.title = fallback;
      confidence = 0.5;
    }
  }
  if (page.title >= 0) {
    lines[page.title].role = LineRole::kTitle;
    out.title = TitleText(lines[page.title].text);
    out.confidence.title = confidence;
  } else {
    out.warnings.push_back("no title line found");
  }
}

// Folded keys of cue texts, for matching whole lines.
std::unordered_set<std::string> KeysOf(const std::vector<std::string>& texts) {
  std::unordered_set<std::string> keys;
  for (const std::string& t : texts) keys.insert(FoldedKey(ToNfc(CollapseSpaces(t))));
  return keys;
}

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
    if (l.blank || l.role == LineRole::kPublication || l.role == LineRole::kPageClock) continue;
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
    if (IsPhotoCredit(l) || IsSourceCredit(l)) {
      l.role = LineRole::kCredit;
      continue;
    }
    if (l.text == out.title) {
      l.role = LineRole::kDuplicate;
      continue;
    }
    if (!out.blocks.empty() && teasers.count(l.folded)) {
      l.role = LineRole::kRelated;
      if (out.related.size() < kMaxRelated) out.related.push_back(l.text);
      continue;
    }
    l.role = LineRole::kBody;
    BlockKind kind = KindOf(page, i, out.blocks.empty(), share);
    // Where the markup marks captions, it decides: a marked line is one, an
    // unmarked short line is not (a fact box, a tag list, a sub-title).
    if (!captions.empty() && !out.blocks.empty())
      kind = captions.count(l.folded)      ? BlockKind::kCaption
             : kind == BlockKind::kCaption ? BlockKind::kParagraph
                                           : kind;
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
  bool in_related = false;
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

void FillLineRoles(Page& page, Bulletin& out) {
  for (int i = 0; i < static_cast<int>(page.lines.size()); ++i) {
    Line& l = page.lines[i];
    if (l.role == LineRole::kUnspecified) l.role = i < page.body_begin ? LineRole::kNavigation : LineRole::kBoilerplate;
    if (!l.blank && l.text == out.title && i != page.title) l.role = LineRole::kDuplicate;
    out.lines.push_back({l.role, l.begin, l.end});
  }
}

// A publication date in the metadata is the date when the page prints no
// publication stamp (a date guessed from the lead yields to it); where both
// exist and differ, the printed one stays and a warning says so.
void UseCuedDate(const PageCues& cues, const ParseHints& hints, Bulletin& out) {
  int y, m, d;
  if (!ParseIsoDate(cues.published, &y, &m, &d)) return;
  if (!hints.fetch_date.empty() && cues.published > hints.fetch_date) return;
  if (out.confidence.date >= 0.95 && !out.date.empty()) {
    if (out.date != cues.published)
      out.warnings.push_back("the page's metadata dates it " + cues.published + "; the printed date " + out.date +
                             " is kept");
    return;
  }
  out.date = cues.published;
  out.date_inferred = false;
  if (out.time.empty()) out.time = cues.published_time;
  out.confidence.date = 0.9;
  out.warnings.push_back("date taken from the page's metadata");
}

// A personal name the metadata gives is the author when no byline was found.
// The site's own name, an outlet's, or anything not shaped like a name is not.
void UseCuedAuthor(const PageCues& cues, Bulletin& out) {
  if (!out.author.empty()) return;
  for (const std::string& name : cues.authors) {
    const Line l = LineOfText(name);
    if (l.blank || !LooksLikeName(l) || OutletNamed(l.text) || FoldedKey(cues.site_name) == l.folded) continue;
    out.author = l.text;
    out.confidence.author = 0.7;
    return;
  }
}

}  // namespace

std::string ContentId(const Bulletin& b) {
  // The text is already normalised (NFC, spaces collapsed) by parsing.
  uint64_t h = Fnv1a64(b.title);
  h = Fnv1a64("\x1f", h);
  h = Fnv1a64(b.date, h);
  for (const Block& block : b.blocks) {
    h = Fnv1a64("\x1e", h);
    h = Fnv1a64(block.text, h);
  }
  return Hex64(h);
}

Bulletin ParseText(std::string_view raw, const ParseHints& hints) { return ParseText(raw, hints, PageCues{}); }

namespace {

// Cues as the parser reads them: valid UTF-8 (a front end's strings may be
// cut anywhere or carry any bytes).
PageCues Sanitized(const PageCues& given) {
  PageCues c = given;
  const auto clean = [](std::string& s) {
    if (!IsCleanUtf8(s)) s = SanitizeUtf8(s, nullptr);
  };
  for (auto* list : {&c.titles, &c.authors, &c.captions, &c.links})
    for (std::string& s : *list) clean(s);
  for (std::string* s : {&c.published, &c.published_time, &c.site_name, &c.url}) clean(*s);
  return c;
}

}  // namespace

Bulletin ParseText(std::string_view raw, const ParseHints& given_hints, const PageCues& given_cues) {
  const PageCues cues = Sanitized(given_cues);
  // The canonical address stands in for a URL hint the caller did not give.
  ParseHints hints = given_hints;
  if (hints.url.empty()) hints.url = cues.url;
  Bulletin out;
  out.parser_version = kParserVersion;
  out.url = hints.url;
  Page page;
  page.lines = SplitLines(raw, &out.warnings);
  bool any = false;
  for (const Line& l : page.lines) any = any || !l.blank;
  if (!any) {
    out.warnings.push_back(raw.empty() ? "empty input" : "input has no visible text");
    for (const Line& l : page.lines) out.lines.push_back({l.role, l.begin, l.end});
    out.id = ContentId(out);
    return out;
  }
  ClassifyChrome(page);
  const int cued = CuedTitleLine(page, cues);
  const int stop = FindBody(page, cued + 1, out);
  if (page.body_begin >= 0) {
    if (cued >= 0) {
      page.title = cued;
      page.lines[cued].role = LineRole::kTitle;
      out.title = TitleText(page.lines[cued].text);
      out.confidence.title = 0.95;
    } else {
      FindTitle(page, out);
    }
    ReadHeaderByline(page, out);
    CollectBlocks(page, cues, stop, out);
    ReadFooter(page, stop, out);
    TakeTrailingByline(out);
  } else {
    out.warnings.push_back("no article text found");
  }
  FillLineRoles(page, out);
  InferDate(page, hints, out);
  UseCuedDate(cues, hints, out);
  InferSource(page, hints, cues, out);
  UseCuedAuthor(cues, out);
  InferPlaces(out);
  FindPeople(out);
  out.id = ContentId(out);
  return out;
}

}  // namespace bantin
