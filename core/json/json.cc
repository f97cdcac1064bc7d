#include "bantin/json/json.h"

#include <cmath>
#include <cstdio>

namespace bantin {

void AppendJsonString(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void JsonWriter::Separate() {
  if (need_comma_) out_.push_back(',');
  need_comma_ = false;
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_.push_back('{');
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_.push_back('}');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_.push_back('[');
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_.push_back(']');
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_.push_back(':');
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(out_, value);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Number(double value) {
  Separate();
  if (!std::isfinite(value)) value = 0;
  char buf[32];
  // Shortest round-trip form is not needed; 6 significant digits suffice for
  // scores and are stable across native and wasm builds.
  std::snprintf(buf, sizeof buf, "%.6g", value);
  out_ += buf;
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Int(long long value) {
  Separate();
  out_ += std::to_string(value);
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  need_comma_ = true;
  return *this;
}
JsonWriter& JsonWriter::StringField(std::string_view key, std::string_view value) {
  if (!value.empty()) Key(key).String(value);
  return *this;
}
JsonWriter& JsonWriter::BoolField(std::string_view key, bool value) {
  if (value) Key(key).Bool(true);
  return *this;
}

namespace {

void WriteSource(JsonWriter& w, const Source& s) {
  w.BeginObject()
      .StringField("id", s.id)
      .StringField("name", s.name)
      .StringField("province", s.province)
      .StringField("site", s.site)
      .EndObject();
}

}  // namespace

void WriteBulletin(JsonWriter& w, const Bulletin& b) {
  w.BeginObject();
  w.StringField("id", b.id).StringField("title", b.title).StringField("date", b.date);
  w.BoolField("dateInferred", b.date_inferred).StringField("time", b.time);
  const Source& s = b.source;
  if (!s.id.empty() || !s.name.empty() || !s.province.empty() || !s.site.empty()) {
    w.Key("source");
    WriteSource(w, s);
  }
  w.StringField("author", b.author).StringField("credit", b.credit);
  if (!b.blocks.empty()) {
    w.Key("blocks").BeginArray();
    for (const Block& block : b.blocks) {
      w.BeginObject();
      if (block.kind != BlockKind::kUnspecified) w.Key("kind").String(BlockKindName(block.kind));
      w.StringField("text", block.text).EndObject();
    }
    w.EndArray();
  }
  if (!b.related.empty()) {
    w.Key("related").BeginArray();
    for (const std::string& r : b.related) w.String(r);
    w.EndArray();
  }
  if (!b.people.empty()) {
    w.Key("people").BeginArray();
    for (const Person& p : b.people)
      w.BeginObject().StringField("name", p.name).StringField("role", p.role).EndObject();
    w.EndArray();
  }
  if (!b.warnings.empty()) {
    w.Key("warnings").BeginArray();
    for (const std::string& m : b.warnings) w.String(m);
    w.EndArray();
  }
  if (!b.lines.empty()) {
    w.Key("lines").BeginArray();
    for (const LineSpan& l : b.lines) {
      w.BeginObject();
      if (l.role != LineRole::kUnspecified) w.Key("role").String(LineRoleName(l.role));
      if (l.begin != 0) w.Key("begin").Int(l.begin);
      if (l.end != 0) w.Key("end").Int(l.end);
      w.EndObject();
    }
    w.EndArray();
  }
  w.StringField("url", b.url).StringField("pageDate", b.page_date);
  w.StringField("parserVersion", b.parser_version);
  const Confidence& c = b.confidence;
  if (c.title || c.date || c.source || c.author) {
    w.Key("confidence").BeginObject();
    if (c.title) w.Key("title").Number(c.title);
    if (c.date) w.Key("date").Number(c.date);
    if (c.source) w.Key("source").Number(c.source);
    if (c.author) w.Key("author").Number(c.author);
    w.EndObject();
  }
  if (!b.places.empty()) {
    w.Key("places").BeginArray();
    for (const std::string& p : b.places) w.String(p);
    w.EndArray();
  }
  w.StringField("copyId", b.copy_id);
  w.EndObject();
}

std::string BulletinToJson(const Bulletin& b) {
  JsonWriter w;
  WriteBulletin(w, b);
  return w.Take();
}

}  // namespace bantin
