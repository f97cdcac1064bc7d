// Internal to html/: captions the markup sets beside pictures without a
// <figcaption> (page_cues reads those):
//   - the text after an image and its line break in the same block,
//     "<img><br>Caption<br><br><img><br>Caption" (one caption per image);
//   - a block right after an image-only block, when all its text is
//     emphasised (<em>, <i>, an italic style) or its class names a caption:
//     "<div><img></div><div><em>Caption</em></div>".
// Text in a photo gallery's plain paragraphs after each picture is article
// text, not a caption: it is neither run on after the image nor emphasised.
// Two walks over the tree (marks per subtree, then each element's
// children), iterative and linear however elements nest.
#ifndef BANTIN_HTML_IMAGE_CAPTIONS_H_
#define BANTIN_HTML_IMAGE_CAPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "html_tree.h"

namespace bantin {

// Appends the captions found, in page order, until `captions` holds `max`.
void AddImageCaptions(const GumboNode* root, std::vector<std::string>& captions, size_t max);

}  // namespace bantin

#endif  // BANTIN_HTML_IMAGE_CAPTIONS_H_
