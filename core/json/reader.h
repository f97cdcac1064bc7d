// Internal to core/json: a strict pull reader over one JSON text (RFC 8259
// only; the first error wins and names its byte offset), and the readers of
// core types built on it, shared by the Bulletin reader (json_read.h) and
// the export bundle (bundle.h).
#ifndef BANTIN_JSON_READER_H_
#define BANTIN_JSON_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "bantin/bulletin.h"
#include "bantin/status.h"

namespace bantin {

// Deep enough for any Bulletin (3 levels) and for unknown fields of sane
// producers; shallow enough that skipping recursion cannot exhaust a stack.
inline constexpr int kMaxDepth = 64;

// A pull reader over one JSON text. Every method returns false once an error
// is recorded; the first error wins and names its byte offset.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  Status status() const { return status_; }

  bool Fail(const std::string& what) {
    if (status_.ok())
      status_ = Status::InvalidField("json", what + " at offset " + std::to_string(pos_))
                    .WithMetadata("offset", std::to_string(pos_));
    return false;
  }

  void Space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  char Next() {  // the next significant byte, 0 at the end
    Space();
    return pos_ < s_.size() ? s_[pos_] : 0;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return Fail("expected " + std::string(word));
    pos_ += word.size();
    return true;
  }
  // A JSON null where a known field's value goes: proto3 reads it as the default.
  bool Null() {
    if (Next() != 'n') return false;
    return Literal("null");
  }
  bool AtEnd() {
    Space();
    return pos_ == s_.size() || Fail("unexpected bytes after the value");
  }

  bool String(std::string* out);
  bool Number(double* out);
  bool Bool(bool* out);
  bool Skip(int depth);
  // Calls member(key) with the reader before each member's value; member must
  // consume the value. (Templates: a call per member is the hot path.)
  template <typename Member>
  bool Object(Member&& member, int depth);
  template <typename Element>
  bool Array(Element&& element, int depth);

 private:
  bool Hex4(uint32_t* out);

  std::string_view s_;
  size_t pos_ = 0;
  Status status_;
};

template <typename Member>
bool Reader::Object(Member&& member, int depth) {
  if (depth >= kMaxDepth) return Fail("nested too deeply");
  if (Next() != '{') return Fail("expected an object");
  ++pos_;
  if (Next() == '}') {
    ++pos_;
    return true;
  }
  std::string key;
  while (true) {
    if (!String(&key)) return false;
    if (Next() != ':') return Fail("expected ':'");
    ++pos_;
    if (!member(key)) return Fail("bad value of \"" + key + "\"");
    const char c = Next();
    ++pos_;
    if (c == '}') return true;
    if (c != ',') return --pos_, Fail("expected ',' or '}'");
  }
}

template <typename Element>
bool Reader::Array(Element&& element, int depth) {
  if (depth >= kMaxDepth) return Fail("nested too deeply");
  if (Next() != '[') return Fail("expected an array");
  ++pos_;
  if (Next() == ']') {
    ++pos_;
    return true;
  }
  while (true) {
    if (!element()) return false;
    const char c = Next();
    ++pos_;
    if (c == ']') return true;
    if (c != ',') return --pos_, Fail("expected ',' or ']'");
  }
}

// Reads one Bulletin object into `b` (fields it names; unknown ones are
// skipped). With lines = false the "lines" member is only checked for syntax.
bool ReadBulletin(Reader& r, Bulletin* b, int depth, bool lines = true);
// A string (a boolean), or null for the default.
bool ReadString(Reader& r, std::string* out);
bool ReadBool(Reader& r, bool* out);

}  // namespace bantin

#endif  // BANTIN_JSON_READER_H_
