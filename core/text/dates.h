// Dates and times as Vietnamese pages print them, found in folded text
// (lower case, no diacritics: "ngay 4 thang 3 nam 2021", "sang 16/7",
// "15/01/2021 - 8:41:57 am", "2021-03-04t10:00"). Scanning is linear and
// allocation-light; no regular expressions (a 1 MB line must stay cheap).
#ifndef BANTIN_TEXT_DATES_H_
#define BANTIN_TEXT_DATES_H_

#include <string>
#include <string_view>
#include <vector>

#include "bantin/status.h"

namespace bantin {

struct DateMention {
  int year = 0;  // 0 when the text gives none ("sang 16/7")
  int month = 0;
  int day = 0;
  size_t pos = 0;   // byte offset of the mention in the folded text
  int context = 0;  // 3: after a time of day ("sang", "hom nay"), 2: after
                    // "ngay", 1: in parentheses, 0: bare
};

// Every plausible date in `folded`, in order. A day/month without a year is
// reported only with context (so "5/10 xa" is not a date).
std::vector<DateMention> FindDates(std::string_view folded);

// The first clock time in `folded` as "HH:MM" or "HH:MM:SS" (12-hour forms
// with am/pm, sa/ch converted), or "".
std::string FindTime(std::string_view folded);

// True if `folded` names a weekday ("thu hai", "thu 2", "chu nhat", "t2", ...).
bool HasWeekday(std::string_view folded);

// Years the text speaks of as its own present or past: full dates and
// "nam 2024", excluding ranges ("2021-2025") and plans ("den nam 2030").
std::vector<int> MentionedYears(std::string_view folded);

// The date a news URL's path carries, as content systems write it when the
// article is published: "/2021/01/15/" segments, or a timestamp opening a
// run of digits, YYYYMMDD alone or followed by hhmm… ("…-20201218141249485.htm").
// Years from 1995 to 2039 only, so article ids that merely start with digits
// ("…-188231215…") are not read as dates. False when it carries none.
bool DateInUrl(std::string_view url, int* year, int* month, int* day);

bool IsValidDate(int year, int month, int day);
// "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real year, month or day (the
// dates the query language and filters take): the one date rule of search,
// filters and listing (a full date passes here exactly when ParseIsoDate
// reads it).
bool IsPartialDate(std::string_view value);
std::string FormatDate(int year, int month, int day);  // YYYY-MM-DD
// Parses "YYYY-MM-DD"; returns false if malformed or impossible.
bool ParseIsoDate(std::string_view s, int* year, int* month, int* day);
// OK when `value` is empty or a real YYYY-MM-DD date; otherwise
// InvalidArgument "FIELD: expected YYYY-MM-DD, got "VALUE"".
Status CheckOptionalDate(std::string_view value, std::string_view field);

}  // namespace bantin

#endif  // BANTIN_TEXT_DATES_H_
