#include "metrics.h"

#include <cstdio>

namespace bantin {

void Metrics::Record(const std::string& method, int code, double seconds) {
  size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  MethodStats& m = methods_[method];
  ++m.calls_by_code[code];
  ++m.buckets[bucket];
  m.seconds_sum += seconds;
  ++m.count;
}

std::string Metrics::Render(uint64_t bulletins) const {
  std::string out;
  char line[256];
  const auto append = [&](const char* format, auto... values) {
    std::snprintf(line, sizeof line, format, values...);
    out += line;
  };
  out +=
      "# HELP bantin_bulletins Bulletins stored.\n"
      "# TYPE bantin_bulletins gauge\n";
  append("bantin_bulletins %llu\n", static_cast<unsigned long long>(bulletins));
  std::lock_guard lock(mu_);
  out +=
      "# HELP bantin_rpc_calls_total RPCs finished, by method and status code.\n"
      "# TYPE bantin_rpc_calls_total counter\n";
  for (const auto& [method, m] : methods_)
    for (const auto& [code, n] : m.calls_by_code)
      append("bantin_rpc_calls_total{method=\"%s\",code=\"%s\"} %llu\n", method.c_str(), StatusCodeName(code),
             static_cast<unsigned long long>(n));
  out +=
      "# HELP bantin_rpc_errors_total RPCs finished with a status other than OK, by method.\n"
      "# TYPE bantin_rpc_errors_total counter\n";
  for (const auto& [method, m] : methods_) {
    uint64_t errors = 0;
    for (const auto& [code, n] : m.calls_by_code) errors += code == 0 ? 0 : n;
    append("bantin_rpc_errors_total{method=\"%s\"} %llu\n", method.c_str(), static_cast<unsigned long long>(errors));
  }
  out +=
      "# HELP bantin_rpc_latency_seconds Time from a call's arrival to its status, by method.\n"
      "# TYPE bantin_rpc_latency_seconds histogram\n";
  for (const auto& [method, m] : methods_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += m.buckets[i];
      append("bantin_rpc_latency_seconds_bucket{method=\"%s\",le=\"%g\"} %llu\n", method.c_str(), kBuckets[i],
             static_cast<unsigned long long>(cumulative));
    }
    append("bantin_rpc_latency_seconds_bucket{method=\"%s\",le=\"+Inf\"} %llu\n", method.c_str(),
           static_cast<unsigned long long>(m.count));
    append("bantin_rpc_latency_seconds_sum{method=\"%s\"} %.9g\n", method.c_str(), m.seconds_sum);
    append("bantin_rpc_latency_seconds_count{method=\"%s\"} %llu\n", method.c_str(),
           static_cast<unsigned long long>(m.count));
  }
  return out;
}

}  // namespace bantin
