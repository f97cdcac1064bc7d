// Internal to html/: one page parsed by gumbo, held for the walks that read
// it (its text, its cues), so a page is parsed once. gumbo allocates from
// an arena the tree owns and everything is freed at once:
// gumbo_destroy_output recurses over the tree and would overflow the stack
// on adversarially deep markup, and a per-block allocator costs a sixth of
// the parse. What gumbo frees early (grown string buffers) is reclaimed with
// the tree, so the arena stays a small multiple of the page.
#ifndef BANTIN_HTML_HTML_TREE_H_
#define BANTIN_HTML_HTML_TREE_H_

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bantin {

class HtmlTree {
 public:
  // `html` must be valid UTF-8. The bodies of scripts and styles (but JSON-LD)
  // are left out before gumbo reads the page: they are most of a news page's
  // bytes, and nothing reads them. So are tags nested too deep.
  explicit HtmlTree(std::string_view html);
  ~HtmlTree();
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;

  const GumboNode* root() const { return output_->root; }
  // Tags left out because they nested too deep (nesting_limit.h).
  size_t tags_too_deep() const { return tags_too_deep_; }

 private:
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* self, void* p);
  void* Take(size_t size);

  std::vector<std::unique_ptr<char[]>> chunks_;  // the arena's blocks
  char* next_ = nullptr;                         // free space in the last chunk
  size_t left_ = 0;
  std::string html_;  // what gumbo parsed; its nodes point into it
  GumboOutput* output_ = nullptr;
  size_t tags_too_deep_ = 0;
};

// The value of an attribute, "" when absent.
std::string_view Attribute(const GumboNode* element, const char* name);

// Elements whose content is never article text (scripts, styles, head,
// embedded objects, form controls): every walk of the tree skips them.
bool IsNeverText(GumboTag tag);

// Whether an element's inline style declares `declaration`, written lower
// case without spaces ("display:none"): the style is compared the same way,
// so "Display : None" declares it.
bool StyleHas(const GumboNode* element, std::string_view declaration);

// An element the page does not show, as Reader View judges it: the `hidden`
// attribute, aria-hidden="true", or an inline style with display:none or
// visibility:hidden. Its text is neither page text nor a cue (a hidden
// "<h1>Mobile</h1>" is no headline). Stylesheets are not read.
bool IsHidden(const GumboNode* element);
// The text of a subtree, white space collapsed (iterative; scripts and styles skipped).
std::string TextOf(const GumboNode* node);

}  // namespace bantin

#endif  // BANTIN_HTML_HTML_TREE_H_
