#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "service/commands.h"
#include "service/server.h"

namespace bantin {
namespace {

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// The build puts the viewer in <build>/web and the module in <build>/wasm,
// beside <build>/bin/bantin.
std::string BesideExecutable(const char* dir) {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (exe.parent_path().parent_path() / dir).string();
}

}  // namespace

int RunServe(const Args& args) {
  ServerOptions o;
  o.db_dir = args.Get("db");
  o.grpc_address = args.Get("listen", "127.0.0.1:50051");
  o.http_address = args.Get("http");
  o.web_root = args.Get("web-root", BesideExecutable("web"));
  o.wasm_root = args.Get("wasm-root", BesideExecutable("wasm"));
  if (o.db_dir.empty()) {
    std::fprintf(stderr, "usage: bantin serve --db DIR --listen HOST:PORT [--http HOST:PORT]\n");
    return 2;
  }
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
  std::string host = o.grpc_address.substr(0, o.grpc_address.rfind(':'));
  std::printf("bantin: gRPC API on %s:%d (database %s)\n", host.c_str(), (*server)->grpc_port(),
              o.db_dir.c_str());
  if ((*server)->http_port()) {
    std::string http_host = o.http_address.substr(0, o.http_address.rfind(':'));
    std::printf("bantin: viewer on http://%s:%d/\n", http_host.c_str(), (*server)->http_port());
  }
  std::fflush(stdout);
  while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::printf("bantin: shutting down\n");
  (*server)->Shutdown();
  return 0;
}

}  // namespace bantin
