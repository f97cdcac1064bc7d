// Load generator for a running `bantin serve`: an async gRPC client that
// keeps N calls in flight per thread and reports QPS and p50/p99 latency for
// the empty RPC (grpc.health.v1 Check), GetBulletin and SearchBulletins, in
// that order, in one run. bench/run_load.sh starts a server and runs it.
//
//   load_gen --server 127.0.0.1:50051 [--seconds 10] [--threads 2]
//            [--concurrency 32] [--rpcs check,get,search] [--rounds 5]
//            [--fill N --token-file FILE]
//
// The RPCs take turns: each runs SECONDS / ROUNDS at a time, ROUNDS times.
//
// --fill N first streams N generated pages (bench/corpus.h) into the server.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bantin/v1/bantin.grpc.pb.h"
#include "bench/corpus.h"
#include "bench/query_mix.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "service/auth.h"
#include "service/commands.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace v1 = bantin::v1;

// One call in flight; the completion queue hands it back as its tag. Calls
// go through the generic stub with requests encoded beforehand and
// responses left as bytes: the client does the least work it can, so the
// numbers are the server's (client and server share this machine).
struct Call {
  Clock::time_point start = Clock::now();
  grpc::ClientContext ctx;
  grpc::ByteBuffer response;
  grpc::Status status;
  std::unique_ptr<grpc::GenericClientAsyncResponseReader> reader;
};

// The encoded requests of one RPC, drawn from at random.
struct Workload {
  std::string method;
  std::vector<grpc::ByteBuffer> requests;
};

template <typename Message>
grpc::ByteBuffer Encode(const Message& m) {
  grpc::ByteBuffer buffer;
  bool own = false;
  (void)grpc::SerializationTraits<Message>::Serialize(m, &buffer, &own);
  return buffer;
}

Workload CheckWorkload() { return {"/grpc.health.v1.Health/Check", {Encode(grpc::health::v1::HealthCheckRequest())}}; }

Workload GetWorkload(const std::vector<std::string>& ids) {
  Workload w{"/bantin.v1.BulletinService/GetBulletin", {}};
  for (const std::string& id : ids) {
    v1::GetBulletinRequest req;
    req.set_id(id);
    w.requests.push_back(Encode(req));
  }
  return w;
}

Workload SearchWorkload() {
  Workload w{"/bantin.v1.BulletinService/SearchBulletins", {}};
  for (const char* query : bantin::bench::kQueryMix) {
    v1::SearchBulletinsRequest req;
    req.set_query(query);
    w.requests.push_back(Encode(req));
  }
  return w;
}

void Issue(const Workload& w, grpc::GenericStub& stub, grpc::CompletionQueue* cq, std::mt19937_64& rng) {
  auto* c = new Call();
  c->reader = stub.PrepareUnaryCall(&c->ctx, w.method, w.requests[rng() % w.requests.size()], cq);
  c->reader->StartCall();
  c->reader->Finish(&c->response, &c->status, c);
}

struct PhaseResult {
  std::vector<double> latencies_ms;
  uint64_t errors = 0;
  std::string first_error;
};

// One client thread: `concurrency` calls in flight until `end`.
PhaseResult Drive(const Workload& w, grpc::GenericStub& stub, int concurrency, Clock::time_point end, uint64_t seed) {
  grpc::CompletionQueue cq;
  std::mt19937_64 rng(seed);
  PhaseResult r;
  int in_flight = 0;
  for (; in_flight < concurrency; ++in_flight) Issue(w, stub, &cq, rng);
  void* tag;
  bool ok;
  while (in_flight > 0 && cq.Next(&tag, &ok)) {
    std::unique_ptr<Call> call(static_cast<Call*>(tag));
    --in_flight;
    if (call->status.ok()) {
      r.latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - call->start).count());
    } else if (r.errors++ == 0) {
      r.first_error = call->status.error_message();
    }
    if (Clock::now() < end) {
      Issue(w, stub, &cq, rng);
      ++in_flight;
    }
  }
  cq.Shutdown();
  while (cq.Next(&tag, &ok)) {
  }
  return r;
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
  return v[k];
}

// One RPC's calls over all its slices: latencies and the time spent.
struct Tally {
  PhaseResult calls;
  double seconds = 0;
};

// Runs `w` for `seconds` on `threads` client threads and adds to `tally`.
void Measure(const Workload& w, grpc::GenericStub& stub, int threads, int concurrency, double seconds, Tally* tally) {
  const Clock::time_point begin = Clock::now();
  const Clock::time_point end = begin + std::chrono::microseconds(static_cast<int64_t>(seconds * 1e6));
  std::vector<PhaseResult> results(threads);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i)
    workers.emplace_back([&, i] { results[i] = Drive(w, stub, concurrency, end, 1234 + i); });
  for (std::thread& worker : workers) worker.join();
  tally->seconds += std::chrono::duration<double>(Clock::now() - begin).count();
  PhaseResult& all = tally->calls;
  for (PhaseResult& r : results) {
    all.latencies_ms.insert(all.latencies_ms.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    all.errors += r.errors;
    if (all.first_error.empty()) all.first_error = r.first_error;
  }
}

// Prints the tally's line; returns its QPS.
double Report(const char* label, Tally& tally) {
  PhaseResult& all = tally.calls;
  const double qps = static_cast<double>(all.latencies_ms.size()) / tally.seconds;
  const double p50 = Percentile(all.latencies_ms, 0.50), p99 = Percentile(all.latencies_ms, 0.99);
  std::printf("%-24s %9zu calls %6llu errors %10.0f QPS   p50 %7.3f ms   p99 %7.3f ms\n", label,
              all.latencies_ms.size(), static_cast<unsigned long long>(all.errors), qps, p50, p99);
  if (all.errors) std::printf("  first error: %s\n", all.first_error.c_str());
  return qps;
}

// Streams `count` generated pages in; returns the stored ids.
std::vector<std::string> Fill(v1::BulletinService::Stub& stub, const std::string& token, uint64_t count) {
  bantin::bench::CorpusGenerator corpus(BANTIN_SOURCE_DIR, 42);
  grpc::ClientContext ctx;
  ctx.AddMetadata("authorization", "Bearer " + token);
  v1::IngestBulletinsResponse summary;
  auto stream = stub.IngestBulletins(&ctx, &summary);
  const Clock::time_point begin = Clock::now();
  v1::IngestBulletinsRequest item;
  for (uint64_t n = 0; n < count; ++n) {
    item.set_raw(corpus.Page(n));
    if (!stream->Write(item)) break;
  }
  stream->WritesDone();
  grpc::Status s = stream->Finish();
  const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
  if (!s.ok()) {
    std::fprintf(stderr, "load_gen: fill failed: %s\n", s.error_message().c_str());
    std::exit(1);
  }
  std::printf("fill: %lld pages streamed in %.1f s (%.0f pages/s over gRPC), %lld new, %lld failed\n",
              static_cast<long long>(summary.received()), elapsed, static_cast<double>(summary.received()) / elapsed,
              static_cast<long long>(summary.created()), static_cast<long long>(summary.failed()));
  std::vector<std::string> ids;
  for (const std::string& id : summary.ids())
    if (!id.empty()) ids.push_back(id);
  return ids;
}

// Every id the server holds, page by page.
std::vector<std::string> ListIds(v1::BulletinService::Stub& stub) {
  std::vector<std::string> ids;
  v1::ListBulletinsRequest req;
  req.set_page_size(500);
  do {
    grpc::ClientContext ctx;
    v1::ListBulletinsResponse resp;
    if (!stub.ListBulletins(&ctx, req, &resp).ok()) break;
    for (const v1::Bulletin& b : resp.bulletins()) ids.push_back(b.id());
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  const bantin::Args args = bantin::ParseArgs(argc, argv, 1);
  const std::string server = args.Get("server", "127.0.0.1:50051");
  const double seconds = std::atof(args.Get("seconds", "10").c_str());
  const int threads = std::atoi(args.Get("threads", "2").c_str());
  const int concurrency = std::atoi(args.Get("concurrency", "32").c_str());
  auto channel = grpc::CreateChannel(server, grpc::InsecureChannelCredentials());
  auto bulletins = v1::BulletinService::NewStub(channel);
  grpc::GenericStub generic(channel);

  std::vector<std::string> ids;
  if (args.Has("fill")) {
    bantin::Result<std::vector<std::string>> tokens = bantin::ReadTokenFile(args.Get("token-file"));
    if (!tokens.ok()) {
      std::fprintf(stderr, "load_gen: --fill needs --token-file: %s\n", tokens.status().message().c_str());
      return 2;
    }
    ids = Fill(*bulletins, tokens->front(), std::strtoull(args.Get("fill").c_str(), nullptr, 10));
  } else {
    ids = ListIds(*bulletins);
  }
  if (ids.empty()) {
    std::fprintf(stderr, "load_gen: the server holds no bulletin (use --fill N)\n");
    return 1;
  }
  std::printf("load: %s, %d client thread(s) x %d calls in flight, %.0f s per RPC, %zu ids\n", server.c_str(), threads,
              concurrency, seconds, ids.size());
  if (args.Get("rpcs") == "none") return 0;
  // --rpcs check,get,search (the default) picks and orders the phases.
  const std::string rpcs = "," + args.Get("rpcs", "check,get,search") + ",";
  const auto wanted = [&](const char* kind) { return rpcs.find("," + std::string(kind) + ",") != std::string::npos; };
  struct Phase {
    const char* kind;
    const char* label;
    Workload workload;
    Tally tally;
  };
  std::vector<Phase> phases;
  if (wanted("check")) phases.push_back({"check", "Health.Check (empty)", CheckWorkload(), {}});
  if (wanted("get")) phases.push_back({"get", "GetBulletin", GetWorkload(ids), {}});
  if (wanted("search")) phases.push_back({"search", "SearchBulletins (mix)", SearchWorkload(), {}});
  // The RPCs take turns in short slices, so a burst of other work on the
  // machine falls on all of them alike rather than on whichever ran then.
  const int rounds = std::max(1, std::atoi(args.Get("rounds", "5").c_str()));
  for (int round = 0; round < rounds; ++round)
    for (Phase& p : phases) Measure(p.workload, generic, threads, concurrency, seconds / rounds, &p.tally);
  double check = 0, get = 0;
  for (Phase& p : phases) {
    const double qps = Report(p.label, p.tally);
    if (std::string(p.kind) == "check") check = qps;
    if (std::string(p.kind) == "get") get = qps;
  }
  if (check > 0 && get > 0) std::printf("get / empty RPC: %.0f %%\n", 100.0 * get / check);
  return 0;
}
