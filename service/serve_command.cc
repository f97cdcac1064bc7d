// bantin serve: the gRPC API and the HTTP side until SIGINT or SIGTERM,
// which drain (in-flight calls finish) before the process exits.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "commands.h"
#include "server.h"

namespace bantin {
namespace {

std::atomic<int> g_signal{0};
void OnSignal(int signal) { g_signal = signal; }

// The build puts the viewer in <build>/web and the module in <build>/wasm,
// beside <build>/bin/bantin.
std::string BesideExecutable(const char* dir) {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path().parent_path() / dir).string();
}

// A positive (or, with allow_zero, non-negative) whole number flag; false
// (with a message) when malformed.
template <typename T>
bool NumberFlag(const Args& args, const char* name, T* value, bool allow_zero = false) {
  if (!args.Has(name)) return true;
  const std::string text = args.Get(name);
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || v < 0 || (v == 0 && !allow_zero)) {
    std::fprintf(stderr, "bantin serve: --%s: expected a %s number, got \"%s\"\n", name,
                 allow_zero ? "non-negative" : "positive", text.c_str());
    return false;
  }
  *value = static_cast<T>(v);
  return true;
}

bool TokenFlag(const Args& args, const char* name, std::vector<std::string>* tokens) {
  if (!args.Has(name)) return true;
  Result<std::vector<std::string>> read = ReadTokenFile(args.Get(name));
  if (!read.ok()) {
    std::fprintf(stderr, "bantin serve: --%s: %s\n", name, read.status().message().c_str());
    return false;
  }
  *tokens = std::move(*read);
  return true;
}

constexpr char kUsage[] =
    "usage: bantin serve --db DIR [--listen HOST:PORT] [--http HOST:PORT]\n"
    "         [--write-token-file FILE] [--read-token-file FILE] [--tls-cert PEM --tls-key PEM]\n"
    "         [--max-message-bytes N] [--max-page-size N] [--max-query-bytes N] [--max-batch-ids N]\n"
    "         [--max-stream-items N] [--max-concurrent-calls N] [--max-queued-calls N] [--max-page-bytes N]\n"
    "         [--max-open-streams N] [--max-streams-per-client N] [--stream-idle-seconds N]\n"
    "         [--http-max-connections N] [--http-head-seconds N] [--http-idle-seconds N] [--min-free-bytes N]\n"
    "         [--drain-seconds N] [--read-cache-bytes N] [--sync] [--reflection] [--quiet]\n";

}  // namespace

int RunServe(const Args& args) {
  ServerOptions o;
  o.db_dir = args.Get("db");
  o.grpc_address = args.Get("listen", kDefaultGrpcAddress);
  o.http_address = args.Get("http");
  o.web_root = args.Get("web-root", BesideExecutable("web"));
  o.wasm_root = args.Get("wasm-root", BesideExecutable("wasm"));
  o.tls_cert_file = args.Get("tls-cert");
  o.tls_key_file = args.Get("tls-key");
  o.call_log = args.Has("quiet") ? nullptr : stderr;
  o.reflection_with_read_tokens = args.Has("reflection");
  o.sync = args.Has("sync");
  if (o.db_dir.empty() || args.Has("help")) {
    std::fputs(kUsage, stderr);
    return args.Has("help") ? 0 : 2;
  }
  if (!NumberFlag(args, "max-message-bytes", &o.limits.max_message_bytes) ||
      !NumberFlag(args, "max-page-size", &o.limits.max_page_size) ||
      !NumberFlag(args, "max-query-bytes", &o.limits.max_query_bytes) ||
      !NumberFlag(args, "max-batch-ids", &o.limits.max_batch_ids) ||
      !NumberFlag(args, "max-stream-items", &o.limits.max_stream_items) ||
      !NumberFlag(args, "max-concurrent-calls", &o.limits.max_concurrent_calls) ||
      !NumberFlag(args, "max-queued-calls", &o.limits.max_queued_calls, /*allow_zero=*/true) ||
      !NumberFlag(args, "max-page-bytes", &o.limits.max_page_bytes) ||
      !NumberFlag(args, "max-open-streams", &o.limits.max_open_streams) ||
      !NumberFlag(args, "max-streams-per-client", &o.limits.max_streams_per_client) ||
      !NumberFlag(args, "stream-idle-seconds", &o.limits.stream_idle_seconds) ||
      !NumberFlag(args, "http-max-connections", &o.limits.http_max_connections) ||
      !NumberFlag(args, "http-head-seconds", &o.limits.http_head_seconds) ||
      !NumberFlag(args, "http-idle-seconds", &o.limits.http_idle_seconds) ||
      !NumberFlag(args, "min-free-bytes", &o.min_free_bytes, /*allow_zero=*/true) ||
      !NumberFlag(args, "drain-seconds", &o.drain_seconds) ||
      !NumberFlag(args, "read-cache-bytes", &o.read_cache_bytes, /*allow_zero=*/true) ||
      !TokenFlag(args, "write-token-file", &o.auth.write_tokens) ||
      !TokenFlag(args, "read-token-file", &o.auth.read_tokens))
    return 2;
  if (!o.http_address.empty()) {
    if (!std::filesystem::exists(o.web_root)) o.web_root.clear();
    if (!std::filesystem::exists(o.wasm_root)) o.wasm_root.clear();
  }
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Result<std::unique_ptr<Server>> server = Server::Start(o);
  if (!server.ok()) {
    std::fprintf(stderr, "bantin serve: %s\n", server.status().message().c_str());
    return 1;
  }
  const std::string host = o.grpc_address.substr(0, o.grpc_address.rfind(':'));
  std::printf("bantin: gRPC API on %s:%d%s (database %s)\n", host.c_str(), (*server)->grpc_port(),
              o.tls_cert_file.empty() ? "" : " with TLS", o.db_dir.c_str());
  if ((*server)->http_port()) {
    const std::string http_host = o.http_address.substr(0, o.http_address.rfind(':'));
    std::printf("bantin: viewer on http://%s:%d/\n", http_host.c_str(), (*server)->http_port());
  }
  std::printf("bantin: writes %s, reads %s\n",
              o.auth.write_tokens.empty() ? "disabled (no --write-token-file)" : "need a write token",
              o.auth.read_tokens.empty() ? "open" : "need a token");
  std::fflush(stdout);
  while (!g_signal) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::printf("bantin: %s received, draining\n", g_signal == SIGTERM ? "SIGTERM" : "SIGINT");
  std::fflush(stdout);
  (*server)->Shutdown();
  std::printf("bantin: stopped\n");
  return 0;
}

}  // namespace bantin
