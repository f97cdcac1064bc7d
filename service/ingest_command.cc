// bantin ingest: streams pages to IngestBulletins with a progress line, then
// prints the server's summary with every failure. Exit 1 if any page failed.
#include <cstdio>
#include <iostream>

#include "client.h"
#include "commands.h"
#include "metrics.h"
#include "progress.h"

namespace bantin {

int RunIngest(const Args& args) {
  if (args.positional.empty()) {
    std::fprintf(stderr, "usage: bantin ingest --server HOST:PORT [--json] [--no-progress] FILE|DIR...\n");
    return 2;
  }
  Result<Client> client = Client::Connect(args);
  if (!client.ok()) return Fail("ingest", client.status());
  const std::vector<std::string> files = ExpandInputs(args.positional);
  const bool json = args.Has("json");
  Progress progress(files.size(), "pages", !json && !args.Has("no-progress"));

  v1::IngestBulletinsResponse summary;
  std::unique_ptr<grpc::ClientContext> ctx = client->NewContext();
  std::unique_ptr<grpc::ClientWriter<v1::IngestBulletinsRequest>> stream =
      client->stub().IngestBulletins(ctx.get(), &summary);
  // Pages the client could not even read are failures too, reported with
  // the server's (their stream index is where they would have been).
  std::vector<v1::IngestFailure> unreadable;
  v1::IngestBulletinsRequest item;
  size_t sent = 0;
  for (const std::string& file : files) {
    Result<std::string> raw = ReadInput(file);
    if (!raw.ok()) {
      v1::IngestFailure f;
      f.set_index(-1);
      f.set_label(file);
      f.set_code(static_cast<int>(grpc::StatusCode::NOT_FOUND));
      f.set_reason("FILE_UNREADABLE");
      f.set_message(raw.status().message());
      unreadable.push_back(f);
      continue;
    }
    item.set_raw(std::move(*raw));
    item.set_label(file);
    item.mutable_hints()->set_source_id(args.Get("source"));
    item.mutable_hints()->set_province(args.Get("province"));
    item.mutable_hints()->set_fetch_date(args.Get("fetch-date"));
    if (!stream->Write(item)) break;  // the server ended the call; Finish says why
    progress.Update(++sent + unreadable.size());
  }
  stream->WritesDone();
  grpc::Status s = stream->Finish();
  progress.Finish(sent + unreadable.size());
  if (!s.ok()) return Fail("ingest", s);
  for (v1::IngestFailure& f : unreadable) {
    *summary.add_failures() = f;
    summary.set_failed(summary.failed() + 1);
  }
  if (json) {
    std::cout << ProtoJson(summary) << "\n";
  } else {
    for (const v1::IngestFailure& f : summary.failures())
      std::fprintf(stderr, "failed: %s: %s: %s [%s]\n", f.label().c_str(), StatusCodeName(f.code()),
                   f.message().c_str(), f.reason().c_str());
    std::printf("%lld stored, %lld already there, %lld failed\n", static_cast<long long>(summary.created()),
                static_cast<long long>(summary.unchanged()), static_cast<long long>(summary.failed()));
  }
  return summary.failed() ? 1 : 0;
}

}  // namespace bantin
