/* bantin's C API: parse Vietnamese news pages (text or HTML) into bulletins
 * and search them in memory, from any language with a C FFI. C99; the
 * library is libbantin.so (pkg-config bantin).
 *
 * Conventions, for every call:
 *  - Text crosses as UTF-8 bytes with a length; strings given as `const
 *    char*` are NUL-terminated, and NULL is read as "".
 *  - Errors are values: a call that can fail returns a bantin_status*, NULL
 *    on success. A status carries a code (google.rpc.Code numbers, the same
 *    as the gRPC service answers), a message, and when known a reason (e.g.
 *    "INVALID_QUERY") and the field at fault. The caller frees it with
 *    bantin_status_free. On failure, no output is written.
 *  - Whatever the library allocates for the caller (char* outputs, statuses,
 *    indexes) is freed by the caller with the matching bantin_*_free call;
 *    inputs stay the caller's and are not kept after the call returns.
 *  - JSON answers are the shapes the service and the CLI give: a Bulletin as
 *    `bantin parse --json` prints it, a search page as `bantin search --json`
 *    (bantin.v1.SearchBulletinsResponse in proto3 JSON).
 *
 * Threads: bantin_parse, bantin_page_text and the version calls may run on
 * any number of threads at once. An index may be shared between threads:
 * its calls are serialised by a lock the index holds (one at a time). */
#ifndef BANTIN_BANTIN_H_
#define BANTIN_BANTIN_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define BANTIN_EXPORT __attribute__((visibility("default")))
#else
#define BANTIN_EXPORT
#endif

/* Codes, numbered as google.rpc.Code. */
typedef enum bantin_code {
  BANTIN_OK = 0,
  BANTIN_INVALID_ARGUMENT = 3,
  BANTIN_NOT_FOUND = 5,
  BANTIN_RESOURCE_EXHAUSTED = 8,
  BANTIN_INTERNAL = 13
} bantin_code;

/* A code's name ("INVALID_ARGUMENT"), as the service and the CLI write it;
 * "UNKNOWN" for a number outside google.rpc.Code. Static. */
BANTIN_EXPORT const char* bantin_code_name(int code);

typedef struct bantin_status bantin_status;
BANTIN_EXPORT int bantin_status_code(const bantin_status* status);
/* Valid until the status is freed; "" when the status has none. */
BANTIN_EXPORT const char* bantin_status_message(const bantin_status* status);
BANTIN_EXPORT const char* bantin_status_reason(const bantin_status* status);
BANTIN_EXPORT const char* bantin_status_field(const bantin_status* status);
BANTIN_EXPORT void bantin_status_free(bantin_status* status);

/* Frees a char* the library returned. */
BANTIN_EXPORT void bantin_free(char* text);

/* The library's version ("0.1.0") and its parser's version (a bulletin's
 * parser_version). Static strings. */
BANTIN_EXPORT const char* bantin_version(void);
BANTIN_EXPORT const char* bantin_parser_version(void);

/* What the caller knows of a page besides its bytes; any may be NULL. A hint
 * wins over what the page says. */
typedef struct bantin_hints {
  const char* url;
  const char* source_id;
  const char* province;
  const char* fetch_date; /* YYYY-MM-DD: no article is dated after it */
} bantin_hints;

/* Parses `size` bytes of a raw page (text scrape or HTML, any charset the
 * page declares) into the Bulletin JSON, NUL-terminated, in *json (length in
 * *json_size when json_size is not NULL). `hints` may be NULL. Never fails
 * on the page's content (a page it cannot read gives a bulletin with
 * warnings); fails only on NULL outputs or memory. */
BANTIN_EXPORT bantin_status* bantin_parse(const char* bytes, size_t size, const bantin_hints* hints, char** json,
                                          size_t* json_size);

/* The page text a bulletin's line spans index: the text itself, or what an
 * HTML page shows. */
BANTIN_EXPORT bantin_status* bantin_page_text(const char* bytes, size_t size, char** text, size_t* text_size);

/* An in-memory index of bulletins, searched by the same engine as the
 * service. */
typedef struct bantin_index bantin_index;
BANTIN_EXPORT bantin_index* bantin_index_new(void);
BANTIN_EXPORT void bantin_index_free(bantin_index* index);

/* Parses a raw page and adds it. *id (freed with bantin_free) gets its id and
 * *added 0 when that id was there already; either may be NULL. */
BANTIN_EXPORT bantin_status* bantin_index_add_page(bantin_index* index, const char* bytes, size_t size,
                                                   const bantin_hints* hints, char** id, int* added);

/* Adds every article of an export bundle (NDJSON, as `bantin export` and GET
 * /bundle give it). A bad header is an error; a bad article line is reported
 * in *report and skipped: {"added":N,"duplicates":N,"updated":N,"errors":
 * [{"line":N,"message":"…"}],"articles":[{"id":"…","begin":B,"end":E}],
 * "deleted":["…"],"cursor":"…","reset":true}. A bundle of changes (GET
 * /bundle?since=) also deletes; an article there under another line is
 * replaced ("updated", listed in "articles"). `report` may be NULL. */
BANTIN_EXPORT bantin_status* bantin_index_add_bundle(bantin_index* index, const char* bytes, size_t size,
                                                     char** report);

/* 1 when the id was there and is removed, else 0. */
BANTIN_EXPORT int bantin_index_remove(bantin_index* index, const char* id);
BANTIN_EXPORT size_t bantin_index_size(bantin_index* index);

/* The Bulletin JSON of one id; NOT_FOUND when unknown. */
BANTIN_EXPORT bantin_status* bantin_index_get(bantin_index* index, const char* id, char** json);

/* Field filters and a page; any string may be NULL, page_size 0 is the
 * default page (20). Dates are YYYY-MM-DD, inclusive. */
typedef struct bantin_search_options {
  const char* province;
  const char* author;
  const char* from;
  const char* to;
  int page_size;
  const char* page_token;
} bantin_search_options;

/* Searches with the service's query language (README.md, "Search queries":
 * words, "phrases", -not, OR, field:value); `options` may be NULL. INVALID_ARGUMENT names the offset of a
 * malformed query. */
BANTIN_EXPORT bantin_status* bantin_index_search(bantin_index* index, const char* query,
                                                 const bantin_search_options* options, char** json);

#ifdef __cplusplus
}
#endif

#endif /* BANTIN_BANTIN_H_ */
