#include "bantin/text/dates.h"

#include <cstdio>

#include "bantin/text/phrases.h"

namespace bantin {
namespace {

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }
bool IsAlnumByte(char c) { return IsDigitByte(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; }

// Reads a run of digits at `i` (at most `max` of them); returns its length.
size_t ReadNumber(std::string_view s, size_t i, size_t max, int* value) {
  size_t n = 0;
  int v = 0;
  while (i + n < s.size() && IsDigitByte(s[i + n]) && n <= max) {
    v = v * 10 + (s[i + n] - '0');
    ++n;
  }
  if (n == 0 || n > max) return 0;
  *value = v;
  return n;
}

bool EndsWithWord(std::string_view before, std::string_view word) {
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
  if (before.size() < word.size()) return false;
  if (before.substr(before.size() - word.size()) != word) return false;
  return before.size() == word.size() || !IsAlnumByte(before[before.size() - word.size() - 1]);
}

// How strongly the words before a date mark it as an event or publication date.
int ContextBefore(std::string_view folded, size_t pos) {
  std::string_view before = folded.substr(0, pos);
  if (!before.empty() && before.back() == '(') return 1 + (ContextBefore(folded, pos - 1) > 1 ? 2 : 0);
  static const char* const kTimeOfDay[] = {"sang",     "chieu",   "toi",      "trua",      "dem",
                                           "hom nay",  "hom qua", "sang nay", "chieu nay", "toi nay",
                                           "trua nay", "dem qua", "toi qua",  "sang qua"};
  for (const char* w : kTimeOfDay)
    if (EndsWithWord(before, w)) return 3;
  if (EndsWithWord(before, "ngay")) {
    // "sang ngay 03/01": a time of day before "ngay" is the strongest sign.
    std::string_view rest = before;
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == ',')) rest.remove_suffix(1);
    rest.remove_suffix(4);
    for (const char* w : kTimeOfDay)
      if (EndsWithWord(rest, w)) return 3;
    return 2;
  }
  return 0;
}

}  // namespace

namespace {

int Digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr int kFirstUrlYear = 1995, kLastUrlYear = 2039;

}  // namespace

bool DateInUrl(std::string_view url, int* year, int* month, int* day) {
  // Only the path and query: a host never carries the date.
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return false;
  url.remove_prefix(path);
  const auto accept = [&](int y, int m, int d) {
    if (y < kFirstUrlYear || y > kLastUrlYear || !IsValidDate(y, m, d)) return false;
    *year = y, *month = m, *day = d;
    return true;
  };
  for (size_t i = 0; i < url.size();) {
    if (!IsDigit(url[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < url.size() && IsDigit(url[end])) ++end;
    const size_t run = end - i;
    // "/2021/01/15/": three segments, year then month then day.
    if (run == 4 && i > 0 && url[i - 1] == '/' && end + 6 <= url.size() && url[end] == '/' && IsDigit(url[end + 1]) &&
        IsDigit(url[end + 2]) && url[end + 3] == '/' && IsDigit(url[end + 4]) && IsDigit(url[end + 5]) &&
        (end + 6 == url.size() || !IsDigit(url[end + 6]))) {
      if (accept(Digits(url, i, 4), Digits(url, end + 1, 2), Digits(url, end + 4, 2))) return true;
    }
    // YYYYMMDD alone, or with a time of day after it (hhmm, then anything).
    const bool timed = run >= 12 && Digits(url, i + 8, 2) < 24 && Digits(url, i + 10, 2) < 60;
    if ((run == 8 || timed) && accept(Digits(url, i, 4), Digits(url, i + 4, 2), Digits(url, i + 6, 2))) return true;
    i = end;
  }
  return false;
}

bool IsValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

bool IsPartialDate(std::string_view v) {
  if (v.size() == 10) {
    int y, m, d;
    return ParseIsoDate(v, &y, &m, &d);
  }
  if (v.size() != 4 && v.size() != 7) return false;
  int y = 0, m = 1;
  for (size_t i = 0; i < 4; ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
    y = y * 10 + (v[i] - '0');
  }
  if (v.size() == 7) {
    if (v[4] != '-' || v[5] < '0' || v[5] > '9' || v[6] < '0' || v[6] > '9') return false;
    m = (v[5] - '0') * 10 + (v[6] - '0');
  }
  return IsValidDate(y, m, 1);
}

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool ParseIsoDate(std::string_view s, int* y, int* m, int* d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int yy = 0, mm = 0, dd = 0;
  if (ReadNumber(s, 0, 4, &yy) != 4 || ReadNumber(s, 5, 2, &mm) != 2 || ReadNumber(s, 8, 2, &dd) != 2) return false;
  if (!IsValidDate(yy, mm, dd)) return false;
  *y = yy, *m = mm, *d = dd;
  return true;
}

namespace {

// " HH:MM" at `at`: a space, one or two digits, a colon and two digits.
bool IsClockAt(std::string_view s, size_t at) {
  if (at >= s.size() || s[at] != ' ') return false;
  int h = 0, m = 0;
  const size_t nh = ReadNumber(s, at + 1, 2, &h);
  if (nh == 0 || at + 1 + nh >= s.size() || s[at + 1 + nh] != ':') return false;
  return ReadNumber(s, at + 2 + nh, 2, &m) == 2 && h < 24 && m < 60;
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view s) {
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsDigitByte(s[i]) || (i > 0 && IsAlnumByte(s[i - 1]))) {
      ++i;
      continue;
    }
    int a = 0;
    const size_t na = ReadNumber(s, i, 4, &a);
    if (na == 0) {  // a run of more than four digits
      while (i < s.size() && IsDigitByte(s[i])) ++i;
      continue;
    }
    size_t j = i + na;
    DateMention m;
    m.pos = i;
    bool found = false;
    int b = 0, c = 0;
    if (na == 4 && j < s.size() && s[j] == '-') {  // ISO 2021-03-04
      size_t nb = ReadNumber(s, j + 1, 2, &b);
      if (nb == 2 && j + 3 < s.size() && s[j + 3] == '-' && ReadNumber(s, j + 4, 2, &c) == 2 && IsValidDate(a, b, c)) {
        m.year = a, m.month = b, m.day = c;
        found = true;
        j += 6;
      }
    } else if (na <= 2 && j < s.size() && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
      const char sep = s[j];
      const size_t nb = ReadNumber(s, j + 1, 2, &b);
      if (nb > 0) {
        size_t k = j + 1 + nb;
        size_t nc = 0;
        if (k < s.size() && s[k] == sep) nc = ReadNumber(s, k + 1, 4, &c);
        if (nc == 4 && IsValidDate(c, b, a)) {
          m.year = c, m.month = b, m.day = a;
          found = true;
          j = k + 1 + nc;
        } else if (nc == 2 && sep == '/' && IsClockAt(s, k + 3) && IsValidDate(2000 + c, b, a)) {
          // A crawler's stamp with a two-digit year, always followed by its
          // clock time ("30/05/13 08:12 GMT+7"): the century is this one.
          m.year = 2000 + c, m.month = b, m.day = a;
          found = true;
          j = k + 1 + nc;
        } else if (nc == 0 && sep == '/' && IsValidDate(2000, b, a) &&
                   !(k < s.size() && (IsDigitByte(s[k]) || s[k] == '/'))) {
          m.month = b, m.day = a;
          found = true;
          j = k;
        }
      }
    } else if (na <= 2 && s.substr(j, 7) == " thang ") {  // 4 thang 3 nam 2021
      const size_t nb = ReadNumber(s, j + 7, 2, &b);
      if (nb > 0) {
        size_t k = j + 7 + nb;
        size_t nc = 0;
        if (s.substr(k, 5) == " nam ") nc = ReadNumber(s, k + 5, 4, &c);
        if (nc == 4 && IsValidDate(c, b, a)) {
          m.year = c, m.month = b, m.day = a;
          found = true;
          j = k + 5 + nc;
        } else if (IsValidDate(2000, b, a)) {
          m.month = b, m.day = a;
          found = true;
          j = k;
        }
      }
    }
    if (found) {
      m.context = ContextBefore(s, i);
      if (m.year != 0 || m.context > 0) out.push_back(m);
      i = j;
    } else {
      i += na;
    }
  }
  return out;
}

std::string FindTime(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigitByte(s[i]) || (i > 0 && IsAlnumByte(s[i - 1]))) continue;
    int h = 0, mi = 0, sec = -1;
    const size_t nh = ReadNumber(s, i, 2, &h);
    if (nh == 0) continue;
    size_t j = i + nh;
    if (j >= s.size() || (s[j] != ':' && s[j] != 'h')) continue;
    const size_t nm = ReadNumber(s, j + 1, 2, &mi);
    if (nm != 2) continue;
    j += 1 + nm;
    if (j < s.size() && s[j] == ':') {
      int v = 0;
      if (ReadNumber(s, j + 1, 2, &v) == 2) sec = v, j += 3;
    }
    if (j < s.size() && IsAlnumByte(s[j])) continue;
    std::string_view rest = s.substr(j);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const bool pm = StartsWithPhrase(rest, "pm") || StartsWithPhrase(rest, "ch");
    const bool am = StartsWithPhrase(rest, "am") || StartsWithPhrase(rest, "sa");
    if (pm && h < 12) h += 12;
    if (am && h == 12) h = 0;
    if (h > 23 || mi > 59 || sec > 59) continue;
    char buf[16];
    if (sec >= 0)
      std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, mi, sec);
    else
      std::snprintf(buf, sizeof buf, "%02d:%02d", h, mi);
    return buf;
  }
  return "";
}

bool HasWeekday(std::string_view f) {
  static const char* const kDays[] = {"thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat",
                                      "thu 2",   "thu 3",  "thu 4",  "thu 5",   "thu 6",   "thu 7",   "cn",
                                      "t2",      "t3",     "t4",     "t5",      "t6",      "t7"};
  static const PhraseSet* days = new PhraseSet(kDays);
  return days->AnyIn(f);
}

std::vector<int> MentionedYears(std::string_view s) {
  std::vector<int> years;
  for (const DateMention& m : FindDates(s))
    if (m.year) years.push_back(m.year);
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!IsDigitByte(s[i]) ||
        (i > 0 && (IsAlnumByte(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.' || s[i - 1] == '-')))
      continue;
    int y = 0;
    const size_t n = ReadNumber(s, i, 4, &y);
    if (n != 4 || y < 1900 || y > 2100) {
      while (i < s.size() && IsDigitByte(s[i])) ++i;
      continue;
    }
    const std::string_view before = s.substr(0, i);
    std::string_view after = s.substr(i + 4);
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    const auto is_dash_start = [](std::string_view v) {
      return v.rfind("-", 0) == 0 || v.rfind("/", 0) == 0 || v.rfind("\xE2\x80\x93", 0) == 0 ||
             v.rfind("\xE2\x80\x94", 0) == 0;
    };
    const auto is_dash_end = [](std::string_view v) {
      const auto ends = [&](std::string_view x) { return v.size() >= x.size() && v.substr(v.size() - x.size()) == x; };
      return ends("-") || ends("\xE2\x80\x93") || ends("\xE2\x80\x94");
    };
    const bool range_start = after.size() > 1 && is_dash_start(after);
    std::string_view b = before;
    while (!b.empty() && b.back() == ' ') b.remove_suffix(1);
    const bool range_end = is_dash_end(b);
    // Plans, and events named by their year ("World Cup 2026", "SEA Games
    // 2025", "Expo 2025"), which are often still to come.
    static const char* const kPlans[] = {"den nam", "toi nam",   "tam nhin", "giai doan", "nhiem ky", "den",
                                         "khoa",    "truoc nam", "cup",      "games",     "olympic",  "olympics",
                                         "euro",    "expo",      "asiad",    "mua giai"};
    bool plan = false;
    for (const char* p : kPlans)
      if (EndsWithWord(before, p)) plan = true;
    if (!range_start && !range_end && !plan) years.push_back(y);
    i += 3;
  }
  return years;
}

Status CheckOptionalDate(std::string_view value, std::string_view field) {
  int y, m, d;
  if (value.empty() || ParseIsoDate(value, &y, &m, &d)) return Status::Ok();
  return Status::InvalidField(std::string(field), "expected YYYY-MM-DD, got \"" + std::string(value) + "\"");
}

}  // namespace bantin
