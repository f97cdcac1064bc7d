// The thin wasm shell over core (and html/ for HTML pages): parse a page to
// the same JSON the native `bantin parse --json` prints, and an in-memory
// index searched by core's own engine, answering with the proto3 JSON of
// SearchBulletinsResponse. Strings cross as UTF-8 (or raw bytes when
// JavaScript passes a Uint8Array); structured answers cross as JSON, which
// bantin.mjs turns into objects, and errors as {"error":{code,message}}.
#include <emscripten/bind.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "bantin/html/document.h"
#include "bantin/index/memory_index.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/json/json_read.h"
#include "bantin/parse/parser.h"
#include "bantin/query/filter.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"
#include "bantin/search/search_json.h"

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
  return bantin::BulletinToJson(bantin::Parse(raw, Hints(url, source_id, province, fetch_date)));
}

std::string PageText(const std::string& raw) { return bantin::PageText(raw); }

// "" when `query` parses, else the error as JSON.
std::string CheckQuery(const std::string& query) {
  bantin::Result<bantin::Query> q = bantin::ParseQuery(query);
  return q.ok() ? std::string() : ErrorToJson(q.status());
}

std::string ParserVersion() { return bantin::kParserVersion; }

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

// Bulletins keyed by id. The index holds each bulletin without its line
// spans (search never reads them); the article's bundle line (Bulletin JSON
// and page text) is kept as it came and read again, whole, when one article
// is opened: loading a bundle thus reads neither page texts nor spans.
class Index {
 public:
  // {"id":…,"added":bool}; added is false when the id was there already.
  std::string AddPage(const std::string& raw, const std::string& url, const std::string& source_id,
                      const std::string& province, const std::string& fetch_date) {
    Bulletin b = bantin::Parse(raw, Hints(url, source_id, province, fetch_date));
    std::string line = bantin::BundleArticleToJson(b, bantin::PageText(raw));
    return Add(std::move(b), std::move(line));
  }

  // One article line of an export bundle, `size` bytes at `data` (wasm
  // memory the caller owns: embind copies a Uint8Array into a std::string
  // byte by byte in JavaScript, far slower than one HEAPU8.set).
  std::string AddArticle(size_t data, size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    bantin::Result<bantin::BundleArticle> a = bantin::BundleArticleFromJson(line, kForIndex);
    if (!a.ok()) return ErrorToJson(a.status());
    return Add(std::move(a->bulletin), std::string(line));
  }

  // A whole export bundle (NDJSON): every article line is added; a bad line
  // is reported and skipped. → {"added","duplicates","errors":[{"line",
  // "message"}],"articles":[{"id","begin","end"}]}: the byte span of each
  // added article's line in `bundle`, so a caller can keep the lines
  // without re-serialising them. One call, so the bytes cross once.
  // `size` bytes at `data`, allocated by the caller with malloc: the index
  // takes them over (and frees them with its last article from them), so
  // the lines it keeps are views into them, not copies.
  std::string AddBundle(size_t data, size_t size) {
    const std::shared_ptr<const char> bytes(reinterpret_cast<const char*>(data),
                                            [](const char* p) { std::free(const_cast<char*>(p)); });
    const std::string_view all(bytes.get(), size);
    size_t end = all.find('\n');
    if (end == std::string_view::npos) end = all.size();
    if (Status s = bantin::CheckBundleHeader(all.substr(0, end)); !s.ok()) return ErrorToJson(s);
    JsonWriter articles, errors;
    articles.BeginArray();
    errors.BeginArray();
    size_t added = 0, duplicates = 0, line_number = 1;
    for (size_t begin = end + 1; begin < all.size(); begin = end + 1) {
      ++line_number;
      end = all.find('\n', begin);
      if (end == std::string_view::npos) end = all.size();
      std::string_view line = all.substr(begin, end - begin);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      bantin::Result<bantin::BundleArticle> a = bantin::BundleArticleFromJson(line, kForIndex);
      if (!a.ok()) {
        errors.BeginObject().Key("line").Int(static_cast<long long>(line_number));
        errors.Key("message").String(a.status().message()).EndObject();
        continue;
      }
      std::string id = a->bulletin.id;
      if (id.empty() || !index_.Add(std::move(a->bulletin))) {
        ++duplicates;
        continue;
      }
      ++added;
      articles.BeginObject().Key("id").String(id).Key("begin").Int(static_cast<long long>(begin));
      articles.Key("end").Int(static_cast<long long>(begin + line.size())).EndObject();
      lines_.emplace(std::move(id), Line{bytes, line});
    }
    articles.EndArray();
    errors.EndArray();
    return "{\"added\":" + std::to_string(added) + ",\"duplicates\":" + std::to_string(duplicates) +
           ",\"errors\":" + errors.str() + ",\"articles\":" + articles.str() + "}";
  }

  // A Bulletin JSON (as parseJson returns) and its page text.
  std::string AddBulletin(const std::string& json, const std::string& text) {
    bantin::Result<Bulletin> b = bantin::BulletinFromJson(json);
    if (!b.ok()) return ErrorToJson(b.status());
    std::string line = bantin::BundleArticleToJson(*b, text);
    return Add(std::move(*b), std::move(line));
  }

  bool Remove(const std::string& id) {
    lines_.erase(id);
    return index_.Remove(id);
  }

  bool Has(const std::string& id) const { return index_.Find(id) != nullptr; }
  // The Bulletin JSON, "" when unknown.
  std::string Get(const std::string& id) const {
    bantin::Result<bantin::BundleArticle> a = Read(id, {.text = false, .lines = true});
    return a.ok() ? bantin::BulletinToJson(a->bulletin) : std::string();
  }
  // The page text its line spans index, "" when unknown.
  std::string Text(const std::string& id) const {
    bantin::Result<bantin::BundleArticle> a = Read(id, {.text = true, .lines = false});
    return a.ok() ? std::move(a->text) : std::string();
  }
  // The bundle line of one article ("" when unknown): what a viewer persists.
  std::string Article(const std::string& id) const {
    const auto it = lines_.find(id);
    return it == lines_.end() ? std::string() : std::string(it->second.text);
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
  static constexpr bantin::BundleReadOptions kForIndex{.text = false, .lines = false};

  // Every stored line was read once already: it reads again.
  bantin::Result<bantin::BundleArticle> Read(const std::string& id, const bantin::BundleReadOptions& o) const {
    const auto it = lines_.find(id);
    if (it == lines_.end()) return Status::NotFound("no article " + id);
    return bantin::BundleArticleFromJson(it->second.text, o);
  }

  std::string Add(Bulletin b, std::string line) {
    if (b.id.empty()) return ErrorToJson(Status::InvalidArgument("bulletin: no id"));
    const std::string id = b.id;
    b.lines = {};  // the index never reads them; Get reads the line again
    const bool added = index_.Add(std::move(b));
    if (added) {
      auto owned = std::make_shared<const std::string>(std::move(line));
      lines_[id] = Line{std::shared_ptr<const char>(owned, owned->data()), *owned};
    }
    JsonWriter w;
    w.BeginObject().Key("id").String(id).Key("added").Bool(added).EndObject();
    return w.Take();
  }

  bantin::MemoryIndex index_;
  // An article's bundle line: a view into bytes shared with the other
  // articles of its bundle (or of its own), alive while a view is.
  struct Line {
    std::shared_ptr<const char> bytes;
    std::string_view text;
  };
  std::unordered_map<std::string, Line> lines_;  // id → bundle line
};

}  // namespace

EMSCRIPTEN_BINDINGS(bantin) {
  emscripten::function("parseJson", &ParseJson);
  emscripten::function("pageText", &PageText);
  emscripten::function("parserVersion", &ParserVersion);
  emscripten::function("checkQuery", &CheckQuery);
  emscripten::function("queryWithFilters", &QueryWithFilters);
  emscripten::class_<Index>("Index")
      .constructor<>()
      .function("addPage", &Index::AddPage)
      .function("addArticle", &Index::AddArticle)
      .function("addBulletin", &Index::AddBulletin)
      .function("addBundle", &Index::AddBundle)
      .function("remove", &Index::Remove)
      .function("has", &Index::Has)
      .function("get", &Index::Get)
      .function("text", &Index::Text)
      .function("article", &Index::Article)
      .function("size", &Index::Size)
      .function("search", &Index::Search);
}
