#include "call_gate.h"

#include <algorithm>

namespace bantin {

CallGate::CallGate(int workers, size_t queue) : queue_limit_(queue) {
  const int n = std::max(1, workers);
  threads_.reserve(n);
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { Work(); });
}

CallGate::~CallGate() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

bool CallGate::TrySubmit(Lane lane, std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    std::deque<std::function<void()>>& queue = lane == Lane::kWrite ? writes_ : reads_;
    // A free worker takes the call at once; otherwise it waits if there is room.
    const size_t busy = running_ + reads_.size() + writes_.size();
    if (busy >= threads_.size() && queue.size() >= queue_limit_) return false;
    queue.push_back(std::move(work));
  }
  ready_.notify_one();
  return true;
}

void CallGate::Run(Lane lane, std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    (lane == Lane::kWrite ? writes_ : reads_).push_back(std::move(work));
  }
  ready_.notify_one();
}

size_t CallGate::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

size_t CallGate::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return reads_.size() + writes_.size();
}

void CallGate::Work() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    ready_.wait(lock, [this] { return stopping_ || !reads_.empty() || !writes_.empty(); });
    std::deque<std::function<void()>>& queue = !writes_.empty() ? writes_ : reads_;
    if (queue.empty()) return;  // stopping, and nothing accepted is left
    std::function<void()> work = std::move(queue.front());
    queue.pop_front();
    ++running_;
    lock.unlock();
    work();
    lock.lock();
    --running_;
  }
}

}  // namespace bantin
