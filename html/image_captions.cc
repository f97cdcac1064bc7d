#include "image_captions.h"

#include <string_view>
#include <unordered_map>
#include <utility>

namespace bantin {
namespace {

// A caption is a line of text, not an article: longer runs are prose.
constexpr size_t kMaxCaptionBytes = 1200;

struct Marks {
  bool image = false;       // an <img> within
  bool text = false;        // visible text within
  bool emphasised = false;  // all of that text inside <em>, <i> or an italic style
};

const GumboVector* ChildrenOf(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

bool IsSkipped(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT && (IsNeverText(n->v.element.tag) || IsHidden(n));
}

bool IsInline(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) return true;
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  switch (n->v.element.tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
      return true;
    default:
      return false;
  }
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsItalic(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT) return false;
  const GumboTag t = n->v.element.tag;
  return t == GUMBO_TAG_EM || t == GUMBO_TAG_I || StyleHas(n, "font-style:italic");
}

// A class that names a caption ("PhotoCMS_Caption", "image-caption",
// "chu-thich").
bool ClassNamesCaption(const GumboNode* n) {
  const std::string_view c = Attribute(n, "class");
  return Contains(c, "caption") || Contains(c, "Caption") || Contains(c, "chu-thich") || Contains(c, "chuthich");
}

// Set as a caption: a class that says so, or centred under its picture.
bool SetAsCaption(const GumboNode* n) {
  const std::string_view align = Attribute(n, "align");
  return ClassNamesCaption(n) || align == "center" || align == "CENTER" || StyleHas(n, "text-align:center");
}

bool HasVisibleText(const GumboNode* n) {
  for (const char* p = n->v.text.text; *p; ++p)
    if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t' && *p != '\f') return true;
  return false;
}

// Marks of every element, children before parents (one post-order walk).
std::unordered_map<const GumboNode*, Marks> MarkSubtrees(const GumboNode* root) {
  std::unordered_map<const GumboNode*, Marks> marks;
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    const GumboVector* children = ChildrenOf(node);
    if (children && next < children->length) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[next++]);
      if (!IsSkipped(child)) stack.push_back({child, 0});
      continue;
    }
    Marks m;
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_IMG) m.image = true;
    bool all_emphasised = true;
    for (unsigned i = 0; children && i < children->length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[i]);
      if (IsSkipped(child)) continue;
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        if (HasVisibleText(child)) m.text = true, all_emphasised = false;
        continue;
      }
      const auto it = marks.find(child);
      if (it == marks.end()) continue;
      m.image |= it->second.image;
      if (it->second.text) m.text = true, all_emphasised &= it->second.emphasised;
    }
    m.emphasised = m.text && (all_emphasised || IsItalic(node));
    if (m.image || m.text) marks[node] = m;
    stack.pop_back();
  }
  return marks;
}

}  // namespace

void AddImageCaptions(const GumboNode* root, std::vector<std::string>& captions, size_t max) {
  const std::unordered_map<const GumboNode*, Marks> marks = MarkSubtrees(root);
  const auto marks_of = [&](const GumboNode* n) {
    const auto it = marks.find(n);
    return it == marks.end() ? Marks{} : it->second;
  };
  const auto add = [&](const std::string& text) {
    const size_t begin = text.find_first_not_of(' ');
    if (begin == std::string::npos) return;
    const size_t end = text.find_last_not_of(' ') + 1;
    if (end - begin <= kMaxCaptionBytes && captions.size() < max) captions.push_back(text.substr(begin, end - begin));
  };
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = ChildrenOf(node);
    if (!children || IsSkipped(node)) continue;
    bool after_image = false;  // an image came last, and no caption after it yet
    std::string run;           // text run on after that image
    for (unsigned i = 0; i < children->length; ++i) {
      const GumboNode* child = static_cast<const GumboNode*>(children->data[i]);
      if (IsSkipped(child)) continue;
      const Marks m = child->type == GUMBO_NODE_ELEMENT ? marks_of(child) : Marks{};
      // A block whose class names it a caption, with text and no picture
      // of its own, is one wherever it stands: the picture or video it
      // describes may sit in a sibling, a parent, or load by script.
      if (!after_image && m.text && !m.image && !IsInline(child) && ClassNamesCaption(child)) {
        add(TextOf(child));
        continue;
      }
      if (m.image && !m.text) {  // an image, bare or wrapped (<a><img></a>)
        if (after_image) add(run);
        run.clear();
        after_image = true;
        continue;
      }
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BR) {
        if (after_image && run.find_first_not_of(' ') != std::string::npos) {
          add(run);
          run.clear();
          after_image = false;
        }
        continue;
      }
      if (!after_image) continue;
      // An empty block between a picture and its caption (a spacer, or a
      // caption element the HTML5 parser closed before its text) neither
      // ends the run nor is one.
      if (child->type == GUMBO_NODE_ELEMENT && !m.text && !m.image && !IsInline(child)) continue;
      if (IsInline(child)) {
        if (child->type == GUMBO_NODE_ELEMENT && m.image) {  // text and another image: not a caption run
          after_image = false;
          run.clear();
          continue;
        }
        // Past a caption's length the run is prose: it is read no further.
        if (run.size() <= kMaxCaptionBytes) {
          run += ' ';
          run += TextOf(child);
        }
        continue;
      }
      // A block after the image: a caption when set as one.
      if (run.find_first_not_of(' ') == std::string::npos && m.text && !m.image &&
          (m.emphasised || SetAsCaption(child)))
        add(TextOf(child));
      else
        add(run);
      run.clear();
      after_image = false;
    }
    if (after_image) add(run);
    for (unsigned i = children->length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
  }
}

}  // namespace bantin
