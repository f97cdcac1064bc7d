// A running bantin server: the gRPC BulletinService (with gRPC health
// checking and server reflection) on one address and, optionally, plain HTTP
// on another serving the offline viewer's files.
#ifndef BANTIN_SERVICE_SERVER_H_
#define BANTIN_SERVICE_SERVER_H_

#include <memory>
#include <string>

#include "core/status.h"

namespace bantin {

struct ServerOptions {
  std::string db_dir;
  std::string grpc_address = "127.0.0.1:50051";  // port 0 picks a free port
  std::string http_address;                      // empty: no HTTP
  std::string web_root;                          // viewer files, served at /
  std::string wasm_root;                         // the wasm module, served at /wasm/
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Start(const ServerOptions& options);
  virtual ~Server() = default;
  virtual int grpc_port() const = 0;
  virtual int http_port() const = 0;  // 0 without HTTP
  // Stops accepting calls, lets in-flight ones finish, closes the database.
  virtual void Shutdown() = 0;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_SERVER_H_
