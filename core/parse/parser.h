// The parser's text front end: a crawled page's text (a crawler's dump, or
// what the HTML front end reduced a page to) into a Bulletin. It never
// fails: whatever the bytes, it returns its best reading with warnings for
// what was doubtful or repaired, in time linear in the input.
//
// Bytes of unknown kind (text or HTML) go to Parse in bantin/html/document.h,
// the one entry point for a page as fetched; ParseText reads HTML as text.
#ifndef BANTIN_PARSE_PARSER_H_
#define BANTIN_PARSE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "bantin/bulletin.h"

namespace bantin {

// Bumped whenever parsing output changes, so stored records can be re-parsed.
inline constexpr char kParserVersion[] = "5";

// What a caller knows better than any guess; every non-empty hint wins.
struct ParseHints {
  std::string url;
  std::string source_id;
  std::string province;
  std::string fetch_date;  // YYYY-MM-DD: no article is dated after it
};

Bulletin ParseText(std::string_view text, const ParseHints& hints = {});

// What a front end read off a page besides its lines: the HTML front end's
// metadata (JSON-LD, Open Graph, article:* and author meta, <title>, the
// canonical link) and structure (<h1>, <time>). Evidence, not hints: the
// parser weighs each against the visible lines, prefers the visible page
// where both speak (a warning says when they disagree), and uses a cue
// where the page itself says nothing.
struct PageCues {
  std::vector<std::string> titles;    // headline candidates, best first
  std::string published;              // YYYY-MM-DD of publication, "" when none
  std::string published_time;         // HH:MM, "" when none
  std::vector<std::string> authors;   // personal names the metadata gives
  std::string site_name;              // the publisher as it names itself
  std::string url;                    // the page's canonical address
  std::vector<std::string> captions;  // texts the markup marks as captions (<figcaption>)
  std::vector<std::string> links;     // texts of links long enough to be article titles (teasers)
};

// The text front end's lines read with a front end's cues.
Bulletin ParseText(std::string_view text, const ParseHints& hints, const PageCues& cues);

}  // namespace bantin

#endif  // BANTIN_PARSE_PARSER_H_
