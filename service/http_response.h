// An HTTP/1.1 response as the HTTP side makes it, and its bytes on the
// wire: the head, a body whole or in chunks.
#ifndef BANTIN_SERVICE_HTTP_RESPONSE_H_
#define BANTIN_SERVICE_HTTP_RESPONSE_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace bantin {

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body made while it is sent (chunked): each call appends some bytes to
  // `out`. kMore: call again; kDone: the body is complete; kFailed: cut it
  // short (the reader sees a truncated body, never a wrong one).
  enum class Part { kMore, kDone, kFailed };
  std::function<Part(std::string& out)> stream;
};

// "Not Found" for 404 and so on.
const char* ReasonPhrase(int status);

// Status line and headers through the blank line: Content-Length of the
// body, or chunked transfer for a streamed one.
std::string ResponseHead(const HttpResponse& r, bool keep_alive, bool chunked);

// The head and the whole body of a response that is not streamed.
std::string ResponseBytes(const HttpResponse& r, bool keep_alive);

// A one-line text answer.
HttpResponse PlainResponse(int status, const std::string& text);

// One chunk of a chunked body.
void AppendChunk(std::string& out, const std::string& data);

}  // namespace bantin

#endif  // BANTIN_SERVICE_HTTP_RESPONSE_H_
