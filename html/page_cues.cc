#include "page_cues.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bantin/text/dates.h"
#include "bantin/text/text.h"
#include "bantin/utf8.h"
#include "image_captions.h"

namespace bantin {
namespace {

constexpr size_t kMaxCue = 512;  // bytes of one cue kept
// A caption may run to a paragraph's length; it is matched against a whole
// line, so it is kept whole up to this many bytes (longer ones are not kept).
constexpr size_t kMaxCaption = 4096;
constexpr size_t kMaxCandidates = 8;
// Captions and link texts kept: a page's own, not a crawler trap's thousands.
constexpr size_t kMaxListed = 2000;
// A link of this many words or more can be an article's title (a teaser).
constexpr int kTeaserWords = 6;

// A cue as core takes it: at most kMaxCue bytes, cut between characters,
// valid UTF-8, white space collapsed.
std::string Clean(std::string_view s, size_t max_bytes = kMaxCue) {
  if (s.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut);
  }
  return CollapseSpaces(IsCleanUtf8(s) ? std::string(s) : SanitizeUtf8(s, nullptr));
}

void AddUnique(std::vector<std::string>& v, std::string s) {
  s = Clean(s);
  if (s.empty() || v.size() >= kMaxCandidates) return;
  for (const std::string& have : v)
    if (have == s) return;
  v.push_back(std::move(s));
}

// "2022-01-20T13:39:00+07:00", "2022-01-20 13:39", "20/01/2022 13:39": the
// date as YYYY-MM-DD and the clock time, when the value holds a full date.
void ReadDate(std::string_view value, std::string* date, std::string* time) {
  int y, m, d;
  if (value.size() >= 10 && ParseIsoDate(value.substr(0, 10), &y, &m, &d)) {
    *date = std::string(value.substr(0, 10));
    if (value.size() >= 16 && (value[10] == 'T' || value[10] == ' ') && value[13] == ':')
      *time = std::string(value.substr(11, 5));
    return;
  }
  const std::string folded = FoldedKey(value.substr(0, 64));
  for (const DateMention& mention : FindDates(folded)) {
    if (!mention.year) continue;
    *date = FormatDate(mention.year, mention.month, mention.day);
    *time = FindTime(folded);
    return;
  }
}

// JSON-LD, read leniently: the string values of a key anywhere in the text,
// in order ("headline", "datePublished"), and the "name"s inside the value
// of a key ("author": {"name": …} or [{…}, {…}]). Escapes \" \\ \/ \n \t
// and \uXXXX (BMP) are decoded.
class JsonLd {
 public:
  explicit JsonLd(std::string_view text) : t_(text) {}

  std::vector<std::string> Strings(std::string_view key) const {
    std::vector<std::string> out;
    for (size_t at = Find(key, 0); at != std::string_view::npos && out.size() < kMaxCandidates;
         at = Find(key, at + 1)) {
      size_t v = ValueStart(at, key);
      if (v < t_.size() && t_[v] == '"') out.push_back(ReadString(v));
    }
    return out;
  }

  std::vector<std::string> NamesIn(std::string_view key) const {
    std::vector<std::string> out;
    for (size_t at = Find(key, 0); at != std::string_view::npos && out.size() < kMaxCandidates;
         at = Find(key, at + 1)) {
      const size_t v = ValueStart(at, key);
      if (v >= t_.size()) continue;
      if (t_[v] == '"') {
        out.push_back(ReadString(v));
        continue;
      }
      const size_t end = ValueEnd(v);
      const std::string_view inner = t_.substr(v, end - v);
      const JsonLd sub(inner);
      for (std::string& name : sub.Strings("name")) out.push_back(std::move(name));
    }
    return out;
  }

 private:
  size_t Find(std::string_view key, size_t from) const {
    const std::string quoted = "\"" + std::string(key) + "\"";
    const size_t at = t_.find(quoted, from);
    return at;
  }
  // The first byte of the value after "key" and its colon (t_.size() if none).
  size_t ValueStart(size_t at, std::string_view key) const {
    size_t i = at + key.size() + 2;
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\n' || t_[i] == '\r' || t_[i] == '\t')) ++i;
    if (i >= t_.size() || t_[i] != ':') return t_.size();
    ++i;
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\n' || t_[i] == '\r' || t_[i] == '\t')) ++i;
    return i;
  }
  // One past an object or array starting at `v` (brackets counted outside strings).
  size_t ValueEnd(size_t v) const {
    int depth = 0;
    bool in_string = false;
    for (size_t i = v; i < t_.size(); ++i) {
      const char c = t_[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (--depth <= 0) return i + 1;
      } else if (depth == 0 && (c == ',')) {
        return i;
      }
    }
    return t_.size();
  }
  std::string ReadString(size_t v) const {
    std::string out;
    for (size_t i = v + 1; i < t_.size() && out.size() < kMaxCue; ++i) {
      const char c = t_[i];
      if (c == '"') break;
      if (c != '\\' || i + 1 >= t_.size()) {
        out.push_back(c);
        continue;
      }
      const char e = t_[++i];
      if (e == 'n' || e == 't' || e == 'r') {
        out.push_back(' ');
      } else if (e == 'u' && i + 4 < t_.size()) {
        const unsigned cp = static_cast<unsigned>(std::strtoul(std::string(t_.substr(i + 1, 4)).c_str(), nullptr, 16));
        i += 4;
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0xD800 || cp > 0xDFFF) {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
      } else {
        out.push_back(e);
      }
    }
    return out;
  }

  std::string_view t_;
};

bool IsArticleJsonLd(std::string_view text) {
  return text.find("NewsArticle") != std::string_view::npos || text.find("\"Article\"") != std::string_view::npos ||
         text.find("BlogPosting") != std::string_view::npos ||
         text.find("ReportageNewsArticle") != std::string_view::npos;
}

// "Headline - Site name" / "Headline | Site": the part before the last
// separator when what follows it is short (a site name), else the whole.
std::string WithoutSiteSuffix(const std::string& title) {
  for (std::string_view sep : {" | ", " - ", " – ", " — "}) {
    const size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string tail = title.substr(at + sep.size());
    if (std::count(tail.begin(), tail.end(), ' ') < 5) return title.substr(0, at);
  }
  return title;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

PageCues ReadPageCues(const HtmlTree& tree) {
  PageCues cues;
  std::vector<std::string> ld_titles, og_titles, h1s, item_titles, title_tag, ld_authors, meta_authors;
  std::string ld_date, ld_time, meta_date, meta_time, time_date, time_time, ld_site, og_site;
  std::vector<const GumboNode*> stack{tree.root()};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = node->v.element.tag;
      if (IsHidden(node)) continue;  // nor its children
      if (tag == GUMBO_TAG_META) {
        const std::string_view key = !Attribute(node, "property").empty() ? Attribute(node, "property")
                                     : !Attribute(node, "name").empty()   ? Attribute(node, "name")
                                                                          : Attribute(node, "itemprop");
        const std::string_view content = Attribute(node, "content");
        if (key == "og:title")
          AddUnique(og_titles, std::string(content));
        else if (key == "og:site_name" && og_site.empty())
          og_site = Clean(content);
        else if ((key == "og:url") && cues.url.empty())
          cues.url = Clean(content);
        else if ((key == "article:published_time" || key == "datePublished" || key == "pubdate" ||
                  key == "publishdate" || key == "dc.date.issued" || key == "DC.date.issued") &&
                 meta_date.empty())
          ReadDate(content, &meta_date, &meta_time);
        else if ((key == "author" || key == "article:author" || key == "dc.creator") && !StartsWith(content, "http"))
          AddUnique(meta_authors, std::string(content));
      } else if (tag == GUMBO_TAG_LINK) {
        if (Attribute(node, "rel") == "canonical" && !Attribute(node, "href").empty())
          cues.url = Clean(Attribute(node, "href"));
      } else if (tag == GUMBO_TAG_SCRIPT) {
        if (Attribute(node, "type") == "application/ld+json" && children.length > 0) {
          const GumboNode* text = static_cast<const GumboNode*>(children.data[0]);
          if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA) {
            const std::string_view json = text->v.text.text;
            if (IsArticleJsonLd(json)) {
              const JsonLd ld(json);
              for (std::string& h : ld.Strings("headline")) AddUnique(ld_titles, std::move(h));
              for (const std::string& d : ld.Strings("datePublished"))
                if (ld_date.empty()) ReadDate(d, &ld_date, &ld_time);
              for (std::string& a : ld.NamesIn("author")) AddUnique(ld_authors, std::move(a));
              for (std::string& p : ld.NamesIn("publisher"))
                if (ld_site.empty()) ld_site = Clean(p);
            }
          }
        }
        continue;
      } else if (tag == GUMBO_TAG_STYLE) {
        continue;
      } else if (tag == GUMBO_TAG_TITLE) {
        AddUnique(title_tag, WithoutSiteSuffix(Clean(TextOf(node))));
        continue;
      } else if (tag == GUMBO_TAG_TIME && time_date.empty()) {
        ReadDate(Attribute(node, "datetime"), &time_date, &time_time);
      }
      // Elements whose text is a cue: read once, and not descended into, so
      // no text is read twice however such elements nest (linear).
      const std::string_view itemprop = Attribute(node, "itemprop");
      const bool headline = itemprop == "headline", author = itemprop == "author" || Attribute(node, "rel") == "author";
      if (tag == GUMBO_TAG_FIGCAPTION) {
        const std::string text = TextOf(node);
        if (text.size() <= kMaxCaption && cues.captions.size() < kMaxListed)
          cues.captions.push_back(Clean(text, kMaxCaption));
        continue;
      }
      if (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_A || headline || author) {
        std::string text = Clean(TextOf(node));
        if (headline) AddUnique(item_titles, text);
        if (author) AddUnique(meta_authors, text);
        if (tag == GUMBO_TAG_H1) AddUnique(h1s, text);
        if (tag == GUMBO_TAG_A && std::count(text.begin(), text.end(), ' ') >= kTeaserWords - 1 &&
            cues.links.size() < kMaxListed)
          cues.links.push_back(std::move(text));
        continue;
      }
    }
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  for (auto* list : {&ld_titles, &item_titles, &h1s, &og_titles, &title_tag})
    for (std::string& t : *list) AddUnique(cues.titles, std::move(t));
  for (auto* list : {&ld_authors, &meta_authors})
    for (std::string& a : *list) AddUnique(cues.authors, std::move(a));
  if (!ld_date.empty())
    cues.published = ld_date, cues.published_time = ld_time;
  else if (!meta_date.empty())
    cues.published = meta_date, cues.published_time = meta_time;
  else if (!time_date.empty())
    cues.published = time_date, cues.published_time = time_time;
  cues.site_name = !og_site.empty() ? og_site : ld_site;
  std::vector<std::string> beside_images;
  AddImageCaptions(tree.root(), beside_images, kMaxListed);
  for (const std::string& c : beside_images)
    if (cues.captions.size() < kMaxListed) cues.captions.push_back(Clean(c, kMaxCaption));
  return cues;
}

}  // namespace bantin
