// The thin wasm shell over embed/ (core, and html/ for HTML pages): parse a
// page to the same JSON the native `bantin parse --json` prints, and an
// in-memory index searched by core's own engine, answering with the proto3
// JSON of SearchBulletinsResponse. Strings cross as UTF-8 (or raw bytes when
// JavaScript passes a Uint8Array); structured answers cross as JSON, which
// bantin.mjs turns into objects, and errors as {"error":{code,message}}.
#include <emscripten/bind.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "bantin/embed/article_index.h"
#include "bantin/html/document.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/query/filter.h"
#include "bantin/search/search_json.h"
#include "bantin/version.h"

namespace {

using bantin::Bulletin;
using bantin::ErrorToJson;
using bantin::JsonWriter;
using bantin::Status;

bantin::ParseHints Hints(const std::string& url, const std::string& source_id, const std::string& province,
                         const std::string& fetch_date) {
  return bantin::ParseHints{url, source_id, province, fetch_date};
}

std::string ParseJson(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
  return bantin::ParseJson(raw, Hints(url, source_id, province, fetch_date));
}

std::string PageText(const std::string& raw) { return bantin::PageText(raw); }

std::string ParserVersion() { return bantin::kParserVersion; }
std::string Version() { return bantin::version(); }

// {"query":"…"}: the query with the field filters as its clauses (core's
// QueryWithFilters), or {"error":…}.
std::string QueryWithFilters(const std::string& query, const std::string& province, const std::string& author,
                             const std::string& from, const std::string& to) {
  bantin::Result<std::string> q = bantin::QueryWithFilters(query, {province, author, from, to});
  if (!q.ok()) return ErrorToJson(q.status());
  JsonWriter w;
  w.BeginObject().Key("query").String(*q).EndObject();
  return w.Take();
}

// {"snippet":"…","snippets":[…]} of the article of bundle line `line` for
// a search of `query` with these filters (ArticleIndex::SnippetsJson), or
// {"error":…}.
std::string Snippets(const std::string& line, const std::string& query, const std::string& province,
                     const std::string& author, const std::string& from, const std::string& to) {
  bantin::Result<std::string> r = bantin::ArticleIndex::SnippetsJson(line, {query, {province, author, from, to}});
  return r.ok() ? std::move(*r) : ErrorToJson(r.status());
}

// How many of a saved index's first bytes a head-only load needs, given
// at least its first 16: {"size":N} or {"error":…}.
std::string SavedIndexHeadBytes(const std::string& first) {
  bantin::Result<uint64_t> n = bantin::SavedIndexHeadBytes(first);
  if (!n.ok()) return ErrorToJson(n.status());
  JsonWriter w;
  w.BeginObject().Key("size").Int(static_cast<long long>(*n)).EndObject();
  return w.Take();
}

// What adding the bundle of `size` bytes at `data` would report, nothing
// added (ArticleIndex::ReadBundle): the report's JSON, or {"error":…}.
std::string ReadBundle(size_t data, size_t size) {
  bantin::Result<bantin::BundleReport> r =
      bantin::ArticleIndex::ReadBundle(std::string_view(reinterpret_cast<const char*>(data), size));
  return r.ok() ? bantin::BundleReportToJson(*r) : ErrorToJson(r.status());
}

// embed/'s ArticleIndex with answers as JSON: {"id":…,"added":bool} for an
// add, the Bulletin, the search page, or {"error":…}.
class Index {
 public:
  std::string AddPage(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
    return Json(index_.AddPage(raw, Hints(url, source_id, province, fetch_date)));
  }

  // One article line of an export bundle, `size` bytes at `data` (wasm
  // memory the caller owns: embind copies a Uint8Array into a std::string
  // byte by byte in JavaScript, far slower than one HEAPU8.set).
  std::string AddArticle(size_t data, size_t size) {
    return Json(index_.AddArticle(std::string_view(reinterpret_cast<const char*>(data), size)));
  }

  // A whole export bundle (NDJSON), `size` bytes at `data`, allocated by the
  // caller with malloc: the index takes them over (and frees them with its
  // last article from them). One call, so the bytes cross once.
  std::string AddBundle(size_t data, size_t size) {
    std::shared_ptr<const char> bytes(reinterpret_cast<const char*>(data),
                                      [](const char* p) { std::free(const_cast<char*>(p)); });
    bantin::Result<bantin::BundleReport> r = index_.AddBundle(std::move(bytes), size);
    return r.ok() ? bantin::BundleReportToJson(*r) : ErrorToJson(r.status());
  }

  // A Bulletin JSON (as parseJson returns) and its page text.
  std::string AddBulletin(const std::string& json, const std::string& text) {
    return Json(index_.AddBulletin(json, text));
  }

  // The saved index: a view of bytes the Index keeps until the next save
  // (bantin.mjs copies them out at once), or the {"error":…} JSON text.
  emscripten::val SaveIndex() {
    bantin::Result<std::string> saved = index_.SaveIndex();
    if (!saved.ok()) return emscripten::val(ErrorToJson(saved.status()));
    saved_ = std::move(*saved);
    return emscripten::val(
        emscripten::typed_memory_view(saved_.size(), reinterpret_cast<const uint8_t*>(saved_.data())));
  }
  // The head of saved bytes (`size` at `data`, allocated by the caller with
  // malloc: the index takes them over and decodes its bulletins from them
  // when asked), the lists left to
  // `read(offset, size, address)`, a JavaScript function that fills `size`
  // bytes of wasm memory at `address` and answers true, or false when it
  // cannot: {"size":N} or {"error":…}.
  std::string LoadIndexHead(size_t data, size_t size, emscripten::val read) {
    saved_.clear();
    const auto reader = [read](uint64_t offset, uint32_t bytes, char* out) {
      return read(static_cast<double>(offset), bytes, reinterpret_cast<uintptr_t>(out)).as<bool>();
    };
    std::shared_ptr<const char> head(reinterpret_cast<const char*>(data),
                                     [](const char* p) { std::free(const_cast<char*>(p)); });
    const Status s = index_.LoadIndexHead(std::move(head), size, reader);
    return s.ok() ? SizeJson() : ErrorToJson(s);
  }
  // Saved bytes, `size` at `data` (wasm memory the caller owns): {"size":N} or {"error":…}.
  std::string LoadIndex(size_t data, size_t size) {
    saved_.clear();
    const Status s = index_.LoadIndex(std::string_view(reinterpret_cast<const char*>(data), size));
    return s.ok() ? SizeJson() : ErrorToJson(s);
  }

  bool Remove(const std::string& id) { return index_.Remove(id); }
  bool Has(const std::string& id) const { return index_.Has(id); }
  // The Bulletin JSON, "" when unknown.
  std::string Get(const std::string& id) const {
    bantin::Result<Bulletin> b = index_.Get(id);
    return b.ok() ? bantin::BulletinToJson(*b) : std::string();
  }
  // The page text its line spans index, "" when unknown.
  std::string Text(const std::string& id) const {
    bantin::Result<std::string> t = index_.Text(id);
    return t.ok() ? std::move(*t) : std::string();
  }
  // The bundle line of one article ("" when unknown): what a viewer persists.
  std::string Article(const std::string& id) const { return std::string(index_.Article(id)); }
  size_t Size() const { return index_.Size(); }

  std::string Search(const std::string& query, const std::string& province, const std::string& author,
                     const std::string& from, const std::string& to, int page_size,
                     const std::string& page_token) const {
    bantin::Result<std::string> r = index_.SearchJson({query, {province, author, from, to}, page_size, page_token});
    return r.ok() ? std::move(*r) : ErrorToJson(r.status());
  }

 private:
  std::string SizeJson() const {
    JsonWriter w;
    w.BeginObject().Key("size").Int(static_cast<long long>(index_.Size())).EndObject();
    return w.Take();
  }
  static std::string Json(const bantin::Result<bantin::AddedArticle>& r) {
    if (!r.ok()) return ErrorToJson(r.status());
    JsonWriter w;
    w.BeginObject().Key("id").String(r->id).Key("added").Bool(r->added).EndObject();
    return w.Take();
  }

  bantin::ArticleIndex index_;
  std::string saved_;  // the last SaveIndex, viewed from JavaScript
};

}  // namespace

EMSCRIPTEN_BINDINGS(bantin) {
  emscripten::function("parseJson", &ParseJson);
  emscripten::function("pageText", &PageText);
  emscripten::function("parserVersion", &ParserVersion);
  emscripten::function("version", &Version);
  emscripten::function("queryWithFilters", &QueryWithFilters);
  emscripten::function("snippets", &Snippets);
  emscripten::function("readBundle", &ReadBundle);
  emscripten::function("savedIndexHeadBytes", &SavedIndexHeadBytes);
  emscripten::class_<Index>("Index")
      .constructor<>()
      .function("addPage", &Index::AddPage)
      .function("addArticle", &Index::AddArticle)
      .function("addBulletin", &Index::AddBulletin)
      .function("addBundle", &Index::AddBundle)
      .function("saveIndex", &Index::SaveIndex)
      .function("loadIndex", &Index::LoadIndex)
      .function("loadIndexHead", &Index::LoadIndexHead)
      .function("remove", &Index::Remove)
      .function("has", &Index::Has)
      .function("get", &Index::Get)
      .function("text", &Index::Text)
      .function("article", &Index::Article)
      .function("size", &Index::Size)
      .function("search", &Index::Search);
}
