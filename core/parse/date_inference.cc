// Chooses the publication date: a printed publication stamp first; else the
// date the page's URL carries; else the event date of the lead, its missing year inferred from the years the text
// itself speaks of, bounded by the day the page was fetched (page clock or
// hint). The page clock itself is never the publication date.
#include "date_inference.h"

#include <algorithm>

#include "bantin/text/dates.h"
#include "page.h"

namespace bantin {
namespace {

struct Day {
  int y = 0, m = 0, d = 0;
  bool known() const { return y != 0; }
  long key() const { return y * 10000L + m * 100L + d; }
};

Day FirstFullDate(const std::string& folded) {
  for (const DateMention& m : FindDates(folded))
    if (m.year) return {m.year, m.month, m.day};
  return {};
}

// An address line a crawler wrote above the headline ("# url = https://…"):
// the first line there holding a URL, as a URL.
std::string_view AddressAboveTitle(const Page& page) {
  for (int i = 0; i < page.title && i < static_cast<int>(page.lines.size()); ++i) {
    const std::string& text = page.lines[i].text;
    const size_t at = text.find("http");
    if (page.lines[i].words > 4 || at == std::string::npos || text.find("://", at) == std::string::npos) continue;
    const std::string_view url = std::string_view(text).substr(at);
    return url.substr(0, url.find(' '));
  }
  return {};
}

// A crawler's header field above the headline giving the date: "# date =
// 20201002", "date: 2020-10-02", "published = 2020-10-02T08:00" (a dataset's
// record of the article, written when it was taken).
Day HeaderFieldDate(const Page& page) {
  for (int i = 0; i < page.title && i < static_cast<int>(page.lines.size()); ++i) {
    std::string_view f = page.lines[i].folded;
    if (page.lines[i].words > 5) continue;
    while (!f.empty() && (f.front() == '#' || f.front() == ' ')) f.remove_prefix(1);
    size_t key = 0;
    for (const char* k : {"date", "ngay", "published", "pubdate"})
      if (f.starts_with(k)) key = std::string_view(k).size();
    if (key == 0) continue;
    f.remove_prefix(key);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    if (f.empty() || (f.front() != '=' && f.front() != ':')) continue;
    f.remove_prefix(1);
    while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
    const auto number = [&](size_t at, size_t n) {
      int v = 0;
      for (size_t k = at; k < at + n; ++k) v = v * 10 + (f[k] - '0');
      return v;
    };
    Day d;
    const size_t digits = std::min(f.find_first_not_of("0123456789"), f.size());
    if (digits == 8 || digits >= 12) {  // YYYYMMDD, maybe with the time after it
      d = {number(0, 4), number(4, 2), number(6, 2)};
    } else if (!ParseIsoDate(f.substr(0, 10), &d.y, &d.m, &d.d)) {
      continue;
    }
    if (IsValidDate(d.y, d.m, d.d)) return d;
  }
  return {};
}

// The date the article's URL carries (the hint's, or the page's canonical
// link, else an address line above the headline), not after `limit`.
Day UrlDate(const Page& page, const ParseHints& hints, const Day& limit) {
  const std::string_view url = hints.url.empty() ? AddressAboveTitle(page) : std::string_view(hints.url);
  Day d;
  if (url.empty() || !DateInUrl(url, &d.y, &d.m, &d.d)) return {};
  return limit.known() && d.key() > limit.key() ? Day{} : d;
}

std::string Describe(const std::vector<int>& years) {
  std::string s;
  for (size_t i = 0; i < years.size() && i < 4; ++i) s += (i ? ", " : "") + std::to_string(years[i]);
  return s;
}

}  // namespace

void InferDate(const Page& page, const ParseHints& hints, Bulletin& out) {
  const std::vector<Line>& lines = page.lines;
  const int body = page.body_begin < 0 ? static_cast<int>(lines.size()) : page.body_begin;

  // The fetch day bounds every date: from the hint, else the page clock.
  Day clock;
  int publication = -1;
  for (int i = 0; i < static_cast<int>(lines.size()); ++i) {
    const Line& l = lines[i];
    if (l.role == LineRole::kPageClock) {
      // A weekday-and-date line under the title is the article's own stamp.
      if (page.title >= 0 && i > page.title && i < body) {
        if (publication < 0) publication = i;
      } else if (!clock.known()) {
        clock = FirstFullDate(l.folded);
      }
    } else if (l.role == LineRole::kPublication && publication < 0) {
      publication = i;
    }
  }
  if (clock.known()) out.page_date = FormatDate(clock.y, clock.m, clock.d);
  Day limit = clock;
  int hy, hm, hd;
  if (ParseIsoDate(hints.fetch_date, &hy, &hm, &hd)) limit = {hy, hm, hd};

  // A bare date alone on its line right above or below the headline
  // ("15/01/2021", "Ngày 15/01/2021 08:30") is the article's stamp, even
  // without a publication word: nothing else stands next to a title.
  if (publication < 0 && page.title >= 0) {
    for (int step : {1, -1}) {
      int i = page.title + step;
      while (i >= 0 && i < static_cast<int>(lines.size()) && lines[i].blank) i += step;
      if (i < 0 || i >= static_cast<int>(lines.size())) continue;
      const Line& l = lines[i];
      if (l.role == LineRole::kPageClock || l.words > 5 || !FirstFullDate(l.folded).known()) continue;
      publication = i;
      break;
    }
  }
  if (publication >= 0) {
    const Day d = FirstFullDate(lines[publication].folded);
    if (d.known()) {
      out.date = FormatDate(d.y, d.m, d.d);
      out.time = FindTime(lines[publication].folded);
      out.confidence.date = 0.95;
      return;
    }
  }

  // No printed stamp: a crawler's date field above the headline, then the
  // date in the article's URL (the content system's own record of
  // publication) come before a date read from the lead.
  if (const Day d = HeaderFieldDate(page); d.known() && (!limit.known() || d.key() <= limit.key())) {
    out.date = FormatDate(d.y, d.m, d.d);
    out.confidence.date = 0.9;
    out.warnings.push_back("no publication stamp; date taken from the page's date field");
    return;
  }
  // (The page's metadata, where there is any, still wins: UseCuedDate.)
  if (const Day d = UrlDate(page, hints, limit); d.known()) {
    out.date = FormatDate(d.y, d.m, d.d);
    out.date_inferred = true;  // read off the address, not printed on the page
    out.confidence.date = 0.85;
    out.warnings.push_back("no publication stamp; date taken from the page's URL");
    return;
  }

  // The folded text of the title and of the blocks, in reading order, as the
  // lines were cut (the blocks are exactly the body lines).
  std::vector<const std::string*> blocks;
  for (const Line& l : lines)
    if (l.role == LineRole::kBody) blocks.push_back(&l.folded);

  // The lead's event date: the best-marked date in the first two blocks.
  const DateMention* best = nullptr;
  std::vector<DateMention> mentions;
  for (size_t b = 0; b < blocks.size() && b < 2 && mentions.empty(); ++b) {
    mentions = FindDates(*blocks[b]);
    for (const DateMention& m : mentions)
      if (!best || m.context > best->context) best = &m;
  }
  if (!best) {
    out.warnings.push_back("no publication date found");
    return;
  }
  Day d{best->year, best->month, best->day};
  out.date_inferred = true;
  if (d.y == 0) {
    // Years the article speaks of: a full date on the same day wins outright
    // ("(1/8/1930 - 1/8/2022), sáng nay (1/8)"); else the latest year it
    // mentions as present or past, not after the fetch day.
    std::vector<int> years;
    std::vector<int> same_day;
    std::vector<const std::string*> texts = blocks;
    if (page.title >= 0) texts.insert(texts.begin(), &lines[page.title].folded);
    for (const std::string* t : texts) {
      for (const DateMention& m : FindDates(*t))
        if (m.year && m.month == d.m && m.day == d.d) same_day.push_back(m.year);
      for (int y : MentionedYears(*t)) years.push_back(y);
    }
    const auto eligible = [&](int y) { return !limit.known() || y <= limit.y; };
    int year = 0;
    std::string why;
    for (int y : same_day)
      if (eligible(y) && y > year) year = y, why = "a full date on the same day";
    if (!year)
      for (int y : years)
        if (eligible(y) && y > year) year = y, why = "the years the text mentions (" + Describe(years) + ")";
    double confidence = same_day.empty() ? 0.5 : 0.7;
    if (!year && limit.known()) year = limit.y, why = "the page's fetch date", confidence = 0.3;
    if (!year) {
      out.date_inferred = false;
      out.warnings.push_back("event date has no year and nothing gives one; date left unknown");
      return;
    }
    d.y = year;
    if (limit.known() && d.key() > limit.key()) {
      --d.y;
      why += ", moved back a year to precede the fetch date";
    }
    while (!IsValidDate(d.y, d.m, d.d) && d.y > 1900) --d.y;  // 29/2
    out.warnings.push_back("date taken from the lead; year inferred from " + why);
    out.confidence.date = confidence;
  } else {
    out.warnings.push_back("no publication stamp; date taken from the lead");
    out.confidence.date = 0.8;
  }
  out.date = FormatDate(d.y, d.m, d.d);
}

}  // namespace bantin
