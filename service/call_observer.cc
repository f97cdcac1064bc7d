#include "call_observer.h"

#include <chrono>
#include <ctime>
#include <string>

#include "bantin/json/json.h"

namespace bantin {
namespace {

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

class CallObserver final : public grpc::experimental::Interceptor {
 public:
  CallObserver(grpc::experimental::ServerRpcInfo* info, Metrics* metrics, std::FILE* log)
      : info_(info), metrics_(metrics), log_(log), start_(std::chrono::steady_clock::now()) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(grpc::experimental::InterceptionHookPoints::PRE_SEND_STATUS))
      Finish(methods->GetSendStatus());
    methods->Proceed();
  }

 private:
  void Finish(const grpc::Status& status) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const int code = static_cast<int>(status.error_code());
    metrics_->Record(info_->method(), code, seconds);
    if (!log_) return;
    JsonWriter w;
    w.BeginObject().Key("time").String(UtcNow()).Key("method").String(info_->method());
    w.Key("code").String(StatusCodeName(code)).Key("latency_ms").Number(seconds * 1000);
    if (info_->server_context()) w.Key("peer").String(info_->server_context()->peer());
    if (!status.ok()) w.Key("message").String(status.error_message());
    w.EndObject();
    std::string line = w.Take();
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), log_);  // one write per line: lines never interleave
  }

  grpc::experimental::ServerRpcInfo* info_;
  Metrics* metrics_;
  std::FILE* log_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

grpc::experimental::Interceptor* CallObserverFactory::CreateServerInterceptor(grpc::experimental::ServerRpcInfo* info) {
  return new CallObserver(info, metrics_, log_);
}

}  // namespace bantin
