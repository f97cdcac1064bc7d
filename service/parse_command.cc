#include "commands.h"

#include <cstdio>
#include <iostream>
#include <sstream>

#include "bantin/html/document.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/bulletin_codec.h"
#include "client.h"
#include "read_file.h"

namespace bantin {

Result<std::string> ReadInput(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  return ReadWholeFile(path);
}

int RunParse(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin parse [--json] [--url URL] FILE|-\n");
    return 2;
  }
  Result<std::string> raw = ReadInput(args.positional[0]);
  if (!raw.ok()) {
    std::fprintf(stderr, "bantin parse: %s\n", raw.status().message().c_str());
    return 1;
  }
  ParseHints hints;
  hints.url = args.Get("url");
  hints.source_id = args.Get("source");
  hints.province = args.Get("province");
  hints.fetch_date = args.Get("fetch-date");
  Bulletin b;
  if (args.Has("server")) {  // the ParseBulletin RPC: the server's parser
    Result<Client> client = Client::Connect(args);
    if (!client.ok()) return Fail("parse", client.status());
    v1::ParseBulletinRequest req;
    req.set_raw(*raw);
    req.mutable_hints()->set_url(hints.url);
    req.mutable_hints()->set_source_id(hints.source_id);
    req.mutable_hints()->set_province(hints.province);
    req.mutable_hints()->set_fetch_date(hints.fetch_date);
    v1::ParseBulletinResponse resp;
    grpc::Status s = client->stub().ParseBulletin(client->NewContext().get(), req, &resp);
    if (!s.ok()) return Fail("parse", s);
    b = FromProto(resp.bulletin());
  } else {
    b = Parse(*raw, hints);
  }
  if (args.Has("json")) {
    std::cout << BulletinToJson(b) << "\n";
  } else {
    PrintBulletin(b);
  }
  return 0;
}

}  // namespace bantin
