#include "bantin/json/bundle.h"

#include "bantin/json/json.h"
#include "reader.h"

namespace bantin {

std::string BundleHeaderJson(std::string_view parser_version, std::optional<uint64_t> count, std::string_view cursor,
                             bool reset) {
  JsonWriter w;
  w.BeginObject().Key("bantinBundle").Int(kBundleVersion).Key("parserVersion").String(parser_version);
  if (count) w.Key("count").Int(static_cast<long long>(*count));
  if (!cursor.empty()) w.Key("cursor").String(cursor);
  if (reset) w.Key("reset").Bool(true);
  w.EndObject();
  return w.Take();
}

Result<BundleArticle> BundleArticleFromJson(std::string_view line, const BundleReadOptions& options) {
  Reader r(line);
  BundleArticle a;
  bool has_bulletin = false;
  const bool ok = r.Object(
      [&](const std::string& k) {
        if (k == "bulletin") return has_bulletin = true, ReadBulletin(r, &a.bulletin, 1, options.lines);
        if (k == "text") return options.text ? ReadString(r, &a.text) : r.Null() || r.String(nullptr);
        if (k == "deleted") return ReadString(r, &a.deleted);
        return r.Skip(1);
      },
      0);
  if (!ok || !r.AtEnd()) return r.status();
  if (!has_bulletin && a.deleted.empty()) return Status::InvalidArgument("bundle article: no \"bulletin\"");
  return a;
}

Status CheckBundleHeader(std::string_view line, BundleHeader* header) {
  Reader r(line);
  double version = 0;
  BundleHeader read;
  const bool ok = r.Object(
      [&](const std::string& k) {
        if (k == "bantinBundle") return r.Number(&version);
        if (k == "cursor") return ReadString(r, &read.cursor);
        if (k == "reset") return ReadBool(r, &read.reset);
        return r.Skip(1);
      },
      0);
  if (!ok || !r.AtEnd()) return r.status();
  if (version != kBundleVersion) return Status::InvalidArgument("bundle: not a bantin bundle of version 1");
  if (header) *header = std::move(read);
  return Status::Ok();
}

std::string BundleArticleToJson(const Bulletin& bulletin, std::string_view text) {
  JsonWriter w;
  w.BeginObject().Key("bulletin");
  WriteBulletin(w, bulletin);
  w.Key("text").String(text).EndObject();
  return w.Take();
}

std::string BundleDeletionToJson(std::string_view id) {
  JsonWriter w;
  w.BeginObject().Key("deleted").String(id).EndObject();
  return w.Take();
}

}  // namespace bantin
