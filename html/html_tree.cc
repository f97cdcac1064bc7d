#include "html_tree.h"

#include <cstdlib>
#include <utility>
#include <vector>

namespace bantin {
namespace {

// gumbo copies the open-element stack into every parse error it records:
// unbounded, malformed nesting would cost quadratic memory.
constexpr int kMaxRecordedErrors = 16;

}  // namespace

HtmlTree::HtmlTree(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxRecordedErrors;
  options.allocator = &HtmlTree::Allocate;
  options.deallocator = &HtmlTree::Deallocate;
  options.userdata = this;
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
}

HtmlTree::~HtmlTree() {
  for (void* p : live_) std::free(p);
}

void* HtmlTree::Allocate(void* self, size_t size) {
  void* p = std::malloc(size);
  if (p) static_cast<HtmlTree*>(self)->live_.insert(p);
  return p;
}

void HtmlTree::Deallocate(void* self, void* p) {
  if (p && static_cast<HtmlTree*>(self)->live_.erase(p)) std::free(p);
}

std::string_view Attribute(const GumboNode* element, const char* name) {
  if (element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
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
