#include "bantin/embed/article_index.h"

#include "bantin/index/saved_index.h"

#include <functional>
#include <utility>

#include "bantin/html/document.h"
#include "bantin/json/bundle.h"
#include "bantin/json/json.h"
#include "bantin/json/json_read.h"
#include "bantin/query/query.h"
#include "bantin/search/search_engine.h"
#include "bantin/search/search_json.h"

namespace bantin {
namespace {

// Lines read to index: neither the page text nor the line spans.
constexpr BundleReadOptions kForIndex{.text = false, .lines = false};

}  // namespace

std::string ParseJson(std::string_view raw, const ParseHints& hints) { return BulletinToJson(Parse(raw, hints)); }

Status CheckQuery(std::string_view query) { return ParseQuery(query).status(); }

std::string BundleReportToJson(const BundleReport& report) {
  JsonWriter w;
  w.BeginObject();
  w.Key("added").Int(static_cast<long long>(report.added));
  w.Key("duplicates").Int(static_cast<long long>(report.duplicates));
  w.Key("updated").Int(static_cast<long long>(report.updated));
  w.Key("errors").BeginArray();
  for (const BundleReport::LineError& e : report.errors) {
    w.BeginObject().Key("line").Int(static_cast<long long>(e.line)).Key("message").String(e.message).EndObject();
  }
  w.EndArray().Key("articles").BeginArray();
  for (const BundleReport::Article& a : report.articles) {
    w.BeginObject().Key("id").String(a.id);
    w.Key("begin").Int(static_cast<long long>(a.begin)).Key("end").Int(static_cast<long long>(a.end)).EndObject();
  }
  w.EndArray().Key("deleted").BeginArray();
  for (const std::string& id : report.deleted) w.String(id);
  w.EndArray();
  w.StringField("cursor", report.cursor);
  if (report.reset) w.Key("reset").Bool(true);
  w.EndObject();
  return w.Take();
}

Result<AddedArticle> ArticleIndex::AddPage(std::string_view raw, const ParseHints& hints) {
  Bulletin b = Parse(raw, hints);
  std::string line = BundleArticleToJson(b, PageText(raw));
  return Add(std::move(b), std::move(line));
}

Result<AddedArticle> ArticleIndex::AddArticle(std::string_view line) {
  Result<BundleArticle> a = BundleArticleFromJson(line, kForIndex);
  if (!a.ok()) return a.status();
  return Add(std::move(a->bulletin), std::string(line));
}

Result<AddedArticle> ArticleIndex::AddBulletin(std::string_view json, std::string_view text) {
  Result<Bulletin> b = BulletinFromJson(json);
  if (!b.ok()) return b.status();
  std::string line = BundleArticleToJson(*b, text);
  return Add(std::move(*b), std::move(line));
}

namespace {

// Reads a bundle's header into `report`, then hands each article line to
// `article` (its parse, its first byte's offset, the line) and each
// deletion's id to `deleted`; a line that does not parse is an error in
// `report`. A bad header is the error returned.
Status WalkBundle(std::string_view all, BundleReport* report,
                  const std::function<void(BundleArticle& a, size_t begin, std::string_view line)>& article,
                  const std::function<void(std::string id)>& deleted) {
  size_t end = all.find('\n');
  if (end == std::string_view::npos) end = all.size();
  BundleHeader header;
  if (Status s = CheckBundleHeader(all.substr(0, end), &header); !s.ok()) return s;
  report->cursor = std::move(header.cursor);
  report->reset = header.reset;
  size_t line_number = 1;
  for (size_t begin = end + 1; begin < all.size(); begin = end + 1) {
    ++line_number;
    end = all.find('\n', begin);
    if (end == std::string_view::npos) end = all.size();
    std::string_view line = all.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    Result<BundleArticle> a = BundleArticleFromJson(line, kForIndex);
    if (!a.ok()) {
      report->errors.push_back({line_number, a.status().message()});
    } else if (!a->deleted.empty()) {
      deleted(std::move(a->deleted));
    } else {
      article(*a, begin, line);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<BundleReport> ArticleIndex::AddBundle(std::shared_ptr<const char> bytes, size_t size) {
  BundleReport report;
  const auto add = [&](BundleArticle& a, size_t begin, std::string_view line) {
    std::string id = a.bulletin.id;
    // The same id under another line is the article stored again: the
    // newer line wins.
    bool replaced = false;
    if (index_.Contains(id)) {
      const auto held = lines_.find(id);  // none for an index loaded from its saved bytes
      if (held == lines_.end() || held->second.text != line) replaced = Remove(id);
    }
    if (id.empty() || !index_.Add(std::move(a.bulletin))) {
      ++report.duplicates;
      return;
    }
    ++(replaced ? report.updated : report.added);
    report.articles.push_back({id, begin, begin + line.size()});
    lines_.emplace(std::move(id), Line{bytes, line});
  };
  const auto remove = [&](std::string id) {
    Remove(id);
    report.deleted.push_back(std::move(id));
  };
  if (Status s = WalkBundle(std::string_view(bytes.get(), size), &report, add, remove); !s.ok()) return s;
  return report;
}

Result<BundleReport> ArticleIndex::ReadBundle(std::string_view bytes) {
  BundleReport report;
  const auto list = [&](BundleArticle& a, size_t begin, std::string_view line) {
    if (a.bulletin.id.empty()) return void(++report.duplicates);
    ++report.added;
    report.articles.push_back({std::move(a.bulletin.id), begin, begin + line.size()});
  };
  const auto deleted = [&](std::string id) { report.deleted.push_back(std::move(id)); };
  if (Status s = WalkBundle(bytes, &report, list, deleted); !s.ok()) return s;
  return report;
}

Result<std::string> ArticleIndex::SaveIndex() const { return bantin::SaveIndex(index_); }

Status ArticleIndex::LoadIndexHead(std::shared_ptr<const char> head, size_t size, SavedBytesReader read) {
  lines_.clear();
  return bantin::LoadIndexHead(std::move(head), size, std::move(read), &index_);
}

Status ArticleIndex::LoadIndex(std::string_view bytes) {
  lines_.clear();
  return bantin::LoadIndex(bytes, &index_);
}

bool ArticleIndex::Remove(const std::string& id) {
  lines_.erase(id);
  return index_.Remove(id);
}

namespace {
// As the store says it (storage/store.h), so every shell answers alike.
Status NotFound(const std::string& id) {
  return Status::NotFound("bulletin " + id + ": not found").WithReason("BULLETIN_NOT_FOUND").WithMetadata("id", id);
}
}  // namespace

Result<Bulletin> ArticleIndex::Get(const std::string& id) const {
  const auto it = lines_.find(id);
  if (it == lines_.end()) return NotFound(id);
  Result<BundleArticle> a = BundleArticleFromJson(it->second.text, {.text = false, .lines = true});
  if (!a.ok()) return a.status();
  return std::move(a->bulletin);
}

Result<std::string> ArticleIndex::Text(const std::string& id) const {
  const auto it = lines_.find(id);
  if (it == lines_.end()) return NotFound(id);
  Result<BundleArticle> a = BundleArticleFromJson(it->second.text, {.text = true, .lines = false});
  if (!a.ok()) return a.status();
  return std::move(a->text);
}

std::string_view ArticleIndex::Article(const std::string& id) const {
  const auto it = lines_.find(id);
  return it == lines_.end() ? std::string_view() : it->second.text;
}

namespace {
// The query a request asks: the reader's, then its filters as clauses.
Result<std::string> RequestQuery(const SearchRequest& request) {
  if (Status s = CheckQuery(request.query); !s.ok()) return s;
  return QueryWithFilters(request.query, request.filters);
}
}  // namespace

Result<std::string> ArticleIndex::SnippetsJson(std::string_view line, const SearchRequest& request) {
  Result<std::string> query = RequestQuery(request);
  if (!query.ok()) return query.status();
  Result<Query> parsed = ParseQuery(*query);
  if (!parsed.ok()) return parsed.status();
  Result<BundleArticle> a = BundleArticleFromJson(line, kForIndex);
  if (!a.ok()) return a.status();
  return SnippetsToJson(a->bulletin, *parsed);
}

Result<std::string> ArticleIndex::SearchJson(const SearchRequest& request) const {
  Result<std::string> query = RequestQuery(request);
  if (!query.ok()) return query.status();
  SearchOptions o;
  if (request.page_size > 0) o.page_size = request.page_size;
  o.page_token = request.page_token;
  Result<SearchResult> r = Search(index_, *query, o);
  if (!r.ok()) return r.status();
  return SearchResponseToJson(*r, [this](uint32_t docno) { return index_.Document(docno); });
}

Result<AddedArticle> ArticleIndex::Add(Bulletin b, std::string line) {
  if (b.id.empty()) return Status::InvalidArgument("bulletin: no id");
  AddedArticle result{b.id, false};
  b.lines = {};  // the index never reads them; Get reads the line again
  result.added = index_.Add(std::move(b));
  if (result.added) {
    auto owned = std::make_shared<const std::string>(std::move(line));
    lines_[result.id] = Line{std::shared_ptr<const char>(owned, owned->data()), *owned};
  }
  return result;
}

}  // namespace bantin
