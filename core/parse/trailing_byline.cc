#include "trailing_byline.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/text/gazetteer.h"
#include "bantin/text/outlets.h"
#include "bantin/text/phrases.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "line_kinds.h"
#include "lines.h"

namespace bantin {
namespace {

// A byline and what trails it fit in this many bytes.
constexpr size_t kMaxTail = 200;
constexpr int kMaxNameWords = 5;

// Toolbar words a dump keeps after the article ("Email Print Góp ý").
constexpr const char* kToolbarWords[] = {"email", "print", "in", "gop y", "chia se", "share", "top", "len dau trang"};

bool IsSpace(char c) { return c == ' '; }

std::string_view TrimEnd(std::string_view s) {
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The first character boundary at or after `at` (the text is valid UTF-8).
size_t CharStart(std::string_view s, size_t at) {
  while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return at;
}

// Removes trailing toolbar words.
std::string_view WithoutToolbar(std::string_view s) {
  bool again = true;
  while (again) {
    again = false;
    s = TrimEnd(s);
    const std::string folded = FoldedKey(s.substr(CharStart(s, s.size() > 24 ? s.size() - 24 : 0)));
    for (const char* w : kToolbarWords) {
      const std::string_view word = w;
      if (folded.size() < word.size() || folded.compare(folded.size() - word.size(), word.size(), word) != 0) continue;
      // The word's bytes in the original: count back as many letters.
      size_t letters = 0, cut = s.size();
      for (char c : word) letters += c == ' ' ? 0 : 1;
      while (cut > 0 && letters > 0) {
        --cut;
        const unsigned char b = static_cast<unsigned char>(s[cut]);
        if ((b & 0xC0) != 0x80 && s[cut] != ' ') --letters;
      }
      // Inside a word ("chain" is not "in"), unless the toolbar word starts
      // with a capital glued to what precedes it ("Xuân HoàngEmail").
      if (cut > 0 && !IsSpace(s[cut - 1]) && !std::isupper(static_cast<unsigned char>(s[cut]))) continue;
      s = s.substr(0, cut);
      again = true;
      break;
    }
  }
  return s;
}

// The start of a capitalised word glued to the word before it ("thựcThu"):
// the last position where a lower-case letter or a digit is directly
// followed by an upper-case letter. npos when none.
size_t LastGlue(std::string_view s) {
  size_t glue = std::string_view::npos, pos = 0;
  char32_t prev = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const char32_t cp = NextCodePoint(s, pos);
    if ((IsLower(prev) || IsDigit(prev)) && IsUpper(cp)) glue = at;
    prev = cp;
  }
  return glue;
}

// "T.Tr", "M.QUANG": a name in initials, one word of capitalised parts.
bool IsInitials(const Line& l) {
  if (l.words != 1 || l.text.find('.') == std::string::npos || l.has_digit) return false;
  bool part_start = true;
  for (size_t pos = 0; pos < l.text.size();) {
    const char32_t cp = NextCodePoint(l.text, pos);
    if (cp == '.') {
      part_start = true;
      continue;
    }
    if (!IsLetter(cp) || (part_start && !IsUpper(cp))) return false;
    part_start = false;
  }
  return !part_start;
}

bool IsName(std::string_view text) {
  const Line l = LineOfText(text);
  if (l.blank || l.words > kMaxNameWords || OutletNamed(l.text)) return false;
  if (!LooksLikeName(l) && !IsInitials(l)) return false;
  const std::vector<ProvinceMention> places = FindProvinces(l.text);
  return places.empty() || places.front().begin != 0;  // "Hà Nội" ends sentences, not articles
}

// A professional title printed before a signed name ("Luật gia Nguyễn Văn
// Khôi", "ThS. Lê Minh"): an expert's answer signs this way. Folded.
constexpr const char* kNameTitles[] = {"luat gia", "luat su", "ls.",    "ths.",    "ts.",   "pgs.ts.", "pgs. ts.",
                                       "gs.ts.",   "bs.",     "bac si", "nha bao", "ky su", "kts."};

// The name a signature gives, with its title if it has one: "" when `text`
// is not a signature.
std::string SignedName(std::string_view text) {
  if (IsName(text)) return LineOfText(text).text;
  const std::string folded = FoldedKey(text);
  for (std::string_view title : kNameTitles) {
    if (!StartsWithPhrase(folded, title)) continue;
    // The title's bytes in the original: as many words as it has.
    size_t at = 0;
    for (int words = 1 + static_cast<int>(std::count(title.begin(), title.end(), ' ')); words > 0; --words) {
      at = text.find(' ', at);
      if (at == std::string_view::npos) return "";
      ++at;
    }
    if (IsName(text.substr(at))) return LineOfText(text).text;
  }
  return "";
}

// "… bệnh viện lớn Bảo Trân ghi": a name signing with "ghi" (noted by),
// run on after the last sentence: the capitalised words before it.
size_t NotedByStart(std::string_view s) {
  if (s.size() < 5 || s.substr(s.size() - 4) != " ghi") return std::string_view::npos;
  const size_t ghi = s.size() - 3;
  size_t start = ghi;  // always the start of a word
  for (int words = 0; words < kMaxNameWords && start >= 2; ++words) {
    const size_t space = s.rfind(' ', start - 2);
    const size_t begin = space == std::string_view::npos ? 0 : space + 1;
    size_t pos = begin;
    if (!IsUpper(NextCodePoint(s, pos))) break;
    start = begin;
  }
  return start == ghi ? std::string_view::npos : start;
}

}  // namespace

void TakeTrailingByline(Bulletin& out) {
  if (!out.author.empty() || out.blocks.empty()) return;
  std::string& text = out.blocks.back().text;
  std::string_view rest = WithoutToolbar(text);
  const size_t tail_from = CharStart(rest, rest.size() > kMaxTail ? rest.size() - kMaxTail : 0);

  // A trailing credit: "Theo X", glued or not.
  std::string credit;
  for (size_t at = rest.rfind("Theo "); at != std::string_view::npos && at >= tail_from;
       at = at == 0 ? std::string_view::npos : rest.rfind("Theo ", at - 1)) {
    const Line c = LineOfText(rest.substr(at));
    if (c.words > 6 || c.terminal || !IsSourceCredit(c)) continue;
    credit = c.text;
    rest = TrimEnd(rest.substr(0, at));
    if (!rest.empty() && rest.back() == '(') {  // "VŨ KHUÊ(Theo Science Daily, 5/2013)"
      rest = TrimEnd(rest.substr(0, rest.size() - 1));
      if (!credit.empty() && credit.back() == ')') credit.pop_back();
    }
    break;
  }
  // A photo credit after the name: "…Ngát Ngọc Ảnh: Miss Universe Canada".
  for (std::string_view label : {" \xE1\xBA\xA2nh:", " \xE1\xBA\xA2nh :"}) {  // " Ảnh:"
    const size_t at = rest.rfind(label);
    if (at != std::string_view::npos && at >= tail_from && rest.size() - at <= 60) {
      rest = TrimEnd(rest.substr(0, at));
      break;
    }
  }
  // A name's outlet in parentheses: "Linh Vũ (Vietnam+)".
  std::string_view name_end = rest;
  if (!rest.empty() && rest.back() == ')') {
    const size_t open = rest.rfind('(');
    if (open != std::string_view::npos && open >= tail_from && rest.size() - open <= 140)
      name_end = TrimEnd(rest.substr(0, open));
  }
  std::string author;
  size_t cut = std::string_view::npos;  // where the byline starts in `text`
  // A labelled byline after the last sentence: "… Tin, ảnh: X".
  if (const size_t colon = name_end.rfind(':'); colon != std::string_view::npos && colon >= tail_from) {
    size_t start = name_end.find_last_of(".!?", colon);
    start = start == std::string_view::npos ? 0 : start + 1;
    author = BylineAfterLabel(LineOfText(rest.substr(start)));
    if (!author.empty()) cut = start;
  }
  if (author.empty()) {
    // After one of the last three sentence ends (a name in initials holds
    // dots of its own: "….T.Tr"), or glued to the last word.
    std::vector<size_t> starts;
    for (size_t end = name_end.size(); starts.size() < 3;) {
      const size_t at = name_end.find_last_of(".!?)\"", end == 0 ? 0 : end - 1);
      if (at == std::string_view::npos || end == 0) break;
      starts.push_back(at + 1);
      end = at;
    }
    if (tail_from < name_end.size())
      if (const size_t glue = LastGlue(name_end.substr(tail_from)); glue != std::string_view::npos)
        starts.push_back(tail_from + glue);
    if (const size_t noted = NotedByStart(name_end); noted != std::string_view::npos) starts.push_back(noted);
    for (size_t start : starts) {
      if (start < tail_from || start >= name_end.size()) continue;
      std::string_view name = TrimEnd(name_end.substr(start));
      while (!name.empty() && IsSpace(name.front())) name.remove_prefix(1);
      if (name.size() > 4 && name.substr(name.size() - 4) == " ghi") name.remove_suffix(4);  // "X ghi"
      author = SignedName(name);
      if (author.empty()) continue;
      cut = start;
      break;
    }
  }
  if (author.empty()) return;
  out.author = author;
  out.confidence.author = 0.6;
  if (out.credit.empty() && !credit.empty()) out.credit = credit;
  text = std::string(TrimEnd(std::string_view(text).substr(0, cut)));
  if (text.empty()) out.blocks.pop_back();
}

}  // namespace bantin
