// Per-method call counters and latency histograms, rendered in Prometheus'
// text exposition format for the HTTP side's /metrics.
#ifndef BANTIN_SERVICE_METRICS_H_
#define BANTIN_SERVICE_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "bantin/status.h"  // StatusCodeName, for the metrics' code labels
#include "bantin/storage/store.h"

namespace bantin {

class Metrics {
 public:
  // Records one finished call; `code` is the gRPC status code.
  void Record(const std::string& method, int code, double seconds);

  // Everything recorded so far, plus `bantin_bulletins` = `bulletins` and
  // the store's condition.
  std::string Render(uint64_t bulletins, const StoreCondition& store) const;

 private:
  // Upper bounds of the latency buckets, in seconds (+Inf implied).
  static constexpr std::array<double, 14> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                      0.025,  0.05,    0.1,    0.25,  0.5,    1,     5};
  struct MethodStats {
    std::map<int, uint64_t> calls_by_code;
    std::array<uint64_t, kBuckets.size() + 1> buckets{};  // not cumulative; last is +Inf
    double seconds_sum = 0;
    uint64_t count = 0;
  };

  mutable std::mutex mu_;
  std::map<std::string, MethodStats> methods_;  // guarded by mu_
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_METRICS_H_
