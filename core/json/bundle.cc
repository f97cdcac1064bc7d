#include "bantin/json/bundle.h"

#include "bantin/json/json.h"
#include "reader.h"

namespace bantin {

std::string BundleHeaderJson(std::string_view parser_version, std::optional<uint64_t> count) {
  JsonWriter w;
  w.BeginObject().Key("bantinBundle").Int(kBundleVersion).Key("parserVersion").String(parser_version);
  if (count) w.Key("count").Int(static_cast<long long>(*count));
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
        return r.Skip(1);
      },
      0);
  if (!ok || !r.AtEnd()) return r.status();
  if (!has_bulletin) return Status::InvalidArgument("bundle article: no \"bulletin\"");
  return a;
}

Status CheckBundleHeader(std::string_view line) {
  Reader r(line);
  double version = 0;
  const bool ok = r.Object(
      [&](const std::string& k) {
        if (k == "bantinBundle") return r.Number(&version);
        return r.Skip(1);
      },
      0);
  if (!ok || !r.AtEnd()) return r.status();
  if (version != kBundleVersion) return Status::InvalidArgument("bundle: not a bantin bundle of version 1");
  return Status::Ok();
}

std::string BundleArticleToJson(const Bulletin& bulletin, std::string_view text) {
  JsonWriter w;
  w.BeginObject().Key("bulletin");
  WriteBulletin(w, bulletin);
  w.Key("text").String(text).EndObject();
  return w.Take();
}

}  // namespace bantin
