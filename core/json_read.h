// Reading JSON back: the Bulletin JSON that core/json.h writes (the proto3
// JSON of bantin.v1.Bulletin, as `bantin parse --json`, the gRPC gateway of a
// bundle or another tool prints it) and the article lines of an export
// bundle (README.md, "The export bundle").
//
// The reader is strict and safe on any bytes: RFC 8259 syntax only (no
// comments, trailing commas, NaN, single quotes or lone surrogates), strings
// it keeps must be valid UTF-8, nesting is bounded, every error is a value
// (InvalidArgument naming the byte offset) and nothing is read past the end.
// Unknown fields are skipped (checked for syntax, not for UTF-8), as proto3
// JSON readers do; a known field of the wrong type is an error. Default
// values may be present or omitted.
#ifndef BANTIN_CORE_JSON_READ_H_
#define BANTIN_CORE_JSON_READ_H_

#include <string>
#include <string_view>

#include "core/bulletin.h"
#include "core/status.h"

namespace bantin {

// The Bulletin of one JSON object. BulletinToJson(*BulletinFromJson(j)) == j
// for every j that BulletinToJson wrote.
Result<Bulletin> BulletinFromJson(std::string_view json);

// One article line of an export bundle: {"bulletin":{...},"text":"..."}.
struct BundleArticle {
  Bulletin bulletin;
  std::string text;  // the page the bulletin's line spans index
};
// What to keep of an article line. An index needs neither the page text nor
// the line spans (only a raw-page view does): skipping them (checked for
// syntax only, as unknown fields) halves the work of loading a bundle.
struct BundleReadOptions {
  bool text = true;
  bool lines = true;
};
Result<BundleArticle> BundleArticleFromJson(std::string_view line, const BundleReadOptions& options = {});

// The header line of a bundle: an object whose "bantinBundle" is 1 (other
// fields, such as "count" and "parserVersion", are informative).
Status CheckBundleHeader(std::string_view line);

// Writes the article line BundleArticleFromJson reads (no newline).
std::string BundleArticleToJson(const Bulletin& bulletin, std::string_view text);

}  // namespace bantin

#endif  // BANTIN_CORE_JSON_READ_H_
