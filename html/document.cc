#include "bantin/html/document.h"

#include <optional>

#include "bantin/html/html_text.h"
#include "bantin/parse/identity.h"
#include "bantin/utf8.h"
#include "charset.h"
#include "html_tree.h"
#include "nesting_limit.h"
#include "page_cues.h"
#include "tree_text.h"

namespace bantin {

namespace {

// Pages in another encoding, decoded to UTF-8 the same way for parsing and
// for PageText, so line spans index the same text.
std::string_view Decoded(std::string_view raw, std::string* storage, std::string* charset) {
  std::optional<std::string> utf8 = DecodeToUtf8(raw, charset);
  if (!utf8) return raw;
  *storage = std::move(*utf8);
  return *storage;
}

}  // namespace

Bulletin Parse(std::string_view bytes, const ParseHints& hints) {
  std::string storage, charset;
  const std::string_view raw = Decoded(bytes, &storage, &charset);
  if (!LooksLikeHtml(raw)) {
    Bulletin b = ParseText(raw, hints);
    b.id = PageId(bytes, b.source.id);  // the page as fetched, before decoding
    if (!charset.empty())
      b.warnings.insert(b.warnings.begin(), "input decoded from " + charset + "; line spans refer to the decoded text");
    return b;
  }
  // gumbo wants valid UTF-8; core counts and reports the repairs itself, so
  // the sanitised copy is parsed only for the tree.
  SanitizeStats stats;
  const std::string clean = SanitizeUtf8(raw, &stats);
  const HtmlTree tree(clean);
  const HtmlText text = TreeText(tree);
  Bulletin b = ParseText(text.text, hints, ReadPageCues(tree));
  b.id = PageId(bytes, b.source.id);  // the page as fetched, not its reduced text
  std::string note = "input is HTML: reduced to text with an HTML5 parser";
  if (text.dropped_elements)
    note += " (" + std::to_string(text.dropped_elements) + " non-text or page-furniture elements dropped)";
  if (!charset.empty()) note += ", decoded from " + charset;
  note += "; line spans refer to the reduced text";
  b.warnings.insert(b.warnings.begin(), note);
  if (tree.tags_too_deep())
    b.warnings.push_back("markup nested deeper than " + std::to_string(kMaxHtmlDepth) +
                         " elements: " + std::to_string(tree.tags_too_deep()) + " tags below that depth ignored");
  if (stats.invalid_sequences)
    b.warnings.push_back("input is not valid UTF-8: " + std::to_string(stats.invalid_sequences) +
                         " invalid byte sequence(s) replaced by U+FFFD");
  return b;
}

std::string PageText(std::string_view bytes) {
  std::string storage, charset;
  const std::string_view raw = Decoded(bytes, &storage, &charset);
  std::string text = LooksLikeHtml(raw) ? HtmlToText(SanitizeUtf8(raw, nullptr)).text : std::string(raw);
  // Character references can decode to control characters: clean those too.
  return IsCleanUtf8(text) ? text : SanitizeUtf8(text, nullptr);
}

}  // namespace bantin
