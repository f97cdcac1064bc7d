#include "html_tree.h"

#include <utility>
#include <vector>

#include "nesting_limit.h"

namespace bantin {
namespace {

// gumbo copies the open-element stack into every parse error it records:
// unbounded, malformed nesting would cost quadratic memory.
constexpr int kMaxRecordedErrors = 16;
// The arena grows by chunks of this many bytes.
constexpr size_t kChunk = 64 << 10;

bool StartsWithNoCase(std::string_view s, size_t at, std::string_view word) {
  if (s.size() - at < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[i]) return false;
  }
  return true;
}

size_t FindNoCase(std::string_view s, size_t from, std::string_view word) {
  for (size_t at = s.find('<', from); at != std::string_view::npos; at = s.find('<', at + 1))
    if (StartsWithNoCase(s, at, word)) return at;
  return std::string_view::npos;
}

// The page without the bodies of <script> and <style> elements, except
// scripts of type application/ld+json. Their bodies end at the first
// "</script" or "</style" (the HTML tokenizer's own rule); comments are
// copied as they are, so a script inside one is not mistaken for a real one.
std::string WithoutScriptBodies(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t copied = 0, at = 0;
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      const size_t end = html.find("-->", at + 4);
      at = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool script = StartsWithNoCase(html, at, "<script"), style = StartsWithNoCase(html, at, "<style");
    if (!script && !style) {
      ++at;
      continue;
    }
    const size_t tag_end = html.find('>', at);
    if (tag_end == std::string_view::npos) break;
    const std::string_view tag = html.substr(at, tag_end - at);
    if (script && tag.find("ld+json") != std::string_view::npos) {
      at = tag_end + 1;
      continue;
    }
    const size_t close = FindNoCase(html, tag_end + 1, script ? "</script" : "</style");
    if (close == std::string_view::npos) break;
    out.append(html, copied, tag_end + 1 - copied);
    copied = at = close;
  }
  out.append(html, copied, std::string_view::npos);
  return out;
}

}  // namespace

HtmlTree::HtmlTree(std::string_view page) : html_(WithoutScriptBodies(page)) {
  tags_too_deep_ = LimitNesting(html_);
  const std::string_view html = html_;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxRecordedErrors;
  options.allocator = &HtmlTree::Allocate;
  options.deallocator = &HtmlTree::Deallocate;
  options.userdata = this;
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
}

HtmlTree::~HtmlTree() = default;  // the arena's chunks hold every block

void* HtmlTree::Take(size_t size) {
  size = (size + 15) & ~size_t{15};  // gumbo's blocks hold pointers and size_t
  if (size > kChunk / 4) {           // a large block gets a chunk of its own
    chunks_.emplace_back(new char[size]);
    return chunks_.back().get();
  }
  if (size > left_) {
    chunks_.emplace_back(new char[kChunk]);
    next_ = chunks_.back().get();
    left_ = kChunk;
  }
  void* p = next_;
  next_ += size;
  left_ -= size;
  return p;
}

void* HtmlTree::Allocate(void* self, size_t size) { return static_cast<HtmlTree*>(self)->Take(size); }

void HtmlTree::Deallocate(void*, void*) {}  // reclaimed with the tree

std::string_view Attribute(const GumboNode* element, const char* name) {
  if (element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool IsNeverText(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

bool StyleHas(const GumboNode* element, std::string_view declaration) {
  // Matched in place, skipping white space and folding ASCII case: every
  // walk asks this of every styled element, so nothing is copied.
  const std::string_view style = Attribute(element, "style");
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t start = 0; start < style.size(); ++start) {
    if (blank(style[start])) continue;
    size_t at = start, matched = 0;
    while (matched < declaration.size() && at < style.size()) {
      if (blank(style[at])) {
        ++at;
        continue;
      }
      if (lower(style[at]) != declaration[matched]) break;
      ++at, ++matched;
    }
    if (matched == declaration.size()) return true;
  }
  return false;
}

bool IsHidden(const GumboNode* element) {
  if (element->type != GUMBO_NODE_ELEMENT) return false;
  if (gumbo_get_attribute(&element->v.element.attributes, "hidden") != nullptr) return true;
  if (Attribute(element, "aria-hidden") == "true") return true;
  return StyleHas(element, "display:none") || StyleHas(element, "visibility:hidden");
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      for (const char* p = n->v.text.text; *p; ++p) {
        const bool space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == '\f';
        if (!space)
          out.push_back(*p);
        else if (!out.empty() && out.back() != ' ')
          out.push_back(' ');
      }
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) continue;
    if (tag == GUMBO_TAG_BR && !out.empty() && out.back() != ' ') out.push_back(' ');
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace bantin
