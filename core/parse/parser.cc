#include "bantin/parse/parser.h"

#include "article_bounds.h"
#include "bantin/parse/identity.h"
#include "bantin/text/dates.h"
#include "bantin/text/outlets.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "blocks.h"
#include "date_inference.h"
#include "line_kinds.h"
#include "page.h"
#include "people.h"
#include "place_inference.h"
#include "source_inference.h"
#include "trailing_byline.h"

namespace bantin {
namespace {

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
    out.id = PageId(raw, out.source.id);
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
  out.id = PageId(raw, out.source.id);
  out.copy_id = CopyId(out);
  return out;
}

}  // namespace bantin
