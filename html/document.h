// The one entry point for a page as a crawler hands it over, of any kind:
// text dumps go straight to the parser's text front end (ParseText in
// bantin/parse/parser.h); HTML is first reduced to text lines (html_text.h).
// For HTML input the bulletin's line spans index that reduced text, and a
// warning says so. Pages in windows-1258, windows-1252 or UTF-16 (a BOM, or
// a declared charset where the bytes are not UTF-8) are decoded first.
#ifndef BANTIN_HTML_DOCUMENT_H_
#define BANTIN_HTML_DOCUMENT_H_

#include <string>
#include <string_view>

#include "bantin/bulletin.h"
#include "bantin/parse/parser.h"

namespace bantin {

// Never fails; linear in the input but for gumbo on deeply nested markup
// (html_text.h).
Bulletin Parse(std::string_view bytes, const ParseHints& hints = {});

// The text a bulletin's line spans index: the page itself for a text dump,
// the reduced text for HTML. What a viewer shows as "the raw page". Always
// valid UTF-8 without control characters other than tab and line breaks:
// in the rare page that is not, invalid bytes become U+FFFD, controls are
// dropped, and the spans after them are off by the difference.
std::string PageText(std::string_view raw);

}  // namespace bantin

#endif  // BANTIN_HTML_DOCUMENT_H_
