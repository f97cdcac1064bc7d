#include "bantin/html/document.h"

#include "bantin/html/html_text.h"
#include "bantin/utf8.h"
#include "html_tree.h"
#include "page_cues.h"
#include "tree_text.h"

namespace bantin {

Bulletin Parse(std::string_view raw, const ParseHints& hints) {
  if (!LooksLikeHtml(raw)) return ParseText(raw, hints);
  // gumbo wants valid UTF-8; core counts and reports the repairs itself, so
  // the sanitised copy is parsed only for the tree.
  SanitizeStats stats;
  const std::string clean = SanitizeUtf8(raw, &stats);
  const HtmlTree tree(clean);
  const HtmlText text = TreeText(tree);
  Bulletin b = ParseText(text.text, hints, ReadPageCues(tree));
  std::string note = "input is HTML: reduced to text with an HTML5 parser";
  if (text.dropped_elements)
    note += " (" + std::to_string(text.dropped_elements) + " non-text or page-furniture elements dropped)";
  note += "; line spans refer to the reduced text";
  b.warnings.insert(b.warnings.begin(), note);
  if (stats.invalid_sequences)
    b.warnings.push_back("input is not valid UTF-8: " + std::to_string(stats.invalid_sequences) +
                         " invalid byte sequence(s) replaced by U+FFFD");
  return b;
}

std::string PageText(std::string_view raw) {
  std::string text = LooksLikeHtml(raw) ? HtmlToText(SanitizeUtf8(raw, nullptr)).text : std::string(raw);
  // Character references can decode to control characters: clean those too.
  return IsCleanUtf8(text) ? text : SanitizeUtf8(text, nullptr);
}

}  // namespace bantin
