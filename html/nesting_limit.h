// Internal to html/: markup nested past a depth is flattened before gumbo
// reads it. gumbo checks the stack of open elements for every start tag,
// so a page of 100,000 nested <div>s costs it time quadratic in the depth
// (seconds at 30,000, minutes past 100,000); no news page nests more than
// a few dozen elements. Start and end tags deeper than the limit are left
// out; the text between them stays where it was. Void elements and those
// whose end tag is optional (p, li, td, …) do not count: sloppy pages leave
// them open by the hundred. One linear scan; a page within the limit is
// not copied.
#ifndef BANTIN_HTML_NESTING_LIMIT_H_
#define BANTIN_HTML_NESTING_LIMIT_H_

#include <cstddef>
#include <string>

namespace bantin {

inline constexpr size_t kMaxHtmlDepth = 512;

// Rewrites `html` in place when its tags nest deeper than `max_depth`;
// returns how many tags were left out (0: unchanged).
size_t LimitNesting(std::string& html, size_t max_depth = kMaxHtmlDepth);

}  // namespace bantin

#endif  // BANTIN_HTML_NESTING_LIMIT_H_
