#include "bantin/search/search_json.h"

#include "bantin/json/json.h"
#include "bantin/search/highlight.h"

namespace bantin {
namespace {

void WriteSnippet(JsonWriter& w, const Snippet& s) {
  w.BeginObject().StringField("field", s.field);
  if (s.block != 0) w.Key("block").Int(s.block);
  if (s.offset != 0) w.Key("offset").Int(s.offset);
  w.StringField("text", s.text);
  if (!s.highlights.empty()) {
    w.Key("highlights").BeginArray();
    for (const HighlightSpan& h : s.highlights) {
      w.BeginObject();
      if (h.begin != 0) w.Key("begin").Int(h.begin);
      if (h.end != 0) w.Key("end").Int(h.end);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

// A result's "snippet" and "snippets" fields.
void WriteSnippetFields(JsonWriter& w, const std::vector<Snippet>& snippets) {
  w.StringField("snippet", BodySnippet(snippets));
  if (!snippets.empty()) {
    w.Key("snippets").BeginArray();
    for (const Snippet& sn : snippets) WriteSnippet(w, sn);
    w.EndArray();
  }
}

void WriteResult(JsonWriter& w, const Bulletin& b, const Hit& hit, const Query& query) {
  const std::vector<Snippet> snippets = Snippets(b, query);
  w.BeginObject().StringField("id", b.id).StringField("title", b.title).StringField("date", b.date);
  const Source& s = b.source;
  if (!s.id.empty() || !s.name.empty() || !s.province.empty() || !s.site.empty()) {
    w.Key("source").BeginObject().StringField("id", s.id).StringField("name", s.name);
    w.StringField("province", s.province).StringField("site", s.site).EndObject();
  }
  if (hit.score != 0) w.Key("score").Number(hit.score);
  WriteSnippetFields(w, snippets);
  w.StringField("author", b.author);
  if (hit.exact_terms != 0) w.Key("exactTerms").Int(hit.exact_terms);
  w.EndObject();
}

void WriteFacets(JsonWriter& w, const char* key, const std::vector<FacetCount>& facets) {
  if (facets.empty()) return;
  w.Key(key).BeginArray();
  for (const FacetCount& f : facets) {
    w.BeginObject().StringField("value", f.value);
    if (f.count != 0) w.Key("count").String(std::to_string(f.count));
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string SnippetsToJson(const Bulletin& bulletin, const Query& query) {
  JsonWriter w;
  w.BeginObject();
  WriteSnippetFields(w, Snippets(bulletin, query));
  w.EndObject();
  return w.Take();
}

std::string ErrorToJson(const Status& s) {
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject();
  w.Key("code").String(StatusCodeName(s.code())).Key("message").String(s.message());
  w.EndObject().EndObject();
  return w.Take();
}

std::string SearchResponseToJson(const SearchResult& result,
                                 const std::function<const Bulletin*(uint32_t docno)>& document) {
  JsonWriter w;
  w.BeginObject();
  bool any = false;
  for (const Hit& hit : result.hits) {
    const Bulletin* b = document(hit.docno);
    if (!b) continue;
    if (!any) w.Key("results").BeginArray();
    any = true;
    WriteResult(w, *b, hit, result.query);
  }
  if (any) w.EndArray();
  w.StringField("nextPageToken", result.next_page_token);
  if (result.total != 0) w.Key("totalSize").String(std::to_string(result.total));
  WriteFacets(w, "provinceFacets", result.provinces);
  WriteFacets(w, "monthFacets", result.months);
  WriteFacets(w, "placeFacets", result.places);
  w.EndObject();
  return w.Take();
}

}  // namespace bantin
