#include "bantin/html/html_text.h"

#include <gumbo.h>

#include <cstdlib>
#include <unordered_set>
#include <utility>
#include <vector>

namespace bantin {
namespace {

constexpr int kMaxRecordedErrors = 16;

// Elements whose content is never article text.
bool IsDropped(GumboTag tag) {
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

// Line breaks an element puts around its content: 2 = its own paragraph,
// 1 = its own line, 0 = inline.
int BreaksAround(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
      return 2;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TIME:
      return 1;
    default:
      return 0;
  }
}

// Every block gumbo holds, so the tree can be released without
// gumbo_destroy_output, whose recursion over the tree would overflow the
// stack on adversarially deep markup.
class TrackedHeap {
 public:
  ~TrackedHeap() {
    for (void* p : live_) std::free(p);
  }
  static void* Allocate(void* self, size_t size) {
    void* p = std::malloc(size);
    if (p) static_cast<TrackedHeap*>(self)->live_.insert(p);
    return p;
  }
  static void Deallocate(void* self, void* p) {
    if (p && static_cast<TrackedHeap*>(self)->live_.erase(p)) std::free(p);
  }

 private:
  std::unordered_set<void*> live_;
};

class TextBuilder {
 public:
  // Ends the current line and makes sure `breaks` line ends precede what comes.
  void Break(int breaks) {
    if (breaks == 0 || out_.empty()) return;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    int have = 0;
    for (size_t i = out_.size(); i > 0 && out_[i - 1] == '\n' && have < 2; --i) ++have;
    for (; have < breaks; ++have) out_.push_back('\n');
  }
  // Appends a text node; white space inside it is not a line break in HTML.
  void Text(const char* text) {
    for (const char* p = text; *p; ++p) {
      const char c = *p;
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
      if (space) {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_.push_back(' ');
      } else {
        out_.push_back(c);
      }
    }
  }
  std::string Take() {
    Break(1);
    return std::move(out_);
  }

 private:
  std::string out_;
};

}  // namespace

bool LooksLikeHtml(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\n' || raw[i] == '\r' || raw[i] == '\t')) ++i;
  if (raw.substr(i, 3) == "\xEF\xBB\xBF") i += 3;  // BOM
  if (i >= raw.size() || raw[i] != '<') return false;
  std::string head(raw.substr(i, 4096));
  for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* tag :
       {"<!doctype html", "<html", "<head", "<body", "<meta", "<div", "<p>", "<p ", "<article", "<h1", "<title"})
    if (head.find(tag) != std::string::npos) return true;
  return false;
}

HtmlText HtmlToText(std::string_view html) {
  HtmlText result;
  // gumbo copies the open-element stack into every parse error it records:
  // unbounded, malformed nesting would cost quadratic memory.
  TrackedHeap heap;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxRecordedErrors;
  options.allocator = &TrackedHeap::Allocate;
  options.deallocator = &TrackedHeap::Deallocate;
  options.userdata = &heap;
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  TextBuilder text;
  // Iterative walk: (node, next child index). Deeply nested markup cannot
  // overflow the call stack.
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{output->root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      text.Text(node->v.text.text);
      stack.pop_back();
      continue;
    }
    if (node->type == GUMBO_NODE_WHITESPACE) {
      text.Text(" ");
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const bool element = node->type != GUMBO_NODE_DOCUMENT;
    const GumboTag tag = element ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
    const GumboVector& children = element ? node->v.element.children : node->v.document.children;
    if (next == 0) {
      if (element && IsDropped(tag)) {
        ++result.dropped_elements;
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_BR) {
        text.Break(1);
        stack.pop_back();
        continue;
      }
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) text.Text(" ");
      text.Break(BreaksAround(tag));
    }
    if (next < children.length) {
      const GumboNode* child = static_cast<const GumboNode*>(children.data[next++]);
      stack.emplace_back(child, 0);
      continue;
    }
    text.Break(BreaksAround(tag));
    stack.pop_back();
  }
  // The tree is released with `heap`, not by gumbo (see TrackedHeap).
  result.text = text.Take();
  return result;
}

}  // namespace bantin
