#include "bantin/html/html_text.h"

#include <string>

#include "html_tree.h"
#include "tree_text.h"

namespace bantin {

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
  const HtmlTree tree(html);
  return TreeText(tree);
}

}  // namespace bantin
