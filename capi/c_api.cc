// The C API (bantin.h) over embed/'s ArticleIndex and core's parser: each
// call converts C arguments, runs the C++ call, and turns a non-OK Status
// into a bantin_status. No C++ exception crosses the boundary: allocation
// failure is RESOURCE_EXHAUSTED, anything else INTERNAL.
#include "bantin/bantin.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <string_view>

#include "bantin/embed/article_index.h"
#include "bantin/html/document.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/status.h"
#include "bantin/version.h"

struct bantin_status {
  int code;
  std::string message, reason, field;
};

struct bantin_index {
  std::mutex lock;  // serialises every call on this index (bantin.h, "Threads")
  bantin::ArticleIndex index;
};

namespace {

std::string_view View(const char* s) { return s ? std::string_view(s) : std::string_view(); }

bantin_status* NewStatus(int code, std::string message, std::string reason = {}, std::string field = {}) {
  return new (std::nothrow) bantin_status{code, std::move(message), std::move(reason), std::move(field)};
}
bantin_status* FromStatus(const bantin::Status& s) {
  if (s.ok()) return nullptr;
  return NewStatus(static_cast<int>(s.code()), s.message(), s.reason(), s.field());
}
bantin_status* MissingOutput(const char* name) {
  return NewStatus(BANTIN_INVALID_ARGUMENT, std::string(name) + ": NULL output", "NULL_OUTPUT", name);
}

// A malloc'd, NUL-terminated copy the caller frees with bantin_free.
char* Copy(std::string_view s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (!out) throw std::bad_alloc();
  std::memcpy(out, s.data(), s.size());
  out[s.size()] = '\0';
  return out;
}
bantin_status* Give(std::string_view s, char** out, size_t* size) {
  *out = Copy(s);
  if (size) *size = s.size();
  return nullptr;
}

bantin::ParseHints Hints(const bantin_hints* h) {
  if (!h) return {};
  return {std::string(View(h->url)), std::string(View(h->source_id)), std::string(View(h->province)),
          std::string(View(h->fetch_date))};
}

// Runs `f`, turning what it throws into a status: the C boundary.
template <typename F>
bantin_status* Guard(F&& f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return NewStatus(BANTIN_RESOURCE_EXHAUSTED, "out of memory");
  } catch (const std::exception& e) {
    return NewStatus(BANTIN_INTERNAL, e.what());
  }
}

}  // namespace

extern "C" {

const char* bantin_code_name(int code) { return bantin::StatusCodeName(code); }
int bantin_status_code(const bantin_status* s) { return s ? s->code : BANTIN_OK; }
const char* bantin_status_message(const bantin_status* s) { return s ? s->message.c_str() : ""; }
const char* bantin_status_reason(const bantin_status* s) { return s ? s->reason.c_str() : ""; }
const char* bantin_status_field(const bantin_status* s) { return s ? s->field.c_str() : ""; }
void bantin_status_free(bantin_status* s) { delete s; }
void bantin_free(char* text) { std::free(text); }

const char* bantin_version(void) { return bantin::version(); }
const char* bantin_parser_version(void) { return bantin::kParserVersion; }

bantin_status* bantin_parse(const char* bytes, size_t size, const bantin_hints* hints, char** json, size_t* json_size) {
  if (!json) return MissingOutput("json");
  return Guard([&] {
    return Give(bantin::ParseJson(std::string_view(bytes, bytes ? size : 0), Hints(hints)), json, json_size);
  });
}

bantin_status* bantin_page_text(const char* bytes, size_t size, char** text, size_t* text_size) {
  if (!text) return MissingOutput("text");
  return Guard([&] { return Give(bantin::PageText(std::string_view(bytes, bytes ? size : 0)), text, text_size); });
}

bantin_index* bantin_index_new(void) { return new (std::nothrow) bantin_index; }
void bantin_index_free(bantin_index* index) { delete index; }

bantin_status* bantin_index_add_page(bantin_index* index, const char* bytes, size_t size, const bantin_hints* hints,
                                     char** id, int* added) {
  if (!index) return MissingOutput("index");
  return Guard([&]() -> bantin_status* {
    std::lock_guard<std::mutex> hold(index->lock);
    bantin::Result<bantin::AddedArticle> r =
        index->index.AddPage(std::string_view(bytes, bytes ? size : 0), Hints(hints));
    if (!r.ok()) return FromStatus(r.status());
    if (id) *id = Copy(r->id);
    if (added) *added = r->added ? 1 : 0;
    return nullptr;
  });
}

bantin_status* bantin_index_add_bundle(bantin_index* index, const char* bytes, size_t size, char** report) {
  if (!index) return MissingOutput("index");
  return Guard([&]() -> bantin_status* {
    // The index keeps views into the bundle's lines: it gets its own copy.
    auto copy = std::make_shared<const std::string>(bytes ? std::string(bytes, size) : std::string());
    std::shared_ptr<const char> shared(copy, copy->data());
    std::lock_guard<std::mutex> hold(index->lock);
    bantin::Result<bantin::BundleReport> r = index->index.AddBundle(std::move(shared), copy->size());
    if (!r.ok()) return FromStatus(r.status());
    if (report) *report = Copy(bantin::BundleReportToJson(*r));
    return nullptr;
  });
}

int bantin_index_remove(bantin_index* index, const char* id) {
  if (!index) return 0;
  try {
    std::lock_guard<std::mutex> hold(index->lock);
    return index->index.Remove(std::string(View(id))) ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

size_t bantin_index_size(bantin_index* index) {
  if (!index) return 0;
  std::lock_guard<std::mutex> hold(index->lock);
  return index->index.Size();
}

bantin_status* bantin_index_get(bantin_index* index, const char* id, char** json) {
  if (!index) return MissingOutput("index");
  if (!json) return MissingOutput("json");
  return Guard([&]() -> bantin_status* {
    std::lock_guard<std::mutex> hold(index->lock);
    bantin::Result<bantin::Bulletin> b = index->index.Get(std::string(View(id)));
    if (!b.ok()) return FromStatus(b.status());
    *json = Copy(bantin::BulletinToJson(*b));
    return nullptr;
  });
}

bantin_status* bantin_index_search(bantin_index* index, const char* query, const bantin_search_options* options,
                                   char** json) {
  if (!index) return MissingOutput("index");
  if (!json) return MissingOutput("json");
  return Guard([&]() -> bantin_status* {
    bantin::SearchRequest request;
    request.query = std::string(View(query));
    if (options) {
      request.filters = {std::string(View(options->province)), std::string(View(options->author)),
                         std::string(View(options->from)), std::string(View(options->to))};
      request.page_size = options->page_size;
      request.page_token = std::string(View(options->page_token));
    }
    std::lock_guard<std::mutex> hold(index->lock);
    bantin::Result<std::string> r = index->index.SearchJson(request);
    if (!r.ok()) return FromStatus(r.status());
    *json = Copy(*r);
    return nullptr;
  });
}

}  // extern "C"
