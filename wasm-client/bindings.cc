// The thin wasm shell over core (and html/ for HTML pages): parse a page to
// the same JSON the native
// `bantin parse --json` prints. Strings cross as UTF-8 (or raw bytes when
// JavaScript passes a Uint8Array).
#include <emscripten/bind.h>

#include <string>

#include "core/json.h"
#include "core/parser.h"
#include "html/document.h"

namespace {

std::string ParseJson(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
  bantin::ParseHints hints{url, source_id, province, fetch_date};
  return bantin::BulletinToJson(bantin::ParseDocument(raw, hints));
}

std::string ParserVersion() { return bantin::kParserVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(bantin) {
  emscripten::function("parseJson", &ParseJson);
  emscripten::function("parserVersion", &ParserVersion);
}
