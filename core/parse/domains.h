// Domain names in the lines of a page: an outlet's address in its header
// or footer, the site of a URL hint.
#ifndef BANTIN_PARSE_DOMAINS_H_
#define BANTIN_PARSE_DOMAINS_H_

#include <string>
#include <string_view>

#include "lines.h"

namespace bantin {

// The first domain name in a text ("www.soctrang.gov.vn" → "soctrang.gov.vn",
// an e-mail's domain included), lower-cased, or "".
std::string FindDomain(std::string_view text);

// The line is nothing but a domain or URL.
bool IsDomainLine(const Line& line);

}  // namespace bantin

#endif  // BANTIN_PARSE_DOMAINS_H_
