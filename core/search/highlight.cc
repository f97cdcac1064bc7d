#include "bantin/search/highlight.h"

#include <algorithm>
#include <set>

#include "bantin/index/posting.h"
#include "bantin/text/text.h"

namespace bantin {
namespace {

// Spans of the syllables of `text` whose folded key the query searches for.
// Folding alone decides a match, so no exact key is computed.
std::vector<HighlightSpan> Marks(const std::string& text, const std::set<std::string>& keys) {
  std::vector<HighlightSpan> out;
  for (const auto& [begin, end] : SyllableSpans(text))
    if (keys.count(FoldedKey(std::string_view(text).substr(begin, end - begin)))) out.push_back({begin, end});
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Just after the last space before `at`; `at` itself (moved back to a UTF-8
// boundary) when the text has no space there.
size_t StartNear(const std::string& text, size_t at) {
  if (at == 0) return 0;
  const size_t space = text.rfind(' ', at - 1);
  if (space != std::string::npos) return space + 1;
  while (at > 0 && IsContinuation(text[at])) --at;
  return at;
}

Snippet Window(const std::string& text, std::vector<HighlightSpan> marks, Field field, int block, size_t max_bytes) {
  Snippet s;
  s.field = field == kTitleField ? "title" : field == kLeadField ? "lead" : "body";
  s.block = block;
  size_t begin = 0;
  if (!marks.empty() && marks[0].end > max_bytes)
    begin = StartNear(text, marks[0].begin > max_bytes / 4 ? marks[0].begin - max_bytes / 4 : 0);
  size_t end = text.size();
  if (end - begin > max_bytes) {
    const size_t space = text.rfind(' ', begin + max_bytes);
    end = space == std::string::npos || space <= begin ? begin + max_bytes : space;
    // Never split a UTF-8 sequence when no space was found.
    while (end > begin && IsContinuation(text[end])) --end;
  }
  s.offset = static_cast<uint32_t>(begin);
  s.text = text.substr(begin, end - begin);
  for (const HighlightSpan& m : marks)
    if (m.begin >= begin && m.end <= end)
      s.highlights.push_back({static_cast<uint32_t>(m.begin - begin), static_cast<uint32_t>(m.end - begin)});
  return s;
}

}  // namespace

std::vector<Snippet> Snippets(const Bulletin& b, const Query& q, size_t max_bytes) {
  std::set<std::string> keys;
  for (const QueryTerm& t : q.ScoringTerms()) keys.insert(t.folded);
  std::vector<Snippet> out;
  std::vector<HighlightSpan> title_marks = Marks(b.title, keys);
  if (!title_marks.empty()) out.push_back(Window(b.title, std::move(title_marks), kTitleField, -1, 1 << 20));

  // The lead field is the first paragraph (core/index/posting.h).
  int lead = -1;
  for (size_t i = 0; i < b.blocks.size() && lead < 0; ++i)
    if (b.blocks[i].kind == BlockKind::kParagraph) lead = static_cast<int>(i);
  // The first block in reading order that matches: what a reader meets
  // first, and no more blocks read than needed.
  int best = -1;
  std::vector<HighlightSpan> best_marks;
  for (size_t i = 0; i < b.blocks.size() && !keys.empty() && best < 0; ++i) {
    best_marks = Marks(b.blocks[i].text, keys);
    if (!best_marks.empty()) best = static_cast<int>(i);
  }
  if (best < 0 && out.empty()) best = lead >= 0 ? lead : b.blocks.empty() ? -1 : 0;
  if (best >= 0)
    out.push_back(
        Window(b.blocks[best].text, std::move(best_marks), best == lead ? kLeadField : kBodyField, best, max_bytes));
  return out;
}

std::string_view BodySnippet(const std::vector<Snippet>& snippets) {
  for (const Snippet& s : snippets)
    if (s.block >= 0) return s.text;
  return {};
}

}  // namespace bantin
