// What an embedding program holds: bulletins by id in core's memory index,
// each with its export-bundle line (README.md, "The export bundle"), searched
// by core's engine. One owner of this logic for every shell that embeds the
// core: the wasm module (wasm-client/bindings.cc) and the C API
// (capi/, and through it Python).
//
// The index holds each bulletin without its line spans (search never reads
// them); the article's line (Bulletin JSON and page text) is kept as it came
// and read again, whole, when one article is asked for, so loading a bundle
// reads neither page texts nor spans.
//
// Not thread-safe: one caller at a time (the C API serialises its calls).
#ifndef BANTIN_EMBED_ARTICLE_INDEX_H_
#define BANTIN_EMBED_ARTICLE_INDEX_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bantin/bulletin.h"
#include "bantin/index/memory_index.h"
#include "bantin/index/saved_index.h"
#include "bantin/parse/parser.h"
#include "bantin/query/filter.h"
#include "bantin/status.h"

namespace bantin {

// What one add did: `added` is false when the id was there already.
struct AddedArticle {
  std::string id;
  bool added = false;
};

// What adding a bundle did. Each added article's line is the byte span
// [begin, end) of the bundle, so a caller can keep the lines without writing
// them again; each bad line is reported (1-based line number) and skipped.
struct BundleReport {
  struct Article {
    std::string id;
    size_t begin = 0, end = 0;
  };
  struct LineError {
    size_t line = 0;
    std::string message;
  };
  // `updated`: articles already there under another line (stored again
  // since, e.g. re-parsed), replaced; they are in `articles` too.
  size_t added = 0, duplicates = 0, updated = 0;
  std::vector<Article> articles;
  std::vector<std::string> deleted;  // ids a bundle of changes deleted (removed here if present)
  std::vector<LineError> errors;
  std::string cursor;  // the header's, for the next bundle of changes
  bool reset = false;  // the header's: the reader drops what it had before this bundle
};
// {"added":N,"duplicates":N,"updated":N,"errors":[{"line","message"}],
//  "articles":[{"id","begin","end"}],"deleted":[ids],"cursor":"…","reset":true}
std::string BundleReportToJson(const BundleReport& report);

// A search as an embedding program asks it: the reader's query, field
// filters (core/query/filter.h) and a page.
struct SearchRequest {
  std::string query;
  FieldFilters filters;
  int page_size = 0;  // 0: the default page (bantin/paging.h)
  std::string page_token;
};

class ArticleIndex {
 public:
  // Parses a raw page (text or HTML, bantin/html/document.h) and adds it.
  Result<AddedArticle> AddPage(std::string_view raw, const ParseHints& hints);
  // One article line of an export bundle (copied).
  Result<AddedArticle> AddArticle(std::string_view line);
  // A Bulletin JSON (as ParseJson writes it) and its page text.
  Result<AddedArticle> AddBulletin(std::string_view json, std::string_view text);
  // A whole export bundle (NDJSON) of `size` bytes: the index shares the
  // bytes (and frees them with its last article from them), so the lines it
  // keeps are views, not copies. A bad header is an error; bad lines are
  // reported in the answer.
  Result<BundleReport> AddBundle(std::shared_ptr<const char> bytes, size_t size);
  // What AddBundle would report of a bundle, without adding anything: its
  // articles (every one counted as `added`; one without an id as a
  // duplicate), deletions, bad lines, cursor. For a reader that loads the
  // bundle's index from elsewhere (the server's GET /index) and keeps only
  // the lines.
  static Result<BundleReport> ReadBundle(std::string_view bytes);

  // The index as bytes (bantin/index/saved_index.h) and back: a loaded
  // index finds and ranks as the saved one did. The articles' lines and
  // texts are not in them: after LoadIndex, Get, Text and Article answer
  // only for articles added since, and the snippets of the others reach
  // only their titles until SnippetsJson cuts them from the lines the
  // caller kept (a viewer keeps them in IndexedDB).
  Result<std::string> SaveIndex() const;
  Status LoadIndex(std::string_view bytes);
  // The head of saved bytes only (`size` bytes at `head`, kept by the index:
  // its bulletins are decoded from it when asked for), its lists read by
  // `read` when a search asks for them (bantin/index/saved_index.h,
  // LoadIndexHead).
  Status LoadIndexHead(std::shared_ptr<const char> head, size_t size, SavedBytesReader read);

  bool Remove(const std::string& id);
  bool Has(const std::string& id) const { return index_.Contains(id); }
  size_t Size() const { return index_.size(); }

  // The Bulletin, with its line spans (NOT_FOUND when unknown).
  Result<Bulletin> Get(const std::string& id) const;
  // The page text its line spans index (NOT_FOUND when unknown).
  Result<std::string> Text(const std::string& id) const;
  // Its bundle line, what a viewer persists ("" when unknown).
  std::string_view Article(const std::string& id) const;

  // A page of bantin.v1.SearchBulletinsResponse as proto3 JSON, the shape
  // `bantin search --json` prints. Errors in the query name offsets into
  // `request.query` itself, not into the query the filters extend.
  Result<std::string> SearchJson(const SearchRequest& request) const;
  // {"snippet":"…","snippets":[…]}: what a result of SearchJson(request)
  // for the article of bundle line `line` shows, cut from the line's
  // bulletin (bantin/search/search_json.h, SnippetsToJson).
  static Result<std::string> SnippetsJson(std::string_view line, const SearchRequest& request);

 private:
  Result<AddedArticle> Add(Bulletin b, std::string line);

  MemoryIndex index_;
  // An article's bundle line: a view into bytes shared with the other
  // articles of its bundle (or of its own), alive while a view is.
  struct Line {
    std::shared_ptr<const char> bytes;
    std::string_view text;
  };
  std::unordered_map<std::string, Line> lines_;  // id → bundle line
};

// The free calls of an embedding shell.
// The exact JSON `bantin parse --json` prints for a raw page.
std::string ParseJson(std::string_view raw, const ParseHints& hints);
// Checks a query alone, so its errors name offsets into what was typed.
Status CheckQuery(std::string_view query);

}  // namespace bantin

#endif  // BANTIN_EMBED_ARTICLE_INDEX_H_
