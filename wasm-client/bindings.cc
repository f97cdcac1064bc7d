// The thin wasm shell over core (and html/ for HTML pages): parse a page to
// the same JSON the native `bantin parse --json` prints, and an in-memory
// index searched by core's own engine, answering with the proto3 JSON of
// SearchBulletinsResponse. Strings cross as UTF-8 (or raw bytes when
// JavaScript passes a Uint8Array); structured answers cross as JSON, which
// bantin.mjs turns into objects, and errors as {"error":{code,message}}.
#include <emscripten/bind.h>

#include <string>
#include <unordered_map>

#include "core/json.h"
#include "core/json_read.h"
#include "core/memory_index.h"
#include "core/parser.h"
#include "core/query.h"
#include "core/search_engine.h"
#include "core/search_json.h"
#include "html/document.h"

namespace {

using bantin::Bulletin;
using bantin::JsonWriter;
using bantin::Status;

using bantin::ErrorToJson;

bantin::ParseHints Hints(const std::string& url, const std::string& source_id,
                         const std::string& province, const std::string& fetch_date) {
  return bantin::ParseHints{url, source_id, province, fetch_date};
}

std::string ParseJson(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
  return bantin::BulletinToJson(bantin::ParseDocument(raw, Hints(url, source_id, province, fetch_date)));
}

std::string PageText(const std::string& raw) { return bantin::PageText(raw); }

// "" when `query` parses, else the error as JSON.
std::string CheckQuery(const std::string& query) {
  bantin::Result<bantin::Query> q = bantin::ParseQuery(query);
  return q.ok() ? std::string() : ErrorToJson(q.status());
}

std::string ParserVersion() { return bantin::kParserVersion; }

// Bulletins keyed by id, with the page text each one's line spans index.
class Index {
 public:
  // {"id":…,"added":bool}; added is false when the id was there already.
  std::string AddPage(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
    Bulletin b = bantin::ParseDocument(raw, Hints(url, source_id, province, fetch_date));
    return Add(std::move(b), bantin::PageText(raw));
  }

  // One article line of an export bundle.
  std::string AddArticle(const std::string& line) {
    bantin::Result<bantin::BundleArticle> a = bantin::BundleArticleFromJson(line);
    if (!a.ok()) return ErrorToJson(a.status());
    return Add(std::move(a->bulletin), std::move(a->text));
  }

  // A Bulletin JSON (as parseJson returns) and its page text.
  std::string AddBulletin(const std::string& json, const std::string& text) {
    bantin::Result<Bulletin> b = bantin::BulletinFromJson(json);
    if (!b.ok()) return ErrorToJson(b.status());
    return Add(std::move(*b), text);
  }

  bool Remove(const std::string& id) {
    texts_.erase(id);
    return index_.Remove(id);
  }

  bool Has(const std::string& id) const { return index_.Find(id) != nullptr; }
  // The Bulletin JSON, "" when unknown.
  std::string Get(const std::string& id) const {
    const Bulletin* b = index_.Find(id);
    return b ? bantin::BulletinToJson(*b) : std::string();
  }
  std::string Text(const std::string& id) const {
    const auto it = texts_.find(id);
    return it == texts_.end() ? std::string() : it->second;
  }
  // The bundle line of one article ("" when unknown): what a viewer persists.
  std::string Article(const std::string& id) const {
    const Bulletin* b = index_.Find(id);
    return b ? bantin::BundleArticleToJson(*b, Text(id)) : std::string();
  }
  size_t Size() const { return index_.size(); }

  std::string Search(const std::string& query, int page_size, const std::string& page_token) const {
    bantin::SearchOptions o;
    if (page_size > 0) o.page_size = page_size;
    o.page_token = page_token;
    bantin::Result<bantin::SearchResult> r = bantin::Search(index_, query, o);
    if (!r.ok()) return ErrorToJson(r.status());
    return bantin::SearchResponseToJson(*r, [this](uint32_t docno) { return index_.Document(docno); });
  }

 private:
  std::string Add(Bulletin b, std::string text) {
    if (b.id.empty()) return ErrorToJson(Status::InvalidArgument("bulletin: no id"));
    const std::string id = b.id;
    const bool added = index_.Add(std::move(b));
    if (added) texts_[id] = std::move(text);
    JsonWriter w;
    w.BeginObject().Key("id").String(id).Key("added").Bool(added).EndObject();
    return w.Take();
  }

  bantin::MemoryIndex index_;
  std::unordered_map<std::string, std::string> texts_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(bantin) {
  emscripten::function("parseJson", &ParseJson);
  emscripten::function("pageText", &PageText);
  emscripten::function("parserVersion", &ParserVersion);
  emscripten::function("checkQuery", &CheckQuery);
  emscripten::class_<Index>("Index")
      .constructor<>()
      .function("addPage", &Index::AddPage)
      .function("addArticle", &Index::AddArticle)
      .function("addBulletin", &Index::AddBulletin)
      .function("remove", &Index::Remove)
      .function("has", &Index::Has)
      .function("get", &Index::Get)
      .function("text", &Index::Text)
      .function("article", &Index::Article)
      .function("size", &Index::Size)
      .function("search", &Index::Search);
}
