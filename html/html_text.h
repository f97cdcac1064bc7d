// HTML pages as a crawler fetched them, reduced to the text lines the parser
// reads: a real HTML5 parser (gumbo) builds the tree, script/style and other
// non-text elements are dropped, and so is page furniture (navigation,
// related boxes, share bars: tree_text.h), block elements start new lines
// and paragraphs are separated by a blank line, as in a text dump of the
// page.
#ifndef BANTIN_HTML_HTML_TEXT_H_
#define BANTIN_HTML_HTML_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bantin {

// True when the bytes are an HTML document or fragment rather than text:
// they open with a tag and contain a document-level or block-level tag.
bool LooksLikeHtml(std::string_view raw);

struct HtmlText {
  std::string text;             // UTF-8, one block per line
  size_t dropped_elements = 0;  // script, style, noscript, svg, ... and furniture subtrees
};

// Never fails (gumbo recovers from any markup). Our walks are linear in the
// tree; gumbo's own tree building grows faster than linearly on markup
// nested tens of thousands deep.
HtmlText HtmlToText(std::string_view html);

}  // namespace bantin

#endif  // BANTIN_HTML_HTML_TEXT_H_
