// People named with their roles, as the text writes them:
//   "đồng chí Phan Văn Sáu - Bí thư Tỉnh ủy"  (name, then role)
//   "Trưởng Ban Tuyên giáo Tỉnh ủy Hồ Đại Nam" (role, then name)
// A name is a run of two to five capitalised syllables opening with a common
// Vietnamese family name. One entry per person, first role kept.
#include "people.h"

#include <set>
#include <string_view>
#include <unordered_set>

#include "bantin/text/gazetteer.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "page.h"

namespace bantin {
namespace {

// Words compared as written (NFC): names, role heads and stop words each
// have one spelling, so no key needs computing; both tone placements are
// listed where both occur (Ủy, Uỷ).
using WordSet = std::unordered_set<std::string_view>;
const WordSet* MakeSet(std::initializer_list<const char*> words) {
  auto* set = new WordSet;
  for (const char* w : words) set->insert(w);
  return set;
}

const WordSet& Surnames() {
  static const WordSet* s = MakeSet(
      {"Nguyễn", "Trần",  "Lê",   "Phạm", "Hoàng", "Huỳnh", "Phan",   "Vũ",    "Võ",   "Đặng", "Bùi",   "Đỗ",   "Hồ",
       "Ngô",    "Dương", "Lý",   "Đinh", "Đào",   "Mai",   "Trịnh",  "Lương", "Lâm",  "Cao",  "Hà",    "Tạ",   "Tô",
       "Châu",   "Chu",   "Thái", "Kiều", "Đoàn",  "Vương", "Trương", "Quách", "Lưu",  "Thân", "Triệu", "La",   "Lò",
       "Giàng",  "Sùng",  "Hứa",  "Đàm",  "Phùng", "Mạc",   "Khổng",  "Thạch", "Kim",  "Từ",   "Tăng",  "Lại",  "Nông",
       "Hầu",    "Bế",    "Quan", "Tôn",  "Âu",    "Doãn",  "Nghiêm", "Ông",   "Lục",  "Vi",   "Y",     "Ksor", "Rơ",
       "Danh",   "Sơn",   "Kha",  "Lữ",   "Văn",   "Lã",    "Diệp",   "Mông",  "Ninh", "Thào", "Vàng",  "Mùa"});
  return *s;
}

// Words that open a role ("Phó Bí thư …", "Chủ tịch …").
const WordSet& RoleHeads() {
  static const WordSet* s = MakeSet({"Bí",    "Phó",   "Chủ",   "Trưởng",  "Giám",   "Ủy",     "Uỷ",    "Bộ",
                                     "Thứ",   "Thủ",   "Tổng",  "Chánh",   "Viện",   "Đại",    "Tư",    "Thượng",
                                     "Trung", "Thiếu", "UVBTV", "UVBTVTU", "Thường", "Nguyên", "Chuyên"});
  return *s;
}

// Words that end a role phrase: verbs and linking words.
const WordSet& RoleStops() {
  static const WordSet* s =
      MakeSet({"phát", "cho",  "nhấn",  "đã",   "chủ",  "báo",  "kiến", "tặng", "trao", "dự",   "tham",
               "và",   "cùng", "khẳng", "yêu",  "đề",   "chúc", "ghi",  "tại",  "về",   "với",  "làm",
               "đến",  "được", "là",    "có",   "thay", "biểu", "cảm",  "nêu",  "đánh", "chỉ",  "trình",
               "gửi",  "thăm", "điều",  "đồng", "các",  "cũng", "sẽ",   "đang", "vừa",  "trong"});
  return *s;
}

struct Word {
  std::string_view text;
  bool capitalised = false;
  char punct_after = 0;  // ',', ';', '-', '.', ':', '(' or 0
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  const auto spans = SyllableSpans(text);
  words.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    Word w;
    w.text = text.substr(spans[i].first, spans[i].second - spans[i].first);
    size_t p = 0;
    w.capitalised = IsUpper(NextCodePoint(w.text, p));
    // The gap up to the next word: its first hard punctuation, else a dash.
    const size_t gap_end = i + 1 < spans.size() ? spans[i + 1].first : text.size();
    for (size_t k = spans[i].second; k < gap_end; ++k) {
      const char c = text[k];
      if (c == ',' || c == ';' || c == '.' || c == ':' || c == '(' || c == ')') {
        w.punct_after = c;
        break;
      }
      if (c == '-' || static_cast<unsigned char>(c) == 0xE2) w.punct_after = '-';
    }
    words.push_back(std::move(w));
  }
  return words;
}

std::string Join(const std::vector<Word>& w, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to; ++i) {
    s += w[i].text;
    if (i + 1 < to) s += w[i].punct_after == ',' ? ", " : " ";
  }
  return s;
}

bool IsRoleHead(const Word& w) { return w.capitalised && RoleHeads().count(w.text); }

// Role heads that are also common name syllables ("Hồ Đại Nam", "Lê Trung
// Kiên") do not end a name.
bool EndsName(const Word& w) {
  static const WordSet* in_names =
      MakeSet({"Đại", "Trung", "Thượng", "Thiếu", "Thường", "Nguyên", "Chuyên", "Tư", "Viện", "Thứ"});
  return IsRoleHead(w) && !in_names->count(w.text);
}
bool IsRoleStop(const Word& w) { return !w.capitalised && RoleStops().count(w.text); }

// Role phrase after a name: words until a stop word or a hard punctuation;
// a comma continues only into another role ("…Tỉnh ủy, Chủ tịch HĐND tỉnh").
std::string RoleAfter(const std::vector<Word>& w, size_t i) {
  if (i >= w.size() || !IsRoleHead(w[i])) return "";
  size_t j = i;
  while (j < w.size() && j - i < 16) {
    if (j > i && IsRoleStop(w[j])) break;
    const char p = w[j].punct_after;
    ++j;
    if (p == ';' || p == '.' || p == ':' || p == '(' || p == ')' || p == '-') break;
    if (p == ',' && !(j < w.size() && IsRoleHead(w[j]))) break;
  }
  return Join(w, i, j);
}

// Role phrase ending right before a name at `name_begin`.
std::string RoleBefore(const std::vector<Word>& w, size_t name_begin) {
  size_t start = name_begin;
  size_t k = name_begin;
  while (k > 0 && name_begin - k < 16) {
    --k;
    if (w[k].punct_after == ';' || w[k].punct_after == '.' || w[k].punct_after == ':' || w[k].punct_after == ')') break;
    if (IsRoleStop(w[k])) break;
    if (IsRoleHead(w[k])) start = k;
  }
  return start < name_begin ? Join(w, start, name_begin) : "";
}

}  // namespace

void FindPeople(Bulletin& out) {
  std::set<std::string> seen;
  for (const Block& block : out.blocks) {
    const std::string& text = block.text;  // out.people grows, out.blocks does not
    const std::vector<Word> w = Words(text);
    for (size_t i = 0; i < w.size(); ++i) {
      if (!w[i].capitalised || !Surnames().count(w[i].text)) continue;
      size_t j = i + 1;
      while (j < w.size() && j - i < 5 && w[j].capitalised && !EndsName(w[j]) && w[j - 1].punct_after == 0) ++j;
      if (j - i < 2) continue;
      const std::string name = Join(w, i, j);
      if (ProvinceByName(name)) {  // "Thái Nguyên", "Hà Nam": places, not people
        i = j - 1;
        continue;
      }
      std::string role = w[j - 1].punct_after == ',' || w[j - 1].punct_after == '-' ? RoleAfter(w, j) : "";
      if (role.empty()) role = RoleBefore(w, i);
      if (role.empty()) {
        i = j - 1;
        continue;
      }
      if (seen.insert(ExactKey(name)).second) out.people.push_back({name, role});
      i = j - 1;
    }
  }
}

}  // namespace bantin
