// The core's view of one parsed page. Field names and meanings are those of
// bantin.v1.Bulletin in proto/bantin/v1/bantin.proto; storage/bulletin_codec.h
// is the one place that maps between the two.
#ifndef BANTIN_BULLETIN_H_
#define BANTIN_BULLETIN_H_

#include <cstdint>
#include <string>
#include <vector>

namespace bantin {

enum class BlockKind {
  kUnspecified = 0,
  kParagraph = 1,
  kCaption = 2,
  kListItem = 3,
  kHeading = 4,
  kQuote = 5,
};

// What a line of the raw page turned out to be. Every line of the input gets
// one, so a viewer can show what was dropped and why.
enum class LineRole {
  kUnspecified = 0,
  kBlank = 1,
  kTitle = 2,
  kBody = 3,         // became (part of) a block
  kPublication = 4,  // publication date / view counter line
  kPageClock = 5,    // the site's clock: the day the page was fetched
  kNavigation = 6,   // skip links, breadcrumbs, menus
  kByline = 7,
  kCredit = 8,        // source or photo credit
  kRelated = 9,       // related-article heading or title
  kBoilerplate = 10,  // counters, polls, footers, licences, addresses
  kDuplicate = 11,    // a repeated title or lead
};

struct Source {
  std::string id;        // stable slug
  std::string name;      // outlet name
  std::string province;  // with diacritics, e.g. "Sóc Trăng"
  std::string site;      // domain, when known
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
};

struct Person {
  std::string name;
  std::string role;
};

// How sure the parser is of each field, 0..1 (see FieldConfidence in the proto).
struct Confidence {
  double title = 0;
  double date = 0;
  double source = 0;
  double author = 0;
};

struct LineSpan {
  LineRole role = LineRole::kUnspecified;
  uint32_t begin = 0;  // byte offsets into the raw input
  uint32_t end = 0;
};

struct Bulletin {
  // The record's identity: the page's raw bytes and its source
  // (bantin/parse/identity.h PageId).
  std::string id;
  // Shared by copies of one article from several sources; "" when the
  // article is too short to tell (bantin/parse/identity.h CopyId).
  std::string copy_id;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty when unknown
  bool date_inferred = false;
  std::string time;  // HH:MM or HH:MM:SS when printed
  Source source;
  std::string author;
  std::string credit;  // source credit ("Theo Báo X", "Nguồn: y.vn")
  std::vector<Block> blocks;
  std::vector<std::string> related;
  std::vector<Person> people;
  std::vector<std::string> warnings;
  std::vector<LineSpan> lines;
  std::string url;
  std::string page_date;  // the page clock's date, when the page shows one
  std::string parser_version;
  Confidence confidence;
  // Provinces the article is about (gazetteer names, most prominent first),
  // apart from the publisher's province in `source`.
  std::vector<std::string> places;
};

const char* BlockKindName(BlockKind kind);  // "BLOCK_KIND_PARAGRAPH", ...
const char* LineRoleName(LineRole role);    // "LINE_ROLE_TITLE", ...

}  // namespace bantin

#endif  // BANTIN_BULLETIN_H_
