// Internal to html/: one page parsed by gumbo, held for the walks that read
// it (its text, its cues), so a page is parsed once. The tree's blocks are
// tracked and freed together: gumbo_destroy_output recurses over the tree
// and would overflow the stack on adversarially deep markup.
#ifndef BANTIN_HTML_HTML_TREE_H_
#define BANTIN_HTML_HTML_TREE_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <unordered_set>

namespace bantin {

class HtmlTree {
 public:
  // `html` must be valid UTF-8 and outlive the tree.
  explicit HtmlTree(std::string_view html);
  ~HtmlTree();
  HtmlTree(const HtmlTree&) = delete;
  HtmlTree& operator=(const HtmlTree&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  static void* Allocate(void* self, size_t size);
  static void Deallocate(void* self, void* p);

  std::unordered_set<void*> live_;
  GumboOutput* output_ = nullptr;
};

// The value of an attribute, "" when absent.
std::string_view Attribute(const GumboNode* element, const char* name);
// The text of a subtree, white space collapsed (iterative; scripts and styles skipped).
std::string TextOf(const GumboNode* node);

}  // namespace bantin

#endif  // BANTIN_HTML_HTML_TREE_H_
