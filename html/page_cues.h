// Internal to html/: what a page's markup says of its article besides its
// text (core's PageCues): JSON-LD NewsArticle/Article (headline,
// datePublished, author, publisher), Open Graph and article:* meta, the
// author meta, <title> without its site-name suffix, the canonical link,
// <h1>, itemprop headline/author/datePublished, rel=author, <time
// datetime>, <figcaption> texts and captions set beside images
// (image_captions.h), and the texts of long links (teasers). Elements the
// page hides (html_tree.h IsHidden) give none. One walk over the tree for
// the cues and two for the captions, iterative; every string and list is
// bounded.
#ifndef BANTIN_HTML_PAGE_CUES_H_
#define BANTIN_HTML_PAGE_CUES_H_

#include "bantin/parse/parser.h"
#include "html_tree.h"

namespace bantin {

PageCues ReadPageCues(const HtmlTree& tree);

}  // namespace bantin

#endif  // BANTIN_HTML_PAGE_CUES_H_
