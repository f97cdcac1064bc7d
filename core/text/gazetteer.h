// Vietnam's 63 provinces and centrally-run cities (the division in force
// 2008-2025, which the archived pages use), with their usual spellings,
// outlet abbreviations and domain slugs.
#ifndef BANTIN_TEXT_GAZETTEER_H_
#define BANTIN_TEXT_GAZETTEER_H_

#include <string>
#include <string_view>
#include <vector>

namespace bantin {

struct Province {
  std::string name;                    // canonical, with diacritics
  std::string slug;                    // "soc-trang"
  std::vector<std::string> spellings;  // as written in text ("TP.HCM", ...)
  std::vector<std::string> domains;    // slugs found in domains ("soctrang")
  std::vector<std::string> outlets;    // news-outlet abbreviations ("QTO")
};

const std::vector<Province>& Provinces();

// A province named at a position of a text.
struct ProvinceMention {
  const Province* province = nullptr;
  size_t begin = 0;  // byte span in the text
  size_t end = 0;
};

// Every capitalised mention of a province in NFC text, left to right,
// longest spelling first ("Bà Rịa - Vũng Tàu" is one mention).
std::vector<ProvinceMention> FindProvinces(std::string_view text);

// The province whose domain slug occurs in a domain name, or null.
const Province* ProvinceOfDomain(std::string_view domain);

// The province of an outlet abbreviation such as "QTO", or null.
const Province* ProvinceOfOutlet(std::string_view abbreviation);

// The province with this canonical name (tone placement and case ignored).
const Province* ProvinceByName(std::string_view name);

}  // namespace bantin

#endif  // BANTIN_TEXT_GAZETTEER_H_
