#include "nesting_limit.h"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace bantin {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// Elements that never hold children, or whose end tag may be left out.
bool CountsForDepth(const std::string& name) {
  static constexpr const char* kFlat[] = {"area", "base", "br",    "col",    "embed", "hr",      "img",      "input",
                                          "link", "meta", "param", "source", "track", "wbr",     "p",        "li",
                                          "dt",   "dd",   "tr",    "td",     "th",    "option",  "optgroup", "rb",
                                          "rt",   "rp",   "tbody", "thead",  "tfoot", "colgroup"};
  for (const char* f : kFlat)
    if (name == f) return false;
  return true;
}

// Elements whose content is text up to their own end tag.
bool IsRawText(const std::string& name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
         name == "iframe" || name == "noembed" || name == "noframes" || name == "plaintext";
}

size_t FindNoCase(std::string_view s, size_t from, std::string_view needle) {
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1))
    if (s.size() - i >= needle.size() && Lower(s.substr(i, needle.size())) == needle) return i;
  return std::string_view::npos;
}

// The '>' ending a tag whose name ends at `i`, past quoted attribute values.
size_t TagEnd(std::string_view s, size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i;
    }
  }
  return std::string_view::npos;
}

// One pass over `html`: the deepest nesting when `out` is null, else the
// tags within `max_depth` copied to `out` with the text. Returns the depth
// reached, or the tags left out.
size_t Scan(std::string_view html, size_t max_depth, std::string* out) {
  size_t depth = 0, deepest = 0, dropped = 0, copied = 0, at = 0;
  const auto skip_tag = [&](size_t begin, size_t end) {  // [begin, end) is left out
    if (out) out->append(html, copied, begin - copied);
    copied = end;
    ++dropped;
  };
  while ((at = html.find('<', at)) != std::string_view::npos) {
    if (html.compare(at, 4, "<!--") == 0) {
      const size_t close = html.find("-->", at + 4);
      if (close == std::string_view::npos) break;
      at = close + 3;
      continue;
    }
    const bool closing = at + 1 < html.size() && html[at + 1] == '/';
    size_t name_end = at + (closing ? 2 : 1);
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    const size_t name_begin = at + (closing ? 2 : 1);
    if (name_end == name_begin) {  // "<!", "<?", or a '<' in the text
      ++at;
      continue;
    }
    const size_t end = TagEnd(html, name_end);
    if (end == std::string_view::npos) break;
    const std::string name = Lower(html.substr(name_begin, name_end - name_begin));
    const bool self_closing = html[end - 1] == '/';
    if (!closing && IsRawText(name)) {
      const size_t close = FindNoCase(html, end + 1, "</" + name);
      at = close == std::string_view::npos ? html.size() : close;
      continue;
    }
    if (CountsForDepth(name) && !self_closing) {
      if (closing) {
        if (depth > max_depth) skip_tag(at, end + 1);
        depth -= depth > 0 ? 1 : 0;
      } else {
        if (depth >= max_depth) skip_tag(at, end + 1);
        deepest = std::max(deepest, ++depth);
      }
    }
    at = end + 1;
  }
  if (!out) return deepest;
  out->append(html, copied, std::string_view::npos);
  return dropped;
}

}  // namespace

size_t LimitNesting(std::string& html, size_t max_depth) {
  if (Scan(html, max_depth, nullptr) <= max_depth) return 0;
  std::string out;
  out.reserve(html.size());
  const size_t dropped = Scan(html, max_depth, &out);
  html = std::move(out);
  return dropped;
}

}  // namespace bantin
