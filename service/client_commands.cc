// Subcommands that call a running server: get, list, search, delete, sources.
// (ingest and export stream: ingest_command.cc, export_command.cc.)
#include <cstdio>
#include <iostream>

#include "bantin/json/json.h"
#include "bantin/paging.h"
#include "bantin/storage/bulletin_codec.h"
#include "client.h"
#include "commands.h"

namespace bantin {
namespace {

// A snippet with its highlighted syllables in [brackets].
std::string Marked(const v1::Snippet& s) {
  std::string out;
  uint32_t at = 0;
  for (const v1::Snippet::Highlight& h : s.highlights()) {
    if (h.begin() < at || h.end() > s.text().size()) break;
    out += s.text().substr(at, h.begin() - at) + "[" + s.text().substr(h.begin(), h.end() - h.begin()) + "]";
    at = h.end();
  }
  return out + s.text().substr(at);
}

void PrintNextPage(const std::string& token) {
  if (!token.empty()) std::printf("next page: --page-token %s\n", token.c_str());
}

}  // namespace

int RunGet(const Args& args) {
  if (args.positional.empty()) {
    std::fprintf(stderr, "usage: bantin get --server HOST:PORT [--json] ID [ID...]\n");
    return 2;
  }
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("get", client.status());
  std::vector<Bulletin> bulletins;
  if (args.positional.size() == 1) {
    v1::GetBulletinRequest req;
    req.set_id(args.positional[0]);
    v1::GetBulletinResponse resp;
    grpc::Status s = client->stub().GetBulletin(client->NewContext().get(), req, &resp);
    if (!s.ok()) return Fail("get", s);
    bulletins.push_back(FromProto(resp.bulletin()));
  } else {
    v1::BatchGetBulletinsRequest req;
    for (const std::string& id : args.positional) req.add_ids(id);
    v1::BatchGetBulletinsResponse resp;
    grpc::Status s = client->stub().BatchGetBulletins(client->NewContext().get(), req, &resp);
    if (!s.ok()) return Fail("get", s);
    for (const v1::Bulletin& b : resp.bulletins()) bulletins.push_back(FromProto(b));
  }
  for (const Bulletin& b : bulletins) {
    if (args.Has("json"))
      std::cout << BulletinToJson(b) << "\n";
    else
      PrintBulletin(b);
  }
  return 0;
}

int RunList(const Args& args) {
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("list", client.status());
  v1::ListBulletinsRequest req;
  req.set_province(args.Get("province"));
  req.set_source_id(args.Get("source"));
  req.set_from_date(args.Get("from"));
  req.set_to_date(args.Get("to"));
  req.set_page_token(args.Get("page-token"));
  req.set_page_size(std::atoi(args.Get("page-size", "0").c_str()));
  v1::ListBulletinsResponse resp;
  grpc::Status s = client->stub().ListBulletins(client->NewContext().get(), req, &resp);
  if (!s.ok()) return Fail("list", s);
  for (const v1::DamagedRecord& d : resp.damaged())
    std::fprintf(stderr, "bantin list: left out a damaged bulletin %s: %s\n", d.id().c_str(), d.reason().c_str());
  if (args.Has("json")) {
    JsonWriter w;
    w.BeginObject().Key("bulletins").BeginArray();
    for (const v1::Bulletin& b : resp.bulletins()) WriteBulletin(w, FromProto(b));
    w.EndArray().StringField("nextPageToken", resp.next_page_token()).EndObject();
    std::cout << w.str() << "\n";
    return 0;
  }
  for (const v1::Bulletin& b : resp.bulletins())
    std::printf("%s  %-10s  %-14s  %s\n", b.id().c_str(), b.date().empty() ? "?" : b.date().c_str(),
                b.source().province().c_str(), b.title().c_str());
  PrintNextPage(resp.next_page_token());
  return 0;
}

int RunSearch(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin search --server HOST:PORT [--json] [--filter F] [--collapse] \"QUERY\"\n");
    return 2;
  }
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("search", client.status());
  v1::SearchBulletinsRequest req;
  req.set_query(args.positional[0]);
  req.set_filter(args.Get("filter"));
  req.set_page_size(std::atoi(args.Get("page-size", "0").c_str()));
  req.set_page_token(args.Get("page-token"));
  req.set_collapse_copies(args.Has("collapse"));
  v1::SearchBulletinsResponse resp;
  grpc::Status s = client->stub().SearchBulletins(client->NewContext().get(), req, &resp);
  if (!s.ok()) return Fail("search", s);
  if (args.Has("json")) {
    std::cout << ProtoJson(resp) << "\n";
    return 0;
  }
  for (const v1::SearchResult& r : resp.results()) {
    std::printf("%.3f  %s  %s  %s  %s\n", r.score(), r.id().c_str(), r.date().empty() ? "----------" : r.date().c_str(),
                r.source().province().c_str(), r.title().c_str());
    for (const v1::Snippet& sn : r.snippets())
      if (sn.block() >= 0) std::printf("        %s\n", Marked(sn).c_str());
    for (const v1::PublishedCopy& c : r.also_published_by())
      std::printf("        also published by %s (%s)\n", c.source().id().c_str(), c.id().c_str());
  }
  for (const v1::DamagedRecord& d : resp.damaged())
    std::fprintf(stderr, "bantin search: left out a damaged bulletin %s: %s\n", d.id().c_str(), d.reason().c_str());
  std::printf("%lld match(es)", static_cast<long long>(resp.total_size()));
  for (const v1::FacetCount& f : resp.province_facets())
    std::printf("  %s: %lld", f.value().c_str(), static_cast<long long>(f.count()));
  std::printf("\n");
  PrintNextPage(resp.next_page_token());
  return 0;
}

int RunDelete(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin delete --server HOST:PORT ID\n");
    return 2;
  }
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("delete", client.status());
  v1::DeleteBulletinRequest req;
  req.set_id(args.positional[0]);
  v1::DeleteBulletinResponse resp;
  grpc::Status s = client->stub().DeleteBulletin(client->NewContext().get(), req, &resp);
  if (!s.ok()) return Fail("delete", s);
  if (args.Has("json"))
    std::cout << ProtoJson(resp) << "\n";
  else
    std::printf("deleted %s\n", req.id().c_str());
  return 0;
}

int RunSources(const Args& args) {
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("sources", client.status());
  v1::ListSourcesRequest req;
  req.set_page_size(std::atoi(args.Get("page-size", std::to_string(kMaxPageSize)).c_str()));
  req.set_page_token(args.Get("page-token"));
  v1::ListSourcesResponse resp;
  grpc::Status s = client->stub().ListSources(client->NewContext().get(), req, &resp);
  if (!s.ok()) return Fail("sources", s);
  if (args.Has("json")) {
    std::cout << ProtoJson(resp) << "\n";
    return 0;
  }
  for (const v1::SourceSummary& src : resp.sources())
    std::printf("%6lld  %s .. %s  %s  %s\n", static_cast<long long>(src.bulletin_count()),
                src.first_date().empty() ? "----------" : src.first_date().c_str(),
                src.last_date().empty() ? "----------" : src.last_date().c_str(), src.source().id().c_str(),
                src.source().province().c_str());
  PrintNextPage(resp.next_page_token());
  return 0;
}

}  // namespace bantin
