#include "reader.h"

#include <array>
#include <cmath>
#include <cstdlib>

#include "bantin/utf8.h"

namespace bantin {
namespace {

// Bytes that end a plain run inside a string: '"', '\\' and C0 controls.
constexpr auto kEndsRun = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

}  // namespace

bool Reader::Hex4(uint32_t* out) {
  if (s_.size() - pos_ < 4) return Fail("truncated \\u escape");
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = s_[pos_++];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= c - '0';
    else if (c >= 'a' && c <= 'f')
      v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      v |= c - 'A' + 10;
    else
      return Fail("bad \\u escape");
  }
  *out = v;
  return true;
}

bool Reader::String(std::string* out) {
  if (Next() != '"') return Fail("expected a string");
  ++pos_;
  if (out) out->clear();
  while (true) {
    // The run up to the next quote, backslash or control, validated and
    // copied in one go: page texts are long and their escapes far apart.
    const size_t start = pos_;
    while (pos_ < s_.size() && !kEndsRun[static_cast<unsigned char>(s_[pos_])]) ++pos_;
    const std::string_view run = s_.substr(start, pos_ - start);
    // Strict UTF-8 for what is kept: no overlongs, surrogates or code points
    // past U+10FFFF (the run holds no controls, which IsCleanUtf8 would also
    // refuse). What is skipped is checked for syntax only: page texts are
    // most of a bundle's bytes, and nothing reads them while indexing.
    if (out && !IsCleanUtf8(run)) return pos_ = start, Fail("invalid UTF-8 in a string");
    if (out) out->append(run);
    if (pos_ >= s_.size()) return Fail("unterminated string");
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (c < 0x20) return Fail("control character in a string");
    // An escape.
    if (++pos_ >= s_.size()) return Fail("unterminated string");
    const char e = s_[pos_++];
    char plain = 0;
    switch (e) {
      case '"':
        plain = '"';
        break;
      case '\\':
        plain = '\\';
        break;
      case '/':
        plain = '/';
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u': {
        uint32_t cp;
        if (!Hex4(&cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low;
          if (s_.substr(pos_, 2) != "\\u") return Fail("lone high surrogate");
          pos_ += 2;
          if (!Hex4(&low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) return Fail("lone high surrogate");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) AppendUtf8(*out, cp);
        continue;
      }
      default:
        return Fail("bad escape");
    }
    if (out) out->push_back(plain);
  }
}

bool Reader::Number(double* out) {
  Next();
  const size_t start = pos_;
  const auto digits = [&] {
    const size_t from = pos_;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    return pos_ > from;
  };
  if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
  if (pos_ < s_.size() && s_[pos_] == '0')
    ++pos_;
  else if (!digits())
    return Fail("expected a number");
  if (pos_ < s_.size() && s_[pos_] == '.') {
    ++pos_;
    if (!digits()) return Fail("expected digits after '.'");
  }
  if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
    if (!digits()) return Fail("expected an exponent");
  }
  // The grammar above admits only what strtod reads the same in any locale
  // a program leaves as "C"; a bounded copy keeps strtod inside the number.
  const std::string text(s_.substr(start, pos_ - start));
  const double v = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(v)) return Fail("number out of range");
  if (out) *out = v;
  return true;
}

bool Reader::Bool(bool* out) {
  const char c = Next();
  if (c == 't') return Literal("true") && (*out = true, true);
  if (c == 'f') return Literal("false") && (*out = false, true);
  return Fail("expected true or false");
}

bool Reader::Skip(int depth) {
  switch (Next()) {
    case '"':
      return String(nullptr);
    case 't':
      return Literal("true");
    case 'f':
      return Literal("false");
    case 'n':
      return Literal("null");
    case '{':
      return Object([&](const std::string&) { return Skip(depth + 1); }, depth);
    case '[':
      return Array([&] { return Skip(depth + 1); }, depth);
    default:
      return Number(nullptr);
  }
}

// Typed field readers: null leaves the default, as proto3 JSON says.
bool ReadString(Reader& r, std::string* out) { return r.Null() || r.String(out); }
bool ReadBool(Reader& r, bool* out) { return r.Null() || r.Bool(out); }

namespace {

bool ReadDouble(Reader& r, double* out) { return r.Null() || r.Number(out); }
bool ReadUint32(Reader& r, uint32_t* out) {
  if (r.Null()) return true;
  double v;
  if (!r.Number(&v)) return false;
  if (v < 0 || v > 4294967295.0 || v != std::floor(v)) return r.Fail("expected a uint32");
  *out = static_cast<uint32_t>(v);
  return true;
}

template <typename Enum>
bool ReadEnum(Reader& r, Enum* out, int last, const char* (*name)(Enum)) {
  if (r.Null()) return true;
  std::string text;
  if (!r.String(&text)) return false;
  for (int k = 0; k <= last; ++k) {
    if (text == name(static_cast<Enum>(k))) {
      *out = static_cast<Enum>(k);
      return true;
    }
  }
  return r.Fail("unknown enum value \"" + text + "\"");
}

bool ReadStrings(Reader& r, std::vector<std::string>* out, int depth) {
  if (r.Null()) return true;
  return r.Array([&] { return ReadString(r, &out->emplace_back()); }, depth);
}

bool ReadSource(Reader& r, Source* s, int depth) {
  if (r.Null()) return true;
  return r.Object(
      [&](const std::string& k) {
        if (k == "id") return ReadString(r, &s->id);
        if (k == "name") return ReadString(r, &s->name);
        if (k == "province") return ReadString(r, &s->province);
        if (k == "site") return ReadString(r, &s->site);
        return r.Skip(depth + 1);
      },
      depth);
}

bool ReadBlocks(Reader& r, std::vector<Block>* out, int depth) {
  if (r.Null()) return true;
  return r.Array(
      [&] {
        Block& b = out->emplace_back();
        b.kind = BlockKind::kUnspecified;  // proto3 omits the zero value
        return r.Object(
            [&](const std::string& k) {
              if (k == "kind") return ReadEnum(r, &b.kind, 5, &BlockKindName);
              if (k == "text") return ReadString(r, &b.text);
              return r.Skip(depth + 2);
            },
            depth + 1);
      },
      depth);
}

bool ReadPeople(Reader& r, std::vector<Person>* out, int depth) {
  if (r.Null()) return true;
  return r.Array(
      [&] {
        Person& p = out->emplace_back();
        return r.Object(
            [&](const std::string& k) {
              if (k == "name") return ReadString(r, &p.name);
              if (k == "role") return ReadString(r, &p.role);
              return r.Skip(depth + 2);
            },
            depth + 1);
      },
      depth);
}

bool ReadLines(Reader& r, std::vector<LineSpan>* out, int depth) {
  if (r.Null()) return true;
  return r.Array(
      [&] {
        LineSpan& l = out->emplace_back();
        return r.Object(
            [&](const std::string& k) {
              if (k == "role") return ReadEnum(r, &l.role, 11, &LineRoleName);
              if (k == "begin") return ReadUint32(r, &l.begin);
              if (k == "end") return ReadUint32(r, &l.end);
              return r.Skip(depth + 2);
            },
            depth + 1);
      },
      depth);
}

bool ReadConfidence(Reader& r, Confidence* c, int depth) {
  if (r.Null()) return true;
  return r.Object(
      [&](const std::string& k) {
        if (k == "title") return ReadDouble(r, &c->title);
        if (k == "date") return ReadDouble(r, &c->date);
        if (k == "source") return ReadDouble(r, &c->source);
        if (k == "author") return ReadDouble(r, &c->author);
        return r.Skip(depth + 1);
      },
      depth);
}

}  // namespace

bool ReadBulletin(Reader& r, Bulletin* b, int depth, bool lines) {
  return r.Object(
      [&](const std::string& k) {
        if (k == "id") return ReadString(r, &b->id);
        if (k == "title") return ReadString(r, &b->title);
        if (k == "date") return ReadString(r, &b->date);
        if (k == "dateInferred") return ReadBool(r, &b->date_inferred);
        if (k == "time") return ReadString(r, &b->time);
        if (k == "source") return ReadSource(r, &b->source, depth + 1);
        if (k == "author") return ReadString(r, &b->author);
        if (k == "credit") return ReadString(r, &b->credit);
        if (k == "blocks") return ReadBlocks(r, &b->blocks, depth + 1);
        if (k == "related") return ReadStrings(r, &b->related, depth + 1);
        if (k == "people") return ReadPeople(r, &b->people, depth + 1);
        if (k == "warnings") return ReadStrings(r, &b->warnings, depth + 1);
        if (k == "lines") return lines ? ReadLines(r, &b->lines, depth + 1) : r.Skip(depth + 1);
        if (k == "url") return ReadString(r, &b->url);
        if (k == "pageDate") return ReadString(r, &b->page_date);
        if (k == "parserVersion") return ReadString(r, &b->parser_version);
        if (k == "confidence") return ReadConfidence(r, &b->confidence, depth + 1);
        if (k == "places") return ReadStrings(r, &b->places, depth + 1);
        if (k == "copyId") return ReadString(r, &b->copy_id);
        return r.Skip(depth + 1);
      },
      depth);
}

}  // namespace bantin
