// An HTTP/1.1 request head as the server's HTTP side reads it: the request
// line and headers, nothing more (the side serves GET and HEAD only, so a
// request has no body it must read). Parsing is bounded by the head's size
// limit and never copies more than the head.
#ifndef BANTIN_SERVICE_HTTP_REQUEST_H_
#define BANTIN_SERVICE_HTTP_REQUEST_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace bantin {

struct HttpRequest {
  std::string method;                          // "GET"
  std::string path;                            // percent-decoded, without the query
  std::map<std::string, std::string> params;   // the query, percent-decoded
  std::map<std::string, std::string> headers;  // names in lower case
  bool keep_alive = true;                      // HTTP/1.1 without "Connection: close"

  std::string Header(const std::string& lower_name) const {
    const auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
  std::string Param(const std::string& name) const {
    const auto it = params.find(name);
    return it == params.end() ? "" : it->second;
  }
};

enum class HeadParse { kIncomplete, kComplete, kBad };

// Reads a head from the start of `buffer`. kComplete: `*request` is filled
// and `*head_bytes` is the head's length (through its blank line).
// kIncomplete: more bytes are needed — unless `buffer` already holds
// `max_head_bytes` without a blank line, which is kBad with `*status` 431
// (414 when the request line alone is that long). kBad: `*status` says why
// (400, 405, 505).
HeadParse ParseHead(std::string_view buffer, size_t max_head_bytes, HttpRequest* request, size_t* head_bytes,
                    int* status);

}  // namespace bantin

#endif  // BANTIN_SERVICE_HTTP_REQUEST_H_
