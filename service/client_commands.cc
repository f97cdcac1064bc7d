// Subcommands that call a running server: ingest, get, list, search.
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "bantin/v1/bantin.grpc.pb.h"
#include "core/json.h"
#include "service/commands.h"
#include "storage/bulletin_codec.h"

namespace bantin {
namespace {

std::unique_ptr<v1::BulletinService::Stub> Connect(const Args& args) {
  const std::string server = args.Get("server", "127.0.0.1:50051");
  grpc::ChannelArguments ch;
  ch.SetMaxSendMessageSize(70 << 20);
  ch.SetMaxReceiveMessageSize(70 << 20);
  return v1::BulletinService::NewStub(
      grpc::CreateCustomChannel(server, grpc::InsecureChannelCredentials(), ch));
}

int Fail(const char* command, const grpc::Status& s) {
  static const char* kNames[] = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
                                 "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
                                 "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
                                 "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL",
                                 "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};
  const int code = static_cast<int>(s.error_code());
  std::fprintf(stderr, "bantin %s: %s: %s\n", command, code >= 0 && code <= 16 ? kNames[code] : "?",
               s.error_message().c_str());
  return 1;
}

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

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (const auto& e : std::filesystem::directory_iterator(in, ec)) {
        const std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".html" || ext == ".htm"))
          found.push_back(e.path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

}  // namespace

int RunIngest(const Args& args) {
  if (args.positional.empty()) {
    std::fprintf(stderr, "usage: bantin ingest --server HOST:PORT FILE|DIR...\n");
    return 2;
  }
  auto stub = Connect(args);
  int failures = 0, created = 0, existing = 0;
  JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const std::string& file : ExpandInputs(args.positional)) {
    Result<std::string> raw = ReadInput(file);
    v1::IngestBulletinRequest req;
    v1::IngestBulletinResponse resp;
    grpc::Status s;
    if (!raw.ok()) {
      s = grpc::Status(grpc::StatusCode::NOT_FOUND, raw.status().message());
    } else {
      req.set_raw(*raw);
      grpc::ClientContext ctx;
      s = stub->IngestBulletin(&ctx, req, &resp);
    }
    w.BeginObject().Key("file").String(file);
    if (s.ok()) {
      (resp.created() ? created : existing)++;
      w.Key("id").String(resp.bulletin().id()).Key("created").Bool(resp.created());
      if (!args.Has("json"))
        std::printf("%s %s  %s\n", resp.created() ? "stored " : "exists ", resp.bulletin().id().c_str(),
                    resp.bulletin().title().c_str());
    } else {
      ++failures;
      w.Key("error").String(s.error_message());
      std::fprintf(stderr, "bantin ingest: %s: %s\n", file.c_str(), s.error_message().c_str());
    }
    w.EndObject();
  }
  w.EndArray().Key("created").Int(created).Key("existing").Int(existing).Key("failed").Int(failures).EndObject();
  if (args.Has("json")) std::cout << w.str() << "\n";
  else std::printf("%d stored, %d already there, %d failed\n", created, existing, failures);
  return failures ? 1 : 0;
}

int RunGet(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin get --server HOST:PORT [--json] ID\n");
    return 2;
  }
  auto stub = Connect(args);
  v1::GetBulletinRequest req;
  req.set_id(args.positional[0]);
  v1::GetBulletinResponse resp;
  grpc::ClientContext ctx;
  grpc::Status s = stub->GetBulletin(&ctx, req, &resp);
  if (!s.ok()) return Fail("get", s);
  const Bulletin b = FromProto(resp.bulletin());
  if (args.Has("json")) std::cout << BulletinToJson(b) << "\n";
  else PrintBulletin(b);
  return 0;
}

int RunList(const Args& args) {
  auto stub = Connect(args);
  v1::ListBulletinsRequest req;
  req.set_province(args.Get("province"));
  req.set_source_id(args.Get("source"));
  req.set_from_date(args.Get("from"));
  req.set_to_date(args.Get("to"));
  req.set_page_token(args.Get("page-token"));
  req.set_page_size(std::atoi(args.Get("page-size", "0").c_str()));
  v1::ListBulletinsResponse resp;
  grpc::ClientContext ctx;
  grpc::Status s = stub->ListBulletins(&ctx, req, &resp);
  if (!s.ok()) return Fail("list", s);
  if (args.Has("json")) {
    JsonWriter w;
    w.BeginObject().Key("bulletins").BeginArray();
    for (const v1::Bulletin& b : resp.bulletins()) WriteBulletin(w, FromProto(b));
    w.EndArray().StringField("nextPageToken", resp.next_page_token()).EndObject();
    std::cout << w.str() << "\n";
  } else {
    for (const v1::Bulletin& b : resp.bulletins())
      std::printf("%s  %-10s  %-14s  %s\n", b.id().c_str(), b.date().empty() ? "?" : b.date().c_str(),
                  b.source().province().c_str(), b.title().c_str());
    if (!resp.next_page_token().empty()) std::printf("next page: --page-token %s\n", resp.next_page_token().c_str());
  }
  return 0;
}

int RunSearch(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin search --server HOST:PORT [--json] \"QUERY\"\n");
    return 2;
  }
  auto stub = Connect(args);
  v1::SearchBulletinsRequest req;
  req.set_query(args.positional[0]);
  req.set_page_size(std::atoi(args.Get("page-size", "0").c_str()));
  req.set_page_token(args.Get("page-token"));
  v1::SearchBulletinsResponse resp;
  grpc::ClientContext ctx;
  grpc::Status s = stub->SearchBulletins(&ctx, req, &resp);
  if (!s.ok()) return Fail("search", s);
  if (args.Has("json")) {
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = false;
    (void)google::protobuf::util::MessageToJsonString(resp, &json, options);
    std::cout << json << "\n";
    return 0;
  }
  for (const v1::SearchResult& r : resp.results()) {
    std::printf("%.3f  %s  %s  %s  %s\n", r.score(), r.id().c_str(),
                r.date().empty() ? "----------" : r.date().c_str(), r.source().province().c_str(),
                r.title().c_str());
    for (const v1::Snippet& sn : r.snippets())
      if (sn.block() >= 0) std::printf("        %s\n", Marked(sn).c_str());
  }
  std::printf("%lld match(es)", static_cast<long long>(resp.total_size()));
  for (const v1::FacetCount& f : resp.province_facets())
    std::printf("  %s: %lld", f.value().c_str(), static_cast<long long>(f.count()));
  std::printf("\n");
  if (!resp.next_page_token().empty())
    std::printf("next page: --page-token %s\n", resp.next_page_token().c_str());
  return 0;
}

int RunDelete(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "usage: bantin delete --server HOST:PORT ID\n");
    return 2;
  }
  auto stub = Connect(args);
  v1::DeleteBulletinRequest req;
  req.set_id(args.positional[0]);
  v1::DeleteBulletinResponse resp;
  grpc::ClientContext ctx;
  grpc::Status s = stub->DeleteBulletin(&ctx, req, &resp);
  if (!s.ok()) return Fail("delete", s);
  std::printf("deleted %s\n", req.id().c_str());
  return 0;
}

int RunSources(const Args& args) {
  auto stub = Connect(args);
  v1::ListSourcesRequest req;
  req.set_page_size(std::atoi(args.Get("page-size", "500").c_str()));
  req.set_page_token(args.Get("page-token"));
  v1::ListSourcesResponse resp;
  grpc::ClientContext ctx;
  grpc::Status s = stub->ListSources(&ctx, req, &resp);
  if (!s.ok()) return Fail("sources", s);
  if (args.Has("json")) {
    std::string json;
    (void)google::protobuf::util::MessageToJsonString(resp, &json);
    std::cout << json << "\n";
    return 0;
  }
  for (const v1::SourceSummary& src : resp.sources())
    std::printf("%6lld  %s .. %s  %s  %s\n", static_cast<long long>(src.bulletin_count()),
                src.first_date().empty() ? "----------" : src.first_date().c_str(),
                src.last_date().empty() ? "----------" : src.last_date().c_str(),
                src.source().id().c_str(), src.source().province().c_str());
  if (!resp.next_page_token().empty())
    std::printf("next page: --page-token %s\n", resp.next_page_token().c_str());
  return 0;
}

}  // namespace bantin
