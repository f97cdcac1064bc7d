// DocMeta: the per-document facts filters and facets read.
#include <algorithm>

#include "core/dates.h"
#include "core/gazetteer.h"
#include "core/search_engine.h"

namespace bantin {
namespace {

// True when `words` (a FilterKey, syllables joined by '-') occurs in `key` as
// whole syllables: author:"hà" matches "Lê Thị Hà", author:"lê hà" does not.
bool HasSyllables(const std::string& key, const std::string& words) {
  if (words.empty() || key.size() < words.size()) return false;
  for (size_t at = key.find(words); at != std::string::npos; at = key.find(words, at + 1)) {
    const size_t end = at + words.size();
    if ((at == 0 || key[at - 1] == '-') && (end == key.size() || key[end] == '-')) return true;
  }
  return false;
}

}  // namespace

DocMeta MetaOf(const Bulletin& b, const FieldLengths& lengths) {
  DocMeta m;
  m.id = b.id;
  m.date = b.date;
  m.source = b.source;
  m.length = lengths;
  for (const std::string* s : {&b.source.id, &b.source.site, &b.source.name}) {
    std::string key = FilterKey(*s);
    if (!key.empty() && std::find(m.source_keys.begin(), m.source_keys.end(), key) == m.source_keys.end())
      m.source_keys.push_back(std::move(key));
  }
  m.province_key = FilterKey(b.source.province);
  m.author_key = FilterKey(b.author);
  for (const Person& p : b.people) m.people_keys.push_back(FilterKey(p.name));
  if (const Province* p = b.source.province.empty() ? nullptr : ProvinceByName(b.source.province))
    m.province_index = static_cast<int32_t>(p - Provinces().data());
  int year = 0, month = 0, day = 0;
  if (ParseIsoDate(b.date, &year, &month, &day)) m.month_index = year * 12 + month - 1;
  return m;
}

DocRow RowOf(const DocMeta& m, FilterKeys& keys) {
  DocRow row;
  row.length = m.length;
  row.date = DateKey(m.date);
  row.month_index = m.month_index;
  row.province_index = m.province_index >= 0         ? static_cast<int16_t>(m.province_index)
                       : m.source.province.empty() ? kNoProvince
                                                   : kOtherProvince;
  row.live = true;
  row.province_key = keys.province.Intern(m.province_key);
  row.author_key = keys.author.Intern(m.author_key);
  return row;
}

bool PassesKeyFilter(const Filter& f, const std::string& key) {
  return f.field == FilterField::kProvince ? key == f.value
         : f.field == FilterField::kAuthor ? HasSyllables(key, f.value)
                                           : false;
}

bool PassesFilter(const Filter& f, const DocMeta& m) {
  switch (f.field) {
    case FilterField::kSource:
      return std::find(m.source_keys.begin(), m.source_keys.end(), f.value) != m.source_keys.end();
    case FilterField::kProvince:
      return PassesKeyFilter(f, m.province_key);
    case FilterField::kAuthor:
      return PassesKeyFilter(f, m.author_key);
    case FilterField::kPerson:
      return std::any_of(m.people_keys.begin(), m.people_keys.end(),
                         [&](const std::string& k) { return HasSyllables(k, f.value); });
    case FilterField::kDate:
      return !m.date.empty() && m.date >= f.date_from &&
             (f.date_before.empty() || m.date < f.date_before);
  }
  return false;
}

}  // namespace bantin
