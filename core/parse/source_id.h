// Source ids: one id per publisher, whatever names it.
//
// The id is the publisher's registrable domain when one is known (a URL
// hint, the canonical link, a domain in the page's header or footer, a
// known outlet's domain): "https://www.baodaknong.vn/x.html",
// "baodaknong.vn" and "BaoDakNong.vn" are all "baodaknong.vn", and
// "sotttt.daknong.gov.vn" is "daknong.gov.vn". Otherwise it is the slug of
// the publisher's name ("Báo Đắk Nông" → "bao-dak-nong"), cut to
// kMaxSourceIdBytes. A page that names no publisher at all has the id
// "unknown": a province is not a publisher (its name and province are kept
// beside the id, in Source). A caller's id (ParseHints::source_id) wins and
// goes through the same rule.
#ifndef BANTIN_PARSE_SOURCE_ID_H_
#define BANTIN_PARSE_SOURCE_ID_H_

#include <string>
#include <string_view>

namespace bantin {

inline constexpr size_t kMaxSourceIdBytes = 64;
inline constexpr char kUnknownSource[] = "unknown";

// The registrable domain of a host name ("a.b.gov.vn" → "b.gov.vn",
// "www.nhandan.vn" → "nhandan.vn"), lower-cased; "" when `host` is not one.
std::string RegistrableDomain(std::string_view host);

// A given id (a domain, a URL or a name) in canonical form; "" for "".
std::string CanonicalSourceId(std::string_view given);

}  // namespace bantin

#endif  // BANTIN_PARSE_SOURCE_ID_H_
