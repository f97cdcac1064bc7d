#include "http_request.h"

namespace bantin {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// %XX decoded; in a query, '+' is a space.
std::string PercentDecoded(std::string_view s, bool query) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += query && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

}  // namespace

HeadParse ParseHead(std::string_view buffer, size_t max_head_bytes, HttpRequest* request, size_t* head_bytes,
                    int* status) {
  size_t end = buffer.find("\r\n\r\n");
  size_t terminator = 4;
  if (const size_t bare = buffer.find("\n\n"); bare != std::string_view::npos && bare < end) end = bare, terminator = 2;
  if (end == std::string_view::npos || end + terminator > max_head_bytes) {
    if (buffer.size() < max_head_bytes) return HeadParse::kIncomplete;
    *status = buffer.find('\n') == std::string_view::npos || buffer.find('\n') >= max_head_bytes ? 414 : 431;
    return HeadParse::kBad;
  }
  *head_bytes = end + terminator;
  std::string_view head = buffer.substr(0, end);
  const size_t line_end = std::min(head.find('\n'), head.size());
  const std::string_view line = Trimmed(head.substr(0, line_end));
  const size_t sp1 = line.find(' '), sp2 = line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) {
    *status = 400;
    return HeadParse::kBad;
  }
  request->method = std::string(line.substr(0, sp1));
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    *status = version.rfind("HTTP/", 0) == 0 ? 505 : 400;
    return HeadParse::kBad;
  }
  if (target.empty() || target[0] != '/') {
    *status = 400;
    return HeadParse::kBad;
  }
  const size_t q = target.find('?');
  request->path = PercentDecoded(target.substr(0, q), false);
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      const size_t amp = std::min(query.find('&'), query.size());
      const std::string_view pair = query.substr(0, amp);
      const size_t eq = pair.find('=');
      if (!pair.empty())
        request->params[PercentDecoded(pair.substr(0, eq), true)] =
            eq == std::string_view::npos ? "" : PercentDecoded(pair.substr(eq + 1), true);
      query.remove_prefix(std::min(amp + 1, query.size()));
    }
  }
  std::string_view rest = line_end < head.size() ? head.substr(line_end + 1) : std::string_view();
  while (!rest.empty()) {
    const size_t nl = std::min(rest.find('\n'), rest.size());
    const std::string_view header = rest.substr(0, nl);
    rest.remove_prefix(std::min(nl + 1, rest.size()));
    const size_t colon = header.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *status = 400;
      return HeadParse::kBad;
    }
    request->headers[Lower(Trimmed(header.substr(0, colon)))] = std::string(Trimmed(header.substr(colon + 1)));
  }
  const std::string connection = Lower(request->Header("connection"));
  request->keep_alive = version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive";
  if (request->method != "GET" && request->method != "HEAD") {
    *status = 405;
    return HeadParse::kBad;
  }
  return HeadParse::kComplete;
}

}  // namespace bantin
