// Ingest beside searching clients, against a running `bantin serve`: the
// rate of one client ingesting pages one call at a time, alone and beside
// S synchronous searching clients (S from --searchers, e.g. 8,64), and the
// searches' p50/p99 alone and beside the ingest. Phases alternate round by
// round (ingest alone, search alone, then each mix), so a noisy machine
// moves them alike; medians over the rounds are printed with ratios.
// bench/run_contention.sh starts a server, fills it and runs this.
//
//   contention --server HOST:PORT --token-file F [--searchers 8,64]
//              [--seconds 5] [--rounds 3]
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "bantin/v1/bantin.grpc.pb.h"
#include "bench/corpus.h"
#include "bench/query_mix.h"
#include "service/commands.h"
#include "service/read_file.h"

namespace {

using Clock = std::chrono::steady_clock;
namespace v1 = bantin::v1;

struct Outcome {
  double ingest_per_s = 0;  // -1: no ingest in this phase
  double search_p50_ms = 0, search_p99_ms = 0;
  size_t searches = 0, errors = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

class Bench {
 public:
  Bench(const std::string& server, std::string token) : token_(std::move(token)), pages_(BANTIN_SOURCE_DIR, 7) {
    channel_ = grpc::CreateChannel(server, grpc::InsecureChannelCredentials());
  }

  // One phase: `ingest` on or off, `searchers` clients, for `seconds`.
  Outcome Run(bool ingest, int searchers, double seconds) {
    std::atomic<bool> stop{false};
    std::atomic<size_t> errors{0};
    std::vector<std::vector<double>> latencies(searchers);
    std::vector<std::thread> threads;
    for (int s = 0; s < searchers; ++s)
      threads.emplace_back([&, s] {
        auto stub = v1::BulletinService::NewStub(channel_);
        size_t q = s;
        while (!stop) {
          v1::SearchBulletinsRequest req;
          req.set_query(bantin::bench::kQueryMix[q++ % std::size(bantin::bench::kQueryMix)]);
          v1::SearchBulletinsResponse resp;
          grpc::ClientContext ctx;
          const auto t0 = Clock::now();
          if (!stub->SearchBulletins(&ctx, req, &resp).ok()) ++errors;
          latencies[s].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
      });
    size_t ingested = 0;
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    if (ingest) {
      auto stub = v1::BulletinService::NewStub(channel_);
      while (Clock::now() < end) {
        v1::IngestBulletinRequest req;
        req.set_raw(pages_.Page(next_page_++));
        v1::IngestBulletinResponse resp;
        grpc::ClientContext ctx;
        ctx.AddMetadata("authorization", "Bearer " + token_);
        if (stub->IngestBulletin(&ctx, req, &resp).ok())
          ++ingested;
        else
          ++errors;
      }
    } else {
      std::this_thread::sleep_until(end);
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    stop = true;
    for (std::thread& t : threads) t.join();
    Outcome o;
    o.ingest_per_s = ingest ? ingested / elapsed : -1;
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    o.searches = all.size();
    o.search_p50_ms = Percentile(all, 0.5);
    o.search_p99_ms = Percentile(all, 0.99);
    o.errors = errors;
    return o;
  }

 private:
  std::string token_;
  bantin::bench::CorpusGenerator pages_;
  uint64_t next_page_ = 1'000'000;  // past the pages the fill streamed
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace

int main(int argc, char** argv) {
  const bantin::Args args = bantin::ParseArgs(argc, argv, 1);
  const std::string server = args.Get("server");
  bantin::Result<std::string> token = bantin::ReadWholeFile(args.Get("token-file"));
  if (server.empty() || !token.ok()) {
    std::fprintf(stderr,
                 "usage: contention --server HOST:PORT --token-file F [--searchers 8,64] [--seconds 5] [--rounds 3]\n");
    return 2;
  }
  std::string t = *token;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  const double seconds = std::stod(args.Get("seconds", "5"));
  const int rounds = std::stoi(args.Get("rounds", "3"));
  std::vector<int> mixes;
  const std::string list = args.Get("searchers", "8,64");
  for (size_t at = 0; at < list.size();) {
    const size_t comma = std::min(list.find(',', at), list.size());
    mixes.push_back(std::stoi(list.substr(at, comma - at)));
    at = comma + 1;
  }
  Bench bench(server, t);
  // name → per-round outcomes; the phases alternate within each round.
  std::map<std::string, std::vector<Outcome>> runs;
  for (int r = 0; r < rounds; ++r) {
    runs["ingest alone"].push_back(bench.Run(true, 0, seconds));
    for (int s : mixes) {
      runs["search alone, " + std::to_string(s) + " clients"].push_back(bench.Run(false, s, seconds));
      runs["ingest + " + std::to_string(s) + " searching"].push_back(bench.Run(true, s, seconds));
    }
  }
  const auto med = [&](const std::string& name, double Outcome::*field) {
    std::vector<double> v;
    for (const Outcome& o : runs[name]) v.push_back(o.*field);
    return Median(v);
  };
  const double alone = med("ingest alone", &Outcome::ingest_per_s);
  std::printf("phase | ingest/s | search p50 ms | search p99 ms | searches | errors\n");
  for (auto& [name, outcomes] : runs) {
    size_t searches = 0, errors = 0;
    for (const Outcome& o : outcomes) searches += o.searches, errors += o.errors;
    const double ingest = med(name, &Outcome::ingest_per_s);
    std::printf("%s | %s | %.2f | %.2f | %zu | %zu\n", name.c_str(),
                ingest < 0 ? "-"
                           : (std::to_string(static_cast<int>(ingest)) +
                              (name == "ingest alone"
                                   ? ""
                                   : " (" + std::to_string(static_cast<int>(100 * ingest / alone)) + " % of alone)"))
                                 .c_str(),
                med(name, &Outcome::search_p50_ms), med(name, &Outcome::search_p99_ms), searches, errors);
  }
  return 0;
}
