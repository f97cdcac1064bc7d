// bantin export: the ExportBulletins stream written as a bundle file (or to
// stdout), the same bytes GET /bundle serves.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "bantin/json/bundle.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/bulletin_codec.h"
#include "client.h"
#include "commands.h"
#include "export.h"

namespace bantin {

int RunExport(const Args& args) {
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("export", client.status());
  v1::ExportBulletinsRequest req;
  req.set_source_id(args.Get("source"));
  req.set_province(args.Get("province"));
  req.set_from_date(args.Get("from"));
  req.set_to_date(args.Get("to"));
  req.set_omit_text(args.Has("omit-text"));
  const std::string path = args.Get("out", "-");
  std::ofstream file;
  if (path != "-") {
    file.open(path, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("export", Status::NotFound("--out: cannot write " + path));
  }
  std::ostream& out = path == "-" ? std::cout : file;
  std::unique_ptr<grpc::ClientContext> ctx = client->NewContext();
  std::unique_ptr<grpc::ClientReader<v1::ExportBulletinsResponse>> stream =
      client->stub().ExportBulletins(ctx.get(), req);
  out << BundleHeaderJson(kParserVersion) << "\n";
  v1::ExportBulletinsResponse item;
  size_t count = 0;
  while (stream->Read(&item)) {
    out << BundleArticleToJson(FromProto(item.bulletin()), item.text()) << "\n";
    ++count;
  }
  grpc::Status s = stream->Finish();
  if (!s.ok()) return Fail("export", s);
  out.flush();
  if (!out) return Fail("export", Status::Internal("writing " + path + " failed"));
  std::fprintf(stderr, "exported %zu bulletin(s)%s%s\n", count, path == "-" ? "" : " to ",
               path == "-" ? "" : path.c_str());
  return 0;
}

}  // namespace bantin
