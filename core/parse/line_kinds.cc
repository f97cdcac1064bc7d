#include "line_kinds.h"

#include <algorithm>

#include "bantin/text/dates.h"
#include "bantin/text/gazetteer.h"
#include "bantin/text/outlets.h"
#include "bantin/text/phrases.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "domains.h"

namespace bantin {
namespace {

template <size_t N>
bool StartsWithAny(std::string_view folded, const char* const (&phrases)[N]) {
  for (const char* p : phrases)
    if (StartsWithPhrase(folded, p)) return true;
  return false;
}

// Footer and widget vocabulary. A long prose line may mention these words;
// a short line built around them is chrome.
constexpr const char* kChrome[] = {
    "luot xem", "luot doc", "luot truy cap", "dang truy cap", "thong ke truy cap", "nguoi truc tuyen",
    "so nguoi truy cap", "go top", "len dau trang", "ve dau trang", "binh chon", "tham do y kien", "giay phep",
    "co quan chu quan", "don vi quan ly", "chiu trach nhiem", "tong bien tap", "ban bien tap", "toa soan", "dien thoai",
    "fax", "email", "e-mail", "hotline", "website", "ban quyen", "copyright", "all rights reserved", "ghi ro nguon",
    "phat hanh lai", "chia se", "in bai", "ban in", "gui cho ban be", "dang nhap", "dang ky nhan tin", "so do website",
    "so do trang", "rss", "quay lai", "tro ve", "binh luan", "y kien ban doc", "gui y kien", "quang cao",
    "tai ung dung", "theo doi chung toi", "facebook", "zalo", "youtube", "twitter", "ket noi voi chung toi", "xem tiep",
    "trang truoc", "trang sau", "trang chu", "tu khoa", "tags",
    // A web archive's toolbar above an archived copy.
    "wayback machine", "internet archive", "about this capture", "collected by", "timestamps", "captures"};

// Labels that open an address or contact line: "Địa chỉ: …".
constexpr const char* kContactLabels[] = {
    "dia chi",          "tru so",         "dien thoai",       "email",        "fax",       "website",  "giay phep",
    "co quan chu quan", "don vi quan ly", "chiu trach nhiem", "ghi ro nguon", "ban quyen", "copyright"};

// Words of ownership a publisher's header or footer line holds besides its
// contact labels.
constexpr const char* kOwnershipWords[] = {
    "chu quan",        "cong thong tin", "trang thong tin", "tong bien tap", "toa soan",      "ubnd",
    "uy ban nhan dan", "so thong tin",   "dai phat thanh",  "bao",           "phat hanh lai", "(c)"};

constexpr const char* kRelated[] = {"bai viet khac",
                                    "cac bai viet khac",
                                    "tin lien quan",
                                    "bai lien quan",
                                    "bai viet lien quan",
                                    "tin tuc lien quan",
                                    "tin da dua",
                                    "tin khac",
                                    "cac tin khac",
                                    "tin bai khac",
                                    "tin cung chuyen muc",
                                    "cung chuyen muc",
                                    "tin cung loai",
                                    "xem them",
                                    "doc them",
                                    "tin moi",
                                    "tin moi nhat",
                                    "tin moi hon",
                                    "tin cu hon",
                                    "tin noi bat",
                                    "tin doc nhieu",
                                    "tin xem nhieu",
                                    "co the ban quan tam",
                                    "dung bo lo",
                                    "doc nhieu",
                                    "xem nhieu",
                                    "tin cung tac gia",
                                    "bai doc nhieu"};

constexpr const char* kPublicationMarkers[] = {"dang ngay", "ngay dang",      "dang luc",      "dang tai", "cap nhat",
                                               "xuat ban",  "thoi gian dang", "ngay cap nhat", "posted",   "published",
                                               "updated",   "ngay xuat ban",  "dang vao"};

bool HasChromeWord(std::string_view folded) {
  static const PhraseSet* set = new PhraseSet(kChrome);
  return set->AnyIn(folded);
}

bool HasPublicationMarker(std::string_view folded) {
  static const PhraseSet* set = new PhraseSet(kPublicationMarkers);
  return set->AnyIn(folded);
}

constexpr const char* kBylineLabels[] = {"tin, anh",     "tin anh",   "tin va anh", "tin - anh", "bai, anh",
                                         "bai va anh",   "bai - anh", "bai anh",    "tac gia",   "nhom phong vien",
                                         "phong vien",   "bai",       "tin",        "nhom pv",   "pv",
                                         "phong su anh", "phong su",  "ghi chep",   "anh va bai"};

constexpr const char* kCreditOutlets[] = {"bao", "cong", "trang",  "dai",          "tap chi", "ttxvn",
                                          "vtv", "vov",  "tttxvn", "thong tan xa", "website", "ban tin"};

constexpr const char* kOrdinals[] = {"mot la",  "hai la",  "ba la",   "bon la",   "nam la",   "sau la",  "bay la",
                                     "tam la",  "chin la", "muoi la", "thu nhat", "thu hai",  "thu ba",  "thu tu",
                                     "thu nam", "thu sau", "thu bay", "thu tam",  "thu chin", "thu muoi"};

}  // namespace

bool HasLetter(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size())
    if (IsLetter(NextCodePoint(text, pos))) return true;
  return false;
}

bool IsBoilerplate(const Line& line, bool in_body) {
  if (line.blank) return false;
  if (!HasLetter(line.text)) return true;  // bare numbers, separators, symbols
  // A line of hashtags: the article's tags ("#VKSND #vay ngân hàng …").
  if (line.text[0] == '#' && line.words <= 40 && std::count(line.text.begin(), line.text.end(), '#') >= 2) return true;
  const std::string& f = line.folded;
  // A labelled list of the article's tags: "Từ khóa: a, b, c", "Tags: …".
  for (const char* label : {"tu khoa:", "tags:", "tag:", "the:"})
    if (f.starts_with(label) && line.words <= 60 && line.text.find(',') != std::string::npos) return true;
  if (StartsWithAny(WithoutLeadingMarks(f), kContactLabels) && line.words <= 60) return true;
  // Inside the article a caption may well mention a phone or a comment;
  // there only a line that is little more than the chrome word goes.
  if (line.words <= (in_body ? 5 : 20) && HasChromeWord(f)) return true;
  // "• Khách 923": a bulleted counter.
  const bool bullet = f.rfind("\xE2\x80\xA2", 0) == 0 || f.rfind("\xC2\xB7", 0) == 0;
  if (bullet && line.has_digit && line.words <= 8) return true;
  if (f.find('@') != std::string::npos && line.words <= 12) return true;
  // A call to follow the outlet on a search engine's news ("Thêm SOHA trên
  // Google Chọn SOHA làm nguồn ưu tiên…", "Theo dõi … trên Google News").
  if (line.words <= 25 && (f.find("tren google") != std::string::npos || f.find("nguon uu tien") != std::string::npos))
    return true;
  return false;
}

// A row of section links written as text: four or more short items
// between " - " or " | " ("Tài chính - Đầu tư - Thị trường - Doanh nghiệp").
// A headline joins at most a place or two that way, and not all short.
bool IsMenuRow(std::string_view folded) {
  constexpr int kMinItems = 4, kMaxItemWords = 4;
  for (std::string_view sep : {std::string_view(" - "), std::string_view(" | ")}) {
    int items = 0;
    size_t begin = 0;
    while (true) {
      const size_t end = std::min(folded.find(sep, begin), folded.size());
      const std::string_view item = folded.substr(begin, end - begin);
      if (item.empty() || std::count(item.begin(), item.end(), ' ') + 1 > kMaxItemWords) {
        items = 0;
        break;
      }
      ++items;
      if (end == folded.size()) break;
      begin = end + sep.size();
    }
    if (items >= kMinItems) return true;
  }
  return false;
}

bool IsTagLabel(const Line& line) {
  if (line.blank || line.words > 2) return false;
  std::string f = line.folded;
  while (!f.empty() && (f.back() == ':' || f.back() == ' ')) f.pop_back();
  return f == "tags" || f == "tag" || f == "tu khoa" || f == "the";
}

bool IsNavigation(const Line& line) {
  if (line.blank) return false;
  const std::string& f = line.folded;
  static constexpr const char* kSkip[] = {"truy cap noi dung",  "bo qua", "skip to",   "chuyen den noi dung",
                                          "toi noi dung chinh", "menu",   "trang chu", "go top",
                                          "len dau trang"};
  if (line.words <= 8 && StartsWithAny(f, kSkip)) return true;
  if (line.words <= 48 && !line.terminal && IsMenuRow(f)) return true;  // prose is longer, or ends
  if (line.words > 16 || line.terminal) return false;
  int separators = 0;
  for (std::string_view sep : {"\xC2\xBB", "\xE2\x80\xBA", " > ", " / ", " | "}) {
    size_t pos = 0;
    while ((pos = f.find(sep, pos)) != std::string::npos) ++separators, pos += sep.size();
  }
  return separators >= 1 && line.words <= 16 && !line.terminal &&
         (f.find("\xC2\xBB") != std::string::npos || f.find("\xE2\x80\xBA") != std::string::npos ||
          StartsWithPhrase(f, "trang chu"));
}

bool IsRelatedHeading(const Line& line) {
  if (line.blank || line.words > 7) return false;
  std::string f = line.folded;
  while (!f.empty() && (f.back() == ':' || f.back() == ' ' || f.back() == '.')) f.pop_back();
  for (const char* p : kRelated)
    if (f == p) return true;
  return false;
}

bool IsPageClock(const Line& line) {
  if (line.blank || line.words > 14 || !HasWeekday(line.folded)) return false;
  if (HasPublicationMarker(line.folded)) return false;
  for (const DateMention& d : FindDates(line.folded))
    if (d.year) return true;
  return false;
}

bool IsPublicationLine(const Line& line) {
  if (line.blank || line.words > 30) return false;
  const std::vector<DateMention> dates = FindDates(line.folded);
  bool full = false;
  for (const DateMention& d : dates) full = full || d.year != 0;
  if (!full) return false;
  if (HasPublicationMarker(line.folded)) return true;
  // An ISO stamp, or a short line that is only a date and a clock time.
  const bool iso = line.folded.find('t') != std::string::npos && line.text.find('-') == 4 && line.words <= 3;
  const bool stamp = line.words <= 8 && !FindTime(line.folded).empty() && !HasWeekday(line.folded);
  return iso || stamp || (line.words <= 12 && HasPhrase(line.folded, "luot xem"));
}

bool LooksLikeName(const Line& line) {
  if (line.blank || line.has_digit || line.words > 5 || line.text.size() > 48) return false;
  if (line.terminal || IsBoilerplate(line, false) || IsRelatedHeading(line)) return false;
  if (StartsWithPhrase(line.folded, "theo")) return false;  // a source credit (IsSourceCredit)
  if (line.words == 1 && !line.all_caps) return false;
  // A desk signing as a group ("Nhóm PV Kinh tế", "Nhóm phóng viên").
  if (StartsWithPhrase(line.folded, "nhom pv") || StartsWithPhrase(line.folded, "nhom phong vien")) return true;
  bool at_word_start = true;
  size_t pos = 0;
  while (pos < line.text.size()) {
    const char32_t cp = NextCodePoint(line.text, pos);
    if (cp == ' ' || cp == '-' || cp == '.') {
      at_word_start = true;
      continue;
    }
    if (!IsLetter(cp)) return false;
    if (at_word_start && !IsUpper(cp)) return false;
    at_word_start = false;
  }
  return true;
}

std::string BylineAfterLabel(const Line& line) {
  if (line.blank || line.words > 12) return "";
  const size_t colon = line.text.find(':');
  if (colon == std::string::npos) return "";
  const std::string label = FoldedKey(CollapseSpaces(line.text.substr(0, colon)));
  for (const char* l : kBylineLabels)
    if (label == l) return CollapseSpaces(line.text.substr(colon + 1));
  return "";
}

std::string BylineAfterTheo(const Line& line, std::string* outlet) {
  if (line.blank || line.words > 16 || !StartsWithPhrase(line.folded, "theo")) return "";
  const std::string& t = line.text;
  const size_t open = t.find('(');
  const bool with_outlet = open != std::string::npos && t.back() == ')';
  // Without an outlet, only a person's name of two words or more: "Theo
  // VFF", "Theo Bloomberg", "Theo TTXVN" credit a source, not a writer.
  if (!with_outlet && (open != std::string::npos || FindDomain(t) != "")) return "";
  // The name starts after the word "Theo" (however it is spelled) and its space.
  const size_t space = t.find(' ');
  if (space == std::string::npos || (with_outlet && space > open)) return "";
  Line name;
  name.text = CollapseSpaces(t.substr(space + 1, with_outlet ? open - space - 1 : std::string::npos));
  name.folded = FoldedKey(name.text);
  name.blank = name.text.empty();
  size_t words = name.text.empty() ? 0 : 1;
  for (char c : name.text) words += c == ' ';
  name.words = static_cast<int>(words);
  if (!LooksLikeName(name) || StartsWithAny(name.folded, kCreditOutlets)) return "";
  if (!with_outlet && (name.words < 2 || OutletNamed(name.text, /*weak=*/true))) return "";
  if (!with_outlet) {  // "Theo Hà Nội", "Theo Quảng Ninh": a place's paper or office
    const std::vector<ProvinceMention> places = FindProvinces(name.text);
    if (!places.empty() && places.front().begin == 0) return "";
  }
  if (outlet) *outlet = with_outlet ? CollapseSpaces(t.substr(open + 1, t.size() - open - 2)) : "";
  return name.text;
}

namespace {
// What follows a line's first word ("Theo X" → "X"), "" when nothing does;
// cut at the word's own space, whatever bytes its spelling takes.
std::string AfterFirstWord(const std::string& s) {
  const size_t space = s.find(' ');
  return space == std::string::npos ? std::string() : CollapseSpaces(s.substr(space + 1));
}
}  // namespace

std::string BylineWithOutlet(const Line& line, std::string* outlet) {
  if (line.blank || line.words > 12) return "";
  const std::string& t = line.text;
  size_t cut = t.find('/');
  std::string source;
  if (cut != std::string::npos) {
    if (cut == 0 || cut + 1 >= t.size() || FindDomain(t) != "") return "";
    source = CollapseSpaces(t.substr(cut + 1));
  } else {
    // "Name (theo X)", "Name(Outlet)": a source credit or an outlet's name.
    cut = t.find('(');
    if (cut == std::string::npos || cut == 0 || t.back() != ')') return "";
    source = CollapseSpaces(t.substr(cut + 1, t.size() - cut - 2));
    const bool theo = StartsWithPhrase(FoldedKey(source), "theo");
    if (!theo && !OutletNamed(source)) return "";
    if (theo) source = AfterFirstWord(source);
  }
  std::string name = CollapseSpaces(t.substr(0, cut));
  if (StartsWithPhrase(FoldedKey(name), "theo")) name = AfterFirstWord(name);
  Line n;
  n.text = name;
  n.folded = FoldedKey(name);
  n.blank = name.empty();
  n.words = name.empty() ? 0 : 1 + static_cast<int>(std::count(name.begin(), name.end(), ' '));
  n.all_caps = false;
  if (n.words > 5 || !LooksLikeName(n)) return "";
  if (outlet) *outlet = source;
  return name;
}

bool NamesPublisher(const Line& line) {
  static const PhraseSet* set = [] {
    static std::vector<const char*> words(std::begin(kContactLabels), std::end(kContactLabels));
    words.insert(words.end(), std::begin(kOwnershipWords), std::end(kOwnershipWords));
    return new PhraseSet(words.data(), words.size());
  }();
  return set->AnyIn(line.folded) || line.text.find("\xC2\xA9") != std::string::npos;  // ©
}

bool IsSourceCredit(const Line& line) {
  if (line.blank || line.words > 16) return false;
  const std::string& f = line.folded;
  if (StartsWithPhrase(f, "nguon") && !StartsWithPhrase(f, "nguon anh")) return true;
  if (!StartsWithPhrase(f, "theo")) return false;
  const std::string_view rest = std::string_view(f).substr(4);
  const std::string_view trimmed =
      rest.substr(rest.find_first_not_of(' ') == std::string::npos ? rest.size() : rest.find_first_not_of(' '));
  if (!FindDomain(trimmed).empty()) return true;
  // A short line that is only "Theo X" ("according to X") credits its
  // source, whoever X is: an outlet, a foreign paper, an agency.
  if (line.words <= 7 && !line.terminal) return true;
  return StartsWithAny(trimmed, kCreditOutlets);
}

namespace {
// An image's alt text as sites number it, kept by scrapers as a line of its
// own: "<headline> - Ảnh 1." (a picture, not prose).
bool IsNumberedImageText(std::string_view f) {
  while (!f.empty() && (f.back() == '.' || f.back() == ' ')) f.remove_suffix(1);
  const size_t digits = f.size();
  while (!f.empty() && f.back() >= '0' && f.back() <= '9') f.remove_suffix(1);
  return f.size() < digits && f.size() > 6 && f.ends_with("- anh ");
}
}  // namespace

bool IsPhotoCredit(const Line& line) {
  if (line.blank || line.words > 40) return false;
  const std::string& f = line.folded;
  if (IsNumberedImageText(f)) return true;
  if (line.words > 12) return false;
  // "Ảnh: N.H", "(Ảnh …)", and "Ảnh minh họa" (IsIllustrationNote) among them.
  return StartsWithPhrase(f, "anh") || StartsWithPhrase(f, "(anh") || StartsWithPhrase(f, "nguon anh");
}

bool IsIllustrationNote(const Line& line) {
  return !line.blank && line.words <= 12 &&
         (StartsWithPhrase(line.folded, "anh minh hoa") || StartsWithPhrase(line.folded, "(anh minh hoa"));
}

bool StartsWithEnumerator(const Line& line) {
  if (line.blank) return false;
  const std::string& f = line.folded;
  for (const char* o : kOrdinals) {
    if (!StartsWithPhrase(f, o)) continue;
    const size_t after = std::string_view(o).size();
    if (after < f.size() && (f[after] == ',' || f[after] == ':')) return true;
  }
  for (std::string_view bullet : {"- ", "+ ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xC2\xB7 "})
    if (f.rfind(bullet, 0) == 0) return true;
  size_t i = 0;
  while (i < f.size() && i < 3 && f[i] >= '0' && f[i] <= '9') ++i;
  if (i > 0 && i + 1 < f.size() && (f[i] == '.' || f[i] == ')') && f[i + 1] == ' ') return true;
  if (f.size() > 3 && f[0] >= 'a' && f[0] <= 'z' && f[1] == ')' && f[2] == ' ') return true;
  return false;
}

}  // namespace bantin
