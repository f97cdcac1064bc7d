#include "bantin/text/gazetteer.h"

#include <algorithm>
#include <cstdint>
#include <map>

#include "bantin/text/fold_table.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

// name, other spellings (|-separated), extra domain slugs, outlet abbreviations.
// The folded name without spaces ("soctrang") is always a domain slug.
struct Row {
  const char* name;
  const char* spellings;
  const char* domains;
  const char* outlets;
};

constexpr Row kRows[] = {
    {"Hà Nội", "Thủ đô Hà Nội|TP Hà Nội", "hanoimoi", "HNM|HNMO"},
    {"Hồ Chí Minh", "!TP.HCM|TP HCM|TPHCM|TP. HCM|TP. Hồ Chí Minh|TP Hồ Chí Minh|Sài Gòn|Thành phố Hồ Chí Minh",
     "hochiminhcity|hcmcpv|sggp|tphcm", "SGGP"},
    {"Hải Phòng", "", "", ""},
    {"Đà Nẵng", "", "", ""},
    {"Cần Thơ", "", "", "CTO"},
    {"An Giang", "", "", ""},
    {"Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu|Bà Rịa – Vũng Tàu|BR-VT|Vũng Tàu",
     "baria-vungtau|bariavungtau|baobariavungtau", ""},
    {"Bắc Giang", "", "", "BGĐT"},
    {"Bắc Kạn", "Bắc Cạn", "backan", ""},
    {"Bạc Liêu", "", "", ""},
    {"Bắc Ninh", "", "", ""},
    {"Bến Tre", "", "", ""},
    {"Bình Định", "", "", "BĐ"},
    {"Bình Dương", "", "", ""},
    {"Bình Phước", "", "", "BPO"},
    {"Bình Thuận", "", "", "BTO"},
    {"Cà Mau", "", "", ""},
    {"Cao Bằng", "", "", ""},
    {"Đắk Lắk", "Đắc Lắc|Đăk Lăk|Đắk Lăk|Daklak", "", ""},
    {"Đắk Nông", "Đăk Nông|Đắc Nông", "daknong", "ĐNO"},
    {"Điện Biên", "", "", ""},
    {"Đồng Nai", "", "", ""},
    {"Đồng Tháp", "", "", ""},
    {"Gia Lai", "", "", "GLO"},
    {"Hà Giang", "", "", ""},
    {"Hà Nam", "", "", ""},
    {"Hà Tĩnh", "", "", ""},
    {"Hải Dương", "", "", ""},
    {"Hậu Giang", "", "", ""},
    {"Hòa Bình", "", "", ""},
    {"Hưng Yên", "", "", ""},
    {"Khánh Hòa", "", "", ""},
    {"Kiên Giang", "", "", ""},
    {"Kon Tum", "Kontum", "", ""},
    {"Lai Châu", "", "", ""},
    {"Lâm Đồng", "", "", ""},
    {"Lạng Sơn", "", "", ""},
    {"Lào Cai", "", "", ""},
    {"Long An", "", "", ""},
    {"Nam Định", "", "", ""},
    {"Nghệ An", "", "", ""},
    {"Ninh Bình", "", "", ""},
    {"Ninh Thuận", "", "", ""},
    {"Phú Thọ", "", "", ""},
    {"Phú Yên", "", "", ""},
    {"Quảng Bình", "", "", "QBĐT"},
    {"Quảng Nam", "", "", "QNO"},
    {"Quảng Ngãi", "", "", ""},
    {"Quảng Ninh", "", "", ""},
    {"Quảng Trị", "", "", "QTO"},
    {"Sóc Trăng", "", "", ""},
    {"Sơn La", "", "", ""},
    {"Tây Ninh", "", "", ""},
    {"Thái Bình", "", "", ""},
    {"Thái Nguyên", "", "", ""},
    {"Thanh Hóa", "", "", ""},
    {"Thừa Thiên Huế", "Thừa Thiên - Huế|Thừa Thiên-Huế|TT-Huế|Huế", "thuathienhue", ""},
    {"Tiền Giang", "", "", ""},
    {"Trà Vinh", "", "", ""},
    {"Tuyên Quang", "", "", ""},
    {"Vĩnh Long", "", "", ""},
    {"Vĩnh Phúc", "", "", "BVP"},
    {"Yên Bái", "", "", ""},
};

// A spelling as the sequence of exact keys of its syllables.
struct Pattern {
  std::vector<std::string> keys;
  const Province* province;
};

// A cheap necessary condition for a syllable's exact key to be one of the
// patterns' first keys: its folded letters (ASCII lower case, diacritics
// dropped, đ→d), packed into a number. Equal exact keys have equal folded
// letters (the exact key only folds case and moves a tone mark, and folding
// drops marks), so a syllable whose packing is not among the first keys'
// packings cannot start a mention. Returns 0 when the syllable has a
// character this does not cover or more than eight letters: then no
// conclusion, and the exact key decides.
uint64_t PackFolded(std::string_view syllable) {
  const FoldTable& folds = Folds();
  uint64_t packed = 0;
  int shift = 0;
  size_t pos = 0;
  while (pos < syllable.size()) {
    const char32_t cp = NextCodePoint(syllable, pos);
    char c;
    if (cp < 0x80) {
      c = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else {
      const int i = FoldTable::IndexOf(cp);
      c = i >= 0 ? folds.single(i) : 0;
    }
    if (c == 0 || shift == 64) return 0;
    packed |= static_cast<uint64_t>(static_cast<unsigned char>(c)) << shift;
    shift += 8;
  }
  return packed;
}

struct Index {
  std::vector<Province> provinces;
  std::vector<Pattern> patterns;  // longest first
  // Patterns by their first syllable's key, longest first.
  std::map<std::string, std::vector<const Pattern*>> by_first;
  std::map<std::string, const Province*> by_name;
  // PackFolded of every first key, sorted; empty when some first key has no
  // packing (then every capitalised syllable is looked up).
  std::vector<uint64_t> first_packed;
};

const Index& GetIndex() {
  static const Index* index = [] {
    auto* ix = new Index;
    for (const Row& r : kRows) {
      Province p;
      p.name = r.name;
      p.slug = Slug(r.name, '-');
      // A leading '!' means the bare name is not a spelling of the place
      // (Hồ Chí Minh alone is the person; the city is "TP.HCM", "TP Hồ Chí Minh").
      const bool bare_name_ok = r.spellings[0] != '!';
      p.spellings = SplitBars(bare_name_ok ? r.spellings : r.spellings + 1);
      if (bare_name_ok) p.spellings.insert(p.spellings.begin(), r.name);
      p.domains = SplitBars(r.domains);
      p.domains.push_back(Slug(r.name, 0));
      p.outlets = SplitBars(r.outlets);
      ix->provinces.push_back(std::move(p));
    }
    for (const Province& p : ix->provinces) {
      ix->by_name[ExactKey(p.name)] = &p;
      for (const std::string& s : p.spellings) {
        Pattern pat;
        for (const Token& t : Tokenize(s)) pat.keys.push_back(t.exact);
        pat.province = &p;
        if (!pat.keys.empty()) ix->patterns.push_back(std::move(pat));
      }
    }
    std::stable_sort(ix->patterns.begin(), ix->patterns.end(),
                     [](const Pattern& a, const Pattern& b) { return a.keys.size() > b.keys.size(); });
    for (const Pattern& p : ix->patterns) ix->by_first[p.keys[0]].push_back(&p);
    for (const auto& [key, patterns] : ix->by_first) {
      const uint64_t packed = PackFolded(key);
      if (packed == 0) {
        ix->first_packed.clear();
        break;
      }
      ix->first_packed.push_back(packed);
    }
    std::sort(ix->first_packed.begin(), ix->first_packed.end());
    return ix;
  }();
  return *index;
}

}  // namespace

const std::vector<Province>& Provinces() { return GetIndex().provinces; }

std::vector<ProvinceMention> FindProvinces(std::string_view text) {
  const Index& ix = GetIndex();
  const auto spans = SyllableSpans(text);
  // Exact keys are computed only where a capitalised syllable could start a
  // name, and at most once per syllable.
  std::vector<std::string> keys;
  std::vector<bool> have;
  const auto key = [&](size_t i) -> const std::string& {
    if (keys.empty()) keys.resize(spans.size()), have.resize(spans.size());
    if (!have[i]) {
      keys[i] = ExactKey(text.substr(spans[i].first, spans[i].second - spans[i].first));
      have[i] = true;
    }
    return keys[i];
  };
  const auto may_start = [&](size_t i) {
    if (ix.first_packed.empty()) return true;
    const uint64_t packed = PackFolded(text.substr(spans[i].first, spans[i].second - spans[i].first));
    return packed == 0 || std::binary_search(ix.first_packed.begin(), ix.first_packed.end(), packed);
  };
  std::vector<ProvinceMention> out;
  for (size_t i = 0; i < spans.size();) {
    size_t first = spans[i].first;
    const Pattern* hit = nullptr;
    if (IsUpper(NextCodePoint(text, first)) && may_start(i)) {
      auto candidates = ix.by_first.find(key(i));
      if (candidates != ix.by_first.end()) {
        for (const Pattern* p : candidates->second) {
          if (i + p->keys.size() > spans.size()) continue;
          bool match = true;
          for (size_t k = 1; k < p->keys.size() && match; ++k) match = key(i + k) == p->keys[k];
          if (match) {
            hit = p;
            break;
          }
        }
      }
    }
    if (hit) {
      out.push_back({hit->province, spans[i].first, spans[i + hit->keys.size() - 1].second});
      i += hit->keys.size();
    } else {
      ++i;
    }
  }
  return out;
}

const Province* ProvinceOfDomain(std::string_view domain) {
  const Province* best = nullptr;
  size_t best_len = 0;
  const std::string d = FoldCase(domain);
  for (const Province& p : Provinces())
    for (const std::string& slug : p.domains)
      if (slug.size() > best_len && d.find(slug) != std::string::npos) {
        best = &p;
        best_len = slug.size();
      }
  return best;
}

const Province* ProvinceOfOutlet(std::string_view abbreviation) {
  for (const Province& p : Provinces())
    for (const std::string& o : p.outlets)
      if (o == abbreviation) return &p;
  return nullptr;
}

const Province* ProvinceByName(std::string_view name) {
  const Index& ix = GetIndex();
  auto it = ix.by_name.find(ExactKey(CollapseSpaces(name)));
  if (it != ix.by_name.end()) return it->second;
  for (const ProvinceMention& m : FindProvinces(name))
    if (m.begin == 0) return m.province;
  return nullptr;
}

}  // namespace bantin
