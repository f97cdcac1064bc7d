// Internal to html/: a page's bytes in the encoding it declares, as UTF-8.
// Pages of Vietnamese sites come as UTF-8 mostly, but older ones declare
// windows-1258 (tone marks as combining characters) or windows-1252, and
// some tools save UTF-16 with a byte-order mark.
#ifndef BANTIN_HTML_CHARSET_H_
#define BANTIN_HTML_CHARSET_H_

#include <optional>
#include <string>
#include <string_view>

namespace bantin {

// The page as UTF-8 when it needs decoding: a UTF-16 byte-order mark
// (little or big endian), or an HTML <meta charset> / http-equiv
// Content-Type naming windows-1258, windows-1252, iso-8859-1 or utf-16 in
// its first 4 KB — declared charsets are believed only when the bytes are
// not valid UTF-8 already, since many pages declare one thing and are
// another. `charset` names what was decoded. nullopt: use the bytes as they
// are (UTF-8, repaired later where invalid). Linear in the input.
std::optional<std::string> DecodeToUtf8(std::string_view raw, std::string* charset);

}  // namespace bantin

#endif  // BANTIN_HTML_CHARSET_H_
