#include "tree_text.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bantin {
namespace {

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

// Words of a class or id that mark a subtree as furniture around the article,
// in the vocabulary of Vietnamese and international CMSs. Matched against
// each hyphen- or underscore-separated word of each class and of the id
// ("box-tinlienquan" → "box", "tinlienquan"). Bylines ("author") and the
// article itself are never on the list; header and footer are kept for the
// publisher's own lines (name, owner, address).
bool IsFurnitureWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "related",   "relate",        "lienquan", "tinlienquan", "tinkhac",    "tinmoi",      "docnhieu",
      "xemnhieu",  "comment",       "comments", "binhluan",    "share",      "sharing",     "social",
      "sidebar",   "advertisement", "advert",   "ads",         "quangcao",   "banner",      "popup",
      "modal",     "menu",          "navbar",   "navigation",  "breadcrumb", "breadcrumbs", "newsletter",
      "recommend", "recommended",   "suggest",  "trending",    "mostread",   "cookie"};
  for (std::string_view k : kWords)
    if (w == k) return true;
  return false;
}

bool HasFurnitureWord(std::string_view value) {
  std::string word;
  for (size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n') {
      if (!word.empty() && IsFurnitureWord(word)) return true;
      word.clear();
    } else {
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
  }
  return false;
}

// How a subtree's text is made: in paragraphs, in links.
struct Shape {
  size_t text = 0, linked = 0, prose = 0;
};
// Below this much paragraph text a marked subtree is furniture.
constexpr size_t kArticleProse = 500;

// Marked as furniture by its element or the words of its class or id.
bool IsMarked(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN) return false;
  // The Wayback Machine's toolbar over an archived copy ("wm-ipp-base").
  const bool archive_toolbar = Attribute(node, "id").substr(0, 6) == "wm-ipp";
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || archive_toolbar ||
         HasFurnitureWord(Attribute(node, "class")) || HasFurnitureWord(Attribute(node, "id"));
}

// The shapes of every marked element, in one post-order walk of the tree:
// linear in the page, however marked elements nest.
std::unordered_map<const GumboNode*, Shape> MarkedShapes(const GumboNode* root) {
  std::unordered_map<const GumboNode*, Shape> shapes;
  struct Frame {
    const GumboNode* node;
    unsigned next;
    bool in_link, in_p;
    Shape shape;
  };
  std::vector<Frame> stack{{root, 0, false, false, {}}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* n = f.node;
    const bool element = n->type == GUMBO_NODE_ELEMENT;
    const GumboVector* children = element                          ? &n->v.element.children
                                  : n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                                                   : nullptr;
    if (children && f.next < children->length && !(element && (IsNeverText(n->v.element.tag) || IsHidden(n)))) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[f.next++]);
      const bool link = f.in_link || (element && n->v.element.tag == GUMBO_TAG_A);
      const bool p = f.in_p || (element && n->v.element.tag == GUMBO_TAG_P);
      if (child->type == GUMBO_NODE_TEXT) {
        const size_t len = std::string_view(child->v.text.text).size();
        f.shape.text += len;
        if (link) f.shape.linked += len;
        if (p && !link) f.shape.prose += len;
      } else if (child->type == GUMBO_NODE_ELEMENT) {
        stack.push_back({child, 0, link, p, {}});
      }
      continue;
    }
    const Shape done = f.shape;
    if (element && IsMarked(n)) shapes[n] = done;
    stack.pop_back();
    if (!stack.empty()) {
      Shape& up = stack.back().shape;
      up.text += done.text, up.linked += done.linked, up.prose += done.prose;
    }
  }
  return shapes;
}

// An inline element a CMS uses for a lead's dateline: "location-stamp",
// "dateline".
bool IsStamp(const GumboNode* node) {
  const std::string_view c = Attribute(node, "class");
  return c.find("location") != std::string_view::npos || c.find("dateline") != std::string_view::npos;
}

// A subtree that is page furniture, dropped whole: marked so by its element
// or by the words of its class or id, and shaped so — mostly links, or
// little paragraph text. A column that holds the article's paragraphs is
// kept whatever its class says (layouts name their columns "sidebar-1").
bool IsBoilerplateContainer(const GumboNode* node, const std::unordered_map<const GumboNode*, Shape>& shapes) {
  const auto it = shapes.find(node);
  if (it == shapes.end()) return false;
  const Shape& shape = it->second;
  return shape.prose < kArticleProse || shape.linked * 2 > shape.text;
}

}  // namespace

HtmlText TreeText(const HtmlTree& tree) {
  HtmlText result;
  const std::unordered_map<const GumboNode*, Shape> shapes = MarkedShapes(tree.root());
  TextBuilder text;
  // Iterative walk: (node, next child index). Deeply nested markup cannot
  // overflow the call stack.
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{tree.root(), 0}};
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
      if (element && (IsNeverText(tag) || IsHidden(node) || IsBoilerplateContainer(node, shapes))) {
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
    // A dateline stamp set apart by the stylesheet ("TP HCM" before the
    // sapo) is a word of its own.
    if (element && IsStamp(node)) text.Text(" ");
    stack.pop_back();
  }
  result.text = text.Take();
  return result;
}

}  // namespace bantin
