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

std::string Metrics::Render(uint64_t bulletins, const StoreCondition& store) const {
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
  out +=
      "# HELP bantin_writes_stopped 1 while the store refuses writes (a full disk), else 0.\n"
      "# TYPE bantin_writes_stopped gauge\n";
  append("bantin_writes_stopped %d\n", store.writes_stopped.empty() ? 0 : 1);
  out +=
      "# HELP bantin_log_bytes_dropped Bytes of a damaged write-ahead log skipped when the store opened.\n"
      "# TYPE bantin_log_bytes_dropped gauge\n";
  append("bantin_log_bytes_dropped %llu\n", static_cast<unsigned long long>(store.log_bytes_dropped));
  out +=
      "# HELP bantin_damaged_at_open Damaged document entries found when the store opened.\n"
      "# TYPE bantin_damaged_at_open gauge\n";
  append("bantin_damaged_at_open %zu\n", store.damaged_at_open.size());
  out +=
      "# HELP bantin_damaged_records_served_total Records left out of answers because their bytes are damaged.\n"
      "# TYPE bantin_damaged_records_served_total counter\n";
  append("bantin_damaged_records_served_total %llu\n", static_cast<unsigned long long>(store.damaged_reads));
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
