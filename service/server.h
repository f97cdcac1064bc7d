// A running bantin server: the gRPC BulletinService (with gRPC health
// checking and server reflection, one log line and metrics per call) on one
// address and, optionally, plain HTTP on another serving the offline
// viewer's files, the export bundle (/bundle) and metrics (/metrics).
#ifndef BANTIN_SERVICE_SERVER_H_
#define BANTIN_SERVICE_SERVER_H_

#include <cstdio>
#include <memory>
#include <string>

#include "auth.h"
#include "bantin/status.h"
#include "bantin/storage/store.h"
#include "limits.h"

namespace bantin {

// Where `bantin serve` listens and the CLI calls unless told otherwise.
inline constexpr char kDefaultGrpcAddress[] = "127.0.0.1:50051";

struct ServerOptions {
  std::string db_dir;
  uint64_t min_free_bytes = OpenOptions().min_free_bytes;  // --min-free-bytes
  bool sync = false;                                       // --sync: fsync each acknowledged write
  std::shared_ptr<rocksdb::FileSystem> file_system;        // tests: a disk that fails on purpose
  std::string grpc_address = kDefaultGrpcAddress;          // port 0 picks a free port
  std::string http_address;                                // empty: no HTTP
  std::string web_root;                                    // viewer files, served at /
  std::string wasm_root;                                   // the wasm module, served at /wasm/
  AuthConfig auth;                                         // no write token: writes refused
  ServiceLimits limits;
  std::string tls_cert_file;  // PEM; with tls_key_file, gRPC speaks TLS only
  std::string tls_key_file;
  std::FILE* call_log = nullptr;        // one JSON line per call; null: none
  int drain_seconds = 30;               // how long Shutdown lets calls in flight finish
  size_t read_cache_bytes = 64u << 20;  // GetBulletin answers kept in memory (0: none)
  // Server reflection publishes the schema to any caller: on when reads are
  // open, and with read tokens only when asked for (--reflection).
  bool reflection_with_read_tokens = false;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options);
  virtual ~Server() = default;
  virtual int grpc_port() const = 0;
  virtual int http_port() const = 0;  // 0 without HTTP
  // Drains: reports NOT_SERVING to health checks, refuses new calls, lets
  // in-flight ones finish (up to drain_seconds, then cancels them), stops
  // HTTP and closes the database. Every acknowledged write is on disk.
  virtual void Shutdown() = 0;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_SERVER_H_
