// Compact JSON output. BulletinToJson emits the proto3 JSON mapping of
// bantin.v1.Bulletin (lowerCamelCase names, field-number order, default
// values omitted, enums by name), the same bytes natively and in WebAssembly,
// and the same as JavaScript's JSON.stringify of the parsed value.
#ifndef BANTIN_JSON_JSON_H_
#define BANTIN_JSON_JSON_H_

#include <string>
#include <string_view>

#include "bantin/bulletin.h"

namespace bantin {

// Appends a JSON string literal: escapes '"', '\\' and C0 controls the way
// JSON.stringify does; all other UTF-8 passes through.
void AppendJsonString(std::string& out, std::string_view s);

// Builds one JSON value. The caller keeps the nesting balanced; commas are
// inserted automatically.
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Number(double value);
  JsonWriter& Int(long long value);
  JsonWriter& Bool(bool value);

  // Field helpers that follow proto3's rule of omitting default values.
  JsonWriter& StringField(std::string_view key, std::string_view value);
  JsonWriter& BoolField(std::string_view key, bool value);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  std::string out_;
  bool need_comma_ = false;
};

// Writes the bulletin as one JSON object value (inside a larger document).
void WriteBulletin(JsonWriter& w, const Bulletin& bulletin);
std::string BulletinToJson(const Bulletin& bulletin);

}  // namespace bantin

#endif  // BANTIN_JSON_JSON_H_
