#include <algorithm>

#include "bantin/index/doc_meta.h"
#include "bantin/text/dates.h"
#include "bantin/text/gazetteer.h"
#include "bantin/text/text.h"

namespace bantin {

bool operator==(const DocOrigin& a, const DocOrigin& b) {
  return a.source.id == b.source.id && a.source.name == b.source.name && a.source.province == b.source.province &&
         a.source.site == b.source.site && a.source_keys == b.source_keys && a.province_key == b.province_key;
}

const std::shared_ptr<const DocOrigin>& NoOrigin() {
  static const auto* none = new std::shared_ptr<const DocOrigin>(std::make_shared<DocOrigin>());
  return *none;
}

DocMeta MetaOf(const Bulletin& b, const FieldLengths& lengths) {
  DocMeta m;
  m.id = b.id;
  m.copy_id = b.copy_id;
  m.date = b.date;
  m.length = lengths;
  auto origin = std::make_shared<DocOrigin>();
  origin->source = b.source;
  for (const std::string* s : {&b.source.id, &b.source.site, &b.source.name}) {
    std::string key = FilterKey(*s);
    std::vector<std::string>& keys = origin->source_keys;
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  origin->province_key = FilterKey(b.source.province);
  m.origin = std::move(origin);
  m.author_key = FilterKey(b.author);
  for (const Person& p : b.people) m.people_keys.push_back(FilterKey(p.name));
  for (const std::string& p : b.places) m.place_keys.push_back(FilterKey(p));
  if (const Province* p = b.source.province.empty() ? nullptr : ProvinceByName(b.source.province))
    m.province_index = static_cast<int32_t>(p - Provinces().data());
  int year = 0, month = 0, day = 0;
  if (ParseIsoDate(b.date, &year, &month, &day)) m.month_index = year * 12 + month - 1;
  return m;
}

uint64_t CopyKey(std::string_view copy_id) {
  if (copy_id.size() != 16) return 0;
  uint64_t key = 0;
  for (char c : copy_id) {
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) return 0;
    key = key << 4 | static_cast<uint64_t>(digit);
  }
  return key == 0 ? 1 : key;  // 0 means "no copies"
}

DocRow RowOf(const DocMeta& m, FilterKeys& keys) {
  DocRow row;
  row.length = m.length;
  row.date = DateKey(m.date);
  row.month_index = m.month_index;
  row.province_index = m.province_index >= 0         ? static_cast<int16_t>(m.province_index)
                       : m.source().province.empty() ? kNoProvince
                                                     : kOtherProvince;
  row.live = true;
  row.province_key = keys.province.Intern(m.origin->province_key);
  const std::vector<Province>& provinces = Provinces();
  for (const std::string& key : m.place_keys)
    for (size_t i = 0; i < provinces.size() && i < 64; ++i)
      if (provinces[i].slug == key) row.place_mask |= uint64_t{1} << i;
  row.author_key = keys.author.Intern(m.author_key);
  row.copy = CopyKey(m.copy_id);
  return row;
}

}  // namespace bantin
