// The HTTP side against clients that hold connections: idle ones, slow
// ones, oversized heads. A real `bantin serve` on 127.0.0.1; raw sockets
// so the test controls every byte; bounded loops.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

// A connected socket to 127.0.0.1:port with a receive timeout; -1 if refused.
int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  timeval tv{20, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

void Send(int fd, const std::string& bytes) { (void)send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL); }

// Everything the server sends until it closes (or the receive timeout).
std::string ReadAll(int fd) {
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
  return out;
}

// The status line of one answer to GET `path` on a fresh connection.
std::string StatusOf(int port, const std::string& path) {
  const int fd = Connect(port);
  if (fd < 0) return "refused";
  Send(fd, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string answer = ReadAll(fd);
  close(fd);
  return answer.substr(0, answer.find("\r\n"));
}

class HttpTest : public testing::ServiceFixture {};

// Idle connections and slow-loris clients (a head sent a byte at a time)
// hold no worker: health and the bundle are answered meanwhile, and the
// slow ones are cut off when their head's time is up.
TEST_F(HttpTest, IdleAndSlowClientsDoNotHoldTheSide) {
  StartServer({"--http-head-seconds", "2", "--quiet"});
  const int port = server_->http_port();
  std::vector<int> held;
  for (int i = 0; i < 200; ++i) held.push_back(Connect(port));                                // idle
  for (int i = 0; i < 32; ++i) held.push_back(Connect(port)), Send(held.back(), "GET /bun");  // slow
  EXPECT_EQ(StatusOf(port, "/healthz"), "HTTP/1.1 200 OK");
  EXPECT_EQ(StatusOf(port, "/bundle"), "HTTP/1.1 200 OK");
  EXPECT_EQ(StatusOf(port, "/"), "HTTP/1.1 200 OK");
  // A slow head is answered 408 and closed once its time is up.
  Send(held.back(), "dle");
  const std::string slow = ReadAll(held.back());
  EXPECT_EQ(slow.substr(0, slow.find("\r\n")), "HTTP/1.1 408 Request Timeout");
  for (int fd : held) close(fd);
}

// Past the connection cap, a connection is answered 503 and closed at
// once; health is answered again once the others go.
TEST_F(HttpTest, ConnectionsPastTheCapAreRefusedAtOnce) {
  StartServer({"--http-max-connections", "20", "--quiet"});
  const int port = server_->http_port();
  std::vector<int> held;
  for (int i = 0; i < 20; ++i) held.push_back(Connect(port));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server accept them
  EXPECT_EQ(StatusOf(port, "/healthz"), "HTTP/1.1 503 Service Unavailable");
  for (int fd : held) close(fd);
  std::string status;
  for (int attempt = 0; attempt < 50 && status != "HTTP/1.1 200 OK"; ++attempt) {
    status = StatusOf(port, "/healthz");
    if (status != "HTTP/1.1 200 OK") std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(status, "HTTP/1.1 200 OK");
}

// Heads past their size are refused at once with the status that says so;
// other methods and paths outside the viewer's files are refused too.
TEST_F(HttpTest, OversizedHeadsAndStrangeRequestsAreRefusedAtOnce) {
  StartServer({"--quiet"});
  const int port = server_->http_port();
  EXPECT_EQ(StatusOf(port, "/" + std::string(9000, 'a')), "HTTP/1.1 414 URI Too Long");
  const int fd = Connect(port);
  std::string head = "GET / HTTP/1.1\r\n";
  for (int i = 0; i < 200; ++i) head += "X-Filler-" + std::to_string(i) + ": " + std::string(40, 'x') + "\r\n";
  Send(fd, head + "\r\n");
  const std::string big = ReadAll(fd);
  close(fd);
  EXPECT_EQ(big.substr(0, big.find("\r\n")), "HTTP/1.1 431 Request Header Fields Too Large");
  const int post = Connect(port);
  Send(post, "POST /bundle HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
  const std::string refused = ReadAll(post);
  close(post);
  EXPECT_EQ(refused.substr(0, refused.find("\r\n")), "HTTP/1.1 405 Method Not Allowed");
  EXPECT_EQ(StatusOf(port, "/../../etc/passwd"), "HTTP/1.1 404 Not Found");
  EXPECT_EQ(StatusOf(port, "/%2e%2e/%2e%2e/etc/passwd"), "HTTP/1.1 404 Not Found");
}

// One connection, several requests one after another (keep-alive), the
// bundle among them in chunks.
TEST_F(HttpTest, KeptAliveConnectionsServeRequestAfterRequest) {
  StartServer({"--quiet"});
  for (const std::string& path : testing::SeedPaths()) Ingest(testing::ReadFile(path));
  const int fd = Connect(server_->http_port());
  Send(fd,
       "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /bundle HTTP/1.1\r\nHost: x\r\n\r\n"
       "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string all = ReadAll(fd);
  close(fd);
  size_t answers = 0;
  for (size_t at = all.find("HTTP/1.1 200 OK"); at != std::string::npos; at = all.find("HTTP/1.1 200 OK", at + 1))
    ++answers;
  EXPECT_EQ(answers, 3u);
  EXPECT_NE(all.find("Transfer-Encoding: chunked"), std::string::npos);
  EXPECT_NE(all.find("\"bantinBundle\":1"), std::string::npos);
  EXPECT_NE(all.find("0\r\n\r\n"), std::string::npos);  // the bundle's last chunk
}

}  // namespace
}  // namespace bantin
