#include "http_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "call_gate.h"
#include "http_response.h"

namespace bantin {
namespace {

using Clock = std::chrono::steady_clock;

// A streamed body between the worker that makes it and the loop that sends it.
struct BodyPipe {
  std::mutex mu;
  std::condition_variable room;
  std::string pending;     // made, not yet taken by the loop
  bool done = false;       // the maker has finished
  bool failed = false;     // … and the body is cut short
  bool abandoned = false;  // the connection is gone: stop making
};

struct Connection {
  enum class State { kHead, kWorking, kWriting, kIdle };
  int fd = -1;
  uint64_t id = 0;  // fds are reused; a worker's answer names the connection by id
  State state = State::kHead;
  std::string in, out;
  size_t sent = 0;
  Clock::time_point deadline;
  bool keep_alive = true;
  std::shared_ptr<BodyPipe> pipe;  // while a streamed body is sent
  bool body_complete = false;      // the pipe's last bytes are in `out`
};

}  // namespace

class HttpServer::Impl {
 public:
  Impl(const HttpLimits& limits, HttpHandler handler)
      : limits_(limits), handler_(std::move(handler)), workers_(limits.workers, limits.max_queued) {}

  ~Impl() { Stop(); }

  Status Listen(const std::string& host, int port) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host.c_str(), &addr.sin_addr) != 1)
      return Status::InvalidArgument("--http: not an IPv4 address: " + host);
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(listen_fd_, 512) != 0)
      return Status(StatusCode::kUnavailable, "cannot listen for HTTP on " + host + ":" + std::to_string(port));
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    wake_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    Watch(listen_fd_, EPOLLIN, EPOLL_CTL_ADD);
    Watch(wake_, EPOLLIN, EPOLL_CTL_ADD);
    loop_ = std::thread([this] { Loop(); });
    return Status::Ok();
  }

  int port() const { return port_; }

  void Stop() {
    if (!loop_.joinable()) return;
    stopping_ = true;
    {
      std::lock_guard<std::mutex> lock(posted_mu_);
      Wake();
    }
    loop_.join();
    for (auto& [fd, c] : connections_) Abandon(c), close(fd);
    connections_.clear();
    close(listen_fd_);
    close(epoll_);
    std::lock_guard<std::mutex> lock(posted_mu_);
    close(wake_);
    wake_ = -1;
  }

 private:
  void Watch(int fd, uint32_t events, int op) {
    epoll_event e{};
    e.events = events;
    e.data.fd = fd;
    epoll_ctl(epoll_, op, fd, &e);
  }
  // Caller holds posted_mu_ (or is the only thread left).
  void Wake() {
    if (wake_ < 0) return;
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = write(wake_, &one, sizeof one);
  }
  // Runs `f` on the loop's thread, soon.
  void Post(std::function<void()> f) {
    std::lock_guard<std::mutex> lock(posted_mu_);
    posted_.push_back(std::move(f));
    Wake();
  }

  void Loop() {
    epoll_event events[64];
    while (!stopping_) {
      const int n = epoll_wait(epoll_, events, 64, 100);
      for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == listen_fd_) {
          Accept();
        } else if (fd == wake_) {
          uint64_t count;
          [[maybe_unused]] const ssize_t r = read(fd, &count, sizeof count);  // the loop's own fd
          std::vector<std::function<void()>> posted;
          {
            std::lock_guard<std::mutex> lock(posted_mu_);
            posted.swap(posted_);
          }
          for (auto& f : posted) f();
        } else {
          Ready(fd, events[i].events);
        }
      }
      Sweep();
    }
  }

  void Accept() {
    while (true) {
      const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;
      if (connections_.size() >= limits_.max_connections) {
        const std::string busy = ResponseBytes(PlainResponse(503, "too many connections"), false);
        [[maybe_unused]] const ssize_t w = send(fd, busy.data(), busy.size(), MSG_NOSIGNAL);
        close(fd);
        continue;
      }
      Connection& c = connections_[fd];
      c.fd = fd;
      c.id = ++next_id_;
      c.deadline = Clock::now() + limits_.head_timeout;
      Watch(fd, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
    }
  }

  void Ready(int fd, uint32_t events) {
    const auto it = connections_.find(fd);
    if (it == connections_.end()) return;
    Connection& c = it->second;
    if (events & (EPOLLERR | EPOLLHUP)) return Close(c);
    if ((events & EPOLLIN) && (c.state == Connection::State::kHead || c.state == Connection::State::kIdle)) {
      char buf[4096];
      while (c.in.size() <= limits_.max_head_bytes) {
        const ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r == 0) return Close(c);
        if (r < 0) break;
        if (c.state == Connection::State::kIdle) {
          c.state = Connection::State::kHead;
          c.deadline = Clock::now() + limits_.head_timeout;
        }
        c.in.append(buf, static_cast<size_t>(r));
      }
      return Parse(c);
    }
    if ((events & EPOLLRDHUP) && c.state != Connection::State::kWriting) return Close(c);
    if ((events & EPOLLOUT) && c.state == Connection::State::kWriting) Write(c);
  }

  void Parse(Connection& c) {
    HttpRequest request;
    size_t head_bytes = 0;
    int status = 400;
    switch (ParseHead(c.in, limits_.max_head_bytes, &request, &head_bytes, &status)) {
      case HeadParse::kIncomplete:
        return;
      case HeadParse::kBad:
        return Respond(c, PlainResponse(status, ReasonPhrase(status)), false, false);
      case HeadParse::kComplete:
        break;
    }
    c.in.erase(0, head_bytes);
    const bool keep = request.keep_alive;
    const bool head_only = request.method == "HEAD";
    if (request.path == "/healthz") return Respond(c, PlainResponse(200, "ok"), keep, head_only);
    c.state = Connection::State::kWorking;
    Watch(c.fd, EPOLLRDHUP, EPOLL_CTL_MOD);
    const int fd = c.fd;
    const uint64_t id = c.id;
    const bool queued = workers_.TrySubmit(CallGate::Lane::kRead, [this, fd, id, keep, head_only, request] {
      HttpResponse r = handler_(request);
      if (!r.stream || head_only)
        return Post([this, fd, id, keep, head_only, r] {
          if (Connection* c = Find(fd, id, Connection::State::kWorking)) Respond(*c, r, keep, head_only);
        });
      auto pipe = std::make_shared<BodyPipe>();
      Post([this, fd, id, keep, r, pipe] { DeliverStream(fd, id, r, keep, pipe); });
      Produce(r, *pipe, fd, id);
    });
    if (!queued) {
      HttpResponse busy = PlainResponse(503, "server busy");
      busy.headers.emplace_back("Retry-After", "1");
      Respond(c, busy, false, head_only);
    }
  }

  // On a worker: the streamed body into the pipe, waiting while it is full.
  void Produce(const HttpResponse& r, BodyPipe& pipe, int fd, uint64_t id) {
    HttpResponse::Part part = HttpResponse::Part::kMore;
    while (part == HttpResponse::Part::kMore) {
      std::string piece;
      part = r.stream(piece);
      std::unique_lock<std::mutex> lock(pipe.mu);
      pipe.room.wait(lock, [&] { return pipe.abandoned || pipe.pending.size() < limits_.stream_buffer_bytes; });
      if (pipe.abandoned) return;
      pipe.pending += piece;
      if (part != HttpResponse::Part::kMore) pipe.done = true, pipe.failed = part == HttpResponse::Part::kFailed;
      lock.unlock();
      Post([this, fd, id] {
        if (Connection* c = Find(fd, id, Connection::State::kWriting)) Write(*c);
      });
    }
  }

  // The connection `id` on `fd` if it is still open and in `state`.
  Connection* Find(int fd, uint64_t id, Connection::State state) {
    const auto it = connections_.find(fd);
    return it != connections_.end() && it->second.id == id && it->second.state == state ? &it->second : nullptr;
  }

  void DeliverStream(int fd, uint64_t id, const HttpResponse& r, bool keep, const std::shared_ptr<BodyPipe>& pipe) {
    Connection* c = Find(fd, id, Connection::State::kWorking);
    if (!c) {
      std::lock_guard<std::mutex> lock(pipe->mu);
      pipe->abandoned = true;
      pipe->room.notify_all();
      return;
    }
    c->pipe = pipe;
    c->body_complete = false;
    c->keep_alive = keep;
    c->out = ResponseHead(r, keep, true);
    c->sent = 0;
    StartWriting(*c);
  }

  void Respond(Connection& c, const HttpResponse& r, bool keep, bool head_only) {
    c.keep_alive = keep;
    c.out = head_only ? ResponseHead(r, keep, false) : ResponseBytes(r, keep);
    c.sent = 0;
    StartWriting(c);
  }

  void StartWriting(Connection& c) {
    c.state = Connection::State::kWriting;
    c.deadline = Clock::now() + limits_.write_timeout;
    Watch(c.fd, EPOLLOUT | EPOLLRDHUP, EPOLL_CTL_MOD);
    Write(c);
  }

  // With everything before sent, takes what the worker made since (as one
  // chunk), or the body's end. False when there is nothing to take yet.
  bool Refill(Connection& c) {
    std::lock_guard<std::mutex> lock(c.pipe->mu);
    c.out.clear();
    c.sent = 0;
    if (!c.pipe->pending.empty()) {
      AppendChunk(c.out, c.pipe->pending);
      c.pipe->pending.clear();
      c.pipe->room.notify_all();
      c.deadline = Clock::now() + limits_.write_timeout;
      return true;
    }
    if (!c.pipe->done) return false;
    c.body_complete = true;
    if (c.pipe->failed)
      c.keep_alive = false;  // cut short: no last chunk, the reader sees the truncation
    else
      c.out = "0\r\n\r\n";
    return true;
  }

  void Write(Connection& c) {
    while (true) {
      if (c.pipe && !c.body_complete && c.sent == c.out.size() && !Refill(c)) return;  // the worker resumes us
      while (c.sent < c.out.size()) {
        const ssize_t w = send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
        if (w < 0) {
          if (errno == EAGAIN || errno == EWOULDBLOCK) return;  // EPOLLOUT resumes us
          return Close(c);
        }
        c.sent += static_cast<size_t>(w);
        c.deadline = Clock::now() + limits_.write_timeout;
      }
      if (!c.pipe || c.body_complete) break;
    }
    c.pipe.reset();
    if (!c.keep_alive) return Close(c);
    c.out.clear();
    c.sent = 0;
    c.state = Connection::State::kIdle;
    c.deadline = Clock::now() + limits_.idle_timeout;
    Watch(c.fd, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_MOD);
    if (!c.in.empty()) {  // a request sent before this answer
      c.state = Connection::State::kHead;
      c.deadline = Clock::now() + limits_.head_timeout;
      Parse(c);
    }
  }

  // Connections past their deadline: a head too slow, an idle keep-alive,
  // a response the client stopped reading.
  void Sweep() {
    const auto now = Clock::now();
    std::vector<int> expired;
    for (auto& [fd, c] : connections_)
      if (c.state != Connection::State::kWorking && now > c.deadline) expired.push_back(fd);
    for (int fd : expired) {
      Connection& c = connections_[fd];
      if (c.state == Connection::State::kHead && !c.in.empty()) {
        const std::string timeout = ResponseBytes(PlainResponse(408, "request head too slow"), false);
        [[maybe_unused]] const ssize_t w = send(fd, timeout.data(), timeout.size(), MSG_NOSIGNAL);
      }
      Close(c);
    }
  }

  void Abandon(Connection& c) {
    if (!c.pipe) return;
    std::lock_guard<std::mutex> lock(c.pipe->mu);
    c.pipe->abandoned = true;
    c.pipe->room.notify_all();
  }

  void Close(Connection& c) {
    Abandon(c);
    const int fd = c.fd;
    epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
    close(fd);
    connections_.erase(fd);
  }

  const HttpLimits limits_;
  const HttpHandler handler_;
  int listen_fd_ = -1, epoll_ = -1, port_ = 0;
  int wake_ = -1;  // GUARDED_BY(posted_mu_) once serving; -1 once closed
  std::atomic<bool> stopping_{false};
  std::thread loop_;
  std::map<int, Connection> connections_;  // the loop's own
  uint64_t next_id_ = 0;
  std::mutex posted_mu_;
  std::vector<std::function<void()>> posted_;  // GUARDED_BY(posted_mu_)
  // Last, so it is destroyed first: its workers finish while the rest lives.
  CallGate workers_;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() { Stop(); }
int HttpServer::port() const { return impl_->port(); }
void HttpServer::Stop() {
  if (impl_) impl_->Stop();
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(const std::string& host, int port, const HttpLimits& limits,
                                                      HttpHandler handler) {
  auto impl = std::make_unique<Impl>(limits, std::move(handler));
  if (Status s = impl->Listen(host, port); !s.ok()) return s;
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

}  // namespace bantin
