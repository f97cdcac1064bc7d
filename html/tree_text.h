// Internal to html/: a parsed page reduced to the text lines the parser
// reads (HtmlToText in html_text.h is this over a fresh tree).
#ifndef BANTIN_HTML_TREE_TEXT_H_
#define BANTIN_HTML_TREE_TEXT_H_

#include "bantin/html/html_text.h"
#include "html_tree.h"

namespace bantin {

// Script, style and other non-text elements are dropped, and so are whole
// subtrees that are page furniture by their element (nav, aside) or by the
// words of their class and id (related-article boxes, comments, share bars,
// sidebars, menus, ads: see IsBoilerplateContainer in tree_text.cc). Block
// elements start new lines; paragraphs are set apart by a blank line.
// Iterative: deep markup cannot overflow the stack.
HtmlText TreeText(const HtmlTree& tree);

}  // namespace bantin

#endif  // BANTIN_HTML_TREE_TEXT_H_
