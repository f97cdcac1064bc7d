#include "open_streams.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "api_errors.h"

namespace bantin {
namespace {

// "ipv4:127.0.0.1:53422" → "ipv4:127.0.0.1": one client whatever its port.
std::string ClientOf(const std::string& peer) {
  const size_t colon = peer.rfind(':');
  return colon == std::string::npos || colon < peer.find(':') + 1 ? peer : peer.substr(0, colon);
}

}  // namespace

OpenStreams::OpenStreams(size_t max_total, size_t max_per_client, std::chrono::milliseconds idle)
    : max_total_(max_total), max_per_client_(max_per_client), idle_(idle), sweeper_([this] { Sweep(); }) {}

OpenStreams::~OpenStreams() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  sweeper_.join();
}

grpc::Status OpenStreams::Open(const void* stream, grpc::CallbackServerContext* ctx) {
  const std::string client = ClientOf(ctx->peer());
  std::lock_guard<std::mutex> lock(mu_);
  if (streams_.size() >= max_total_)
    return LimitExceeded("max_open_streams", max_total_,
                         "streams: " + std::to_string(max_total_) + " are open on this server; try again later");
  size_t& mine = per_client_[client];
  if (mine >= max_per_client_)
    return LimitExceeded("max_streams_per_client", max_per_client_,
                         "streams: this client has " + std::to_string(mine) + " open already");
  ++mine;
  streams_[stream] = Entry{ctx, client, std::chrono::steady_clock::now()};
  return grpc::Status::OK;
}

void OpenStreams::Progress(const void* stream) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = streams_.find(stream);
  if (it != streams_.end()) it->second.last_progress = std::chrono::steady_clock::now();
}

void OpenStreams::Close(const void* stream) {
  std::unique_lock<std::mutex> lock(mu_);
  // The sweeper may be cancelling this very call outside the lock: its
  // context must outlive that (unless the cancel is what closes it, on the
  // sweeper's own thread).
  if (std::this_thread::get_id() != sweeper_.get_id()) cancelled_.wait(lock, [&] { return cancelling_ != stream; });
  const auto it = streams_.find(stream);
  if (it == streams_.end()) return;
  const auto client = per_client_.find(it->second.client);
  if (--client->second == 0) per_client_.erase(client);
  streams_.erase(it);
}

size_t OpenStreams::open() const {
  std::lock_guard<std::mutex> lock(mu_);
  return streams_.size();
}

void OpenStreams::Sweep() {
  const auto period = std::max(std::chrono::milliseconds(50), idle_ / 4);
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::pair<const void*, grpc::CallbackServerContext*>> idle;
    for (auto& [stream, e] : streams_)
      if (!e.cancelled && now - e.last_progress > idle_) {
        e.cancelled = true;
        idle.emplace_back(stream, e.ctx);
      }
    // Cancelled outside the lock (gRPC may finish the call, and Close it,
    // right away); Close of the one being cancelled waits for it.
    for (const auto& [stream, ctx] : idle) {
      const auto it = streams_.find(stream);  // closed meanwhile, or another call now
      if (it == streams_.end() || it->second.ctx != ctx || !it->second.cancelled) continue;
      cancelling_ = stream;
      lock.unlock();
      ctx->TryCancel();
      lock.lock();
      cancelling_ = nullptr;
      cancelled_.notify_all();
    }
  }
}

}  // namespace bantin
