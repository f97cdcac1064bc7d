// The proto3 JSON of bantin.v1.SearchBulletinsResponse for a ranked page:
// the shape `bantin search --json` prints for the server, written here for
// indexes that live outside the server (the browser's, the test tools'), so
// a client reads one schema everywhere.
//
// Field-number order, lowerCamelCase names, default values omitted, int64
// values (totalSize, facet counts) as strings, as protobuf's JSON printer
// does; scores with JsonWriter::Number's six significant digits.
#ifndef BANTIN_SEARCH_SEARCH_JSON_H_
#define BANTIN_SEARCH_SEARCH_JSON_H_

#include <functional>
#include <string>

#include "bantin/bulletin.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"

namespace bantin {

// `document` returns the bulletin behind a docno (nullptr leaves the hit
// out). Each result carries the snippets of core/search/highlight.h, with
// highlights as byte offsets into their text.
std::string SearchResponseToJson(const SearchResult& result,
                                 const std::function<const Bulletin*(uint32_t docno)>& document);

// The "snippet" and "snippets" fields a result for `bulletin` carries, as
// one object: {"snippet":"…","snippets":[…]}. For a hit whose index kept no
// texts (bantin/index/saved_index.h): its reader cuts them from the whole
// bulletin, and the result reads as if the index had held it.
std::string SnippetsToJson(const Bulletin& bulletin, const Query& query);

// {"error":{"code":"INVALID_ARGUMENT","message":"…"}}: an error where a JSON
// answer was expected (the code is the gRPC code's name).
std::string ErrorToJson(const Status& status);

}  // namespace bantin

#endif  // BANTIN_SEARCH_SEARCH_JSON_H_
