// A real `bantin serve` child process on 127.0.0.1 (ephemeral ports), for
// the service tests: started from the built binary with the flags a user
// would pass, stopped with a real signal.
#ifndef BANTIN_TESTS_SERVER_PROCESS_H_
#define BANTIN_TESTS_SERVER_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace bantin::testing {

class ServerProcess {
 public:
  // Starts `bantin serve --db DB --listen 127.0.0.1:0 --http 127.0.0.1:0`
  // plus `flags`, and waits (up to 20 s) until it prints its addresses.
  ServerProcess(const std::string& db_dir, const std::vector<std::string>& flags) {
    log_path_ = log_dir_.path() + "/serve.log";
    std::vector<std::string> argv = {BANTIN_BIN, "serve",       "--db",   db_dir,
                                     "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0"};
    argv.insert(argv.end(), flags.begin(), flags.end());
    int out[2];
    if (pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      const int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(log, STDERR_FILENO);
      close(out[0]);
      std::vector<char*> args;
      for (std::string& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    close(out[1]);
    stdout_ = out[0];
    ReadUntil("bantin: writes");  // the last line printed at start
    const size_t api = output_.find("API on ");
    const size_t viewer = output_.find("http://127.0.0.1:");
    if (api == std::string::npos || viewer == std::string::npos) return;
    const size_t colon = output_.find(':', api + 7);
    grpc_port_ = std::atoi(output_.c_str() + colon + 1);
    http_port_ = std::atoi(output_.c_str() + viewer + 17);
  }

  ~ServerProcess() {
    if (pid_ > 0 && exit_status_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_ >= 0) close(stdout_);
  }

  bool started() const { return grpc_port_ > 0; }
  std::string grpc_address() const { return "127.0.0.1:" + std::to_string(grpc_port_); }
  int http_port() const { return http_port_; }
  // What the server printed on stdout so far (addresses, drain messages).
  const std::string& output() const { return output_; }
  // The server's stderr: one JSON line per call.
  std::string Log() const { return ReadFile(log_path_); }
  // How many threads the server process has now.
  int Threads() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind("Threads:", 0) == 0) return std::atoi(line.c_str() + 8);
    return -1;
  }

  // Sends `signal` and waits for the exit; returns the exit code (or
  // 128 + signal when killed).
  int Stop(int signal = SIGTERM) {
    if (exit_status_ >= 0 || pid_ <= 0) return exit_status_;
    kill(pid_, signal);
    ReadUntil("\x01");  // drain stdout until it closes
    int status = 0;
    waitpid(pid_, &status, 0);
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_status_;
  }

 private:
  // Reads stdout until `marker` appears, the pipe closes, or 20 s pass.
  void ReadUntil(const std::string& marker) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    char buf[4096];
    while (output_.find(marker) == std::string::npos && std::chrono::steady_clock::now() < until) {
      pollfd p{stdout_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      const ssize_t n = read(stdout_, buf, sizeof buf);
      if (n <= 0) break;
      output_.append(buf, static_cast<size_t>(n));
    }
  }

  TempDir log_dir_;
  std::string log_path_;
  pid_t pid_ = -1;
  int stdout_ = -1;
  std::string output_;
  int grpc_port_ = 0;
  int http_port_ = 0;
  int exit_status_ = -1;
};

inline void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

}  // namespace bantin::testing

#endif  // BANTIN_TESTS_SERVER_PROCESS_H_
