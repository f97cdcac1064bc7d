#include "article_bounds.h"

#include <vector>

#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "domains.h"
#include "line_kinds.h"

namespace bantin {
namespace {

// How far above the body the title may sit (non-blank lines).
constexpr int kTitleLookBack = 10;

// Paragraphs after a related box, when only a lead came before it, that
// show the box stands inside the article rather than after it.
constexpr int kProseAfterInlineBox = 6;

// The body's first line is the title; the body starts at the prose after it.
void FirstLineIsTitle(Page& page) {
  page.title = page.body_begin;
  for (int i = page.body_begin + 1; i <= page.body_end; ++i)
    if (IsProse(page.lines[i])) {
      page.body_begin = i;
      break;
    }
}

// The next non-blank line after `i` is a paragraph's sentence: prose that
// ends with its stop.
bool NextLineIsSentence(const std::vector<Line>& lines, int i) {
  for (size_t j = i + 1; j < lines.size(); ++j) {
    if (lines[j].blank) continue;
    return IsProse(lines[j]) && lines[j].terminal;
  }
  return false;
}

}  // namespace

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
  // Prose lines from i on, and the next hard footer line at or after i.
  std::vector<int> next_hard(n + 1, n), prose_from(n + 1, 0);
  for (int i = n - 1; i >= 0; --i) prose_from[i] = prose_from[i + 1] + (IsProse(lines[i]) ? 1 : 0);
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
    // A related box's heading there whose items the page fills by script
    // (its heading alone, then the article's paragraphs) does not end it
    // either: a list starts with a teaser's title, never with a sentence.
    if (hard && l.role == LineRole::kRelated && i > page.body_begin && before <= 2 && prose_from[i] > before + 2 &&
        NextLineIsSentence(lines, i))
      hard = false;
    // So does a related box set inside the article after its lead, when
    // the article's paragraphs, many more than the lead, follow the box.
    if (hard && l.role == LineRole::kRelated && i > page.body_begin && before <= 2 &&
        prose_from[i] >= kProseAfterInlineBox)
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

}  // namespace bantin
