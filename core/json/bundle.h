// The export bundle (README.md, "The export bundle"): what `bantin export`
// and GET /bundle write and the offline viewer opens. Newline-delimited JSON:
//
//   {"bantinBundle":1,"parserVersion":"1","count":2,"cursor":"…"}
//   {"bulletin":{...the Bulletin JSON...},"text":"...the page text..."}
//   {"deleted":"<id>"}          (a bundle of changes only)
//
// A bundle of changes (GET /bundle?since=CURSOR) holds what was stored and
// deleted after the cursor; its header's cursor is the next one. A header
// with "reset":true says the reader's cursor was of no use (another
// database): what follows is everything, and the reader drops what it had.
//
// The one owner of these bytes: every writer (the service, make_bundle, the
// viewer through the wasm module) and every reader goes through here.
#ifndef BANTIN_JSON_BUNDLE_H_
#define BANTIN_JSON_BUNDLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bantin/bulletin.h"
#include "bantin/status.h"

namespace bantin {

inline constexpr int kBundleVersion = 1;

// The header line (no newline). `count`, when known, is the number of
// article lines that follow.
std::string BundleHeaderJson(std::string_view parser_version, std::optional<uint64_t> count = std::nullopt,
                             std::string_view cursor = {}, bool reset = false);

// One article line of an export bundle: {"bulletin":{...},"text":"..."}.
struct BundleArticle {
  Bulletin bulletin;
  std::string text;     // the page the bulletin's line spans index
  std::string deleted;  // set instead, for a line saying this id was deleted
};
// What to keep of an article line. An index needs neither the page text nor
// the line spans (only a raw-page view does): skipping them (checked for
// syntax only, as unknown fields) halves the work of loading a bundle.
struct BundleReadOptions {
  bool text = true;
  bool lines = true;
};
Result<BundleArticle> BundleArticleFromJson(std::string_view line, const BundleReadOptions& options = {});

// What a header says beyond being one.
struct BundleHeader {
  std::string cursor;  // "" when the bundle gives none
  bool reset = false;
};
// The header line of a bundle: an object whose "bantinBundle" is 1 (other
// fields, such as "count" and "parserVersion", are informative); its cursor
// and reset flag go to `header` when given.
Status CheckBundleHeader(std::string_view line, BundleHeader* header = nullptr);

// Writes the article line BundleArticleFromJson reads (no newline).
std::string BundleArticleToJson(const Bulletin& bulletin, std::string_view text);
// The line saying the article `id` was deleted (no newline).
std::string BundleDeletionToJson(std::string_view id);

}  // namespace bantin

#endif  // BANTIN_JSON_BUNDLE_H_
