// A server-wide bound on the work that runs at once. Calls that parse,
// search or list (and each batch of an ingest stream) run on `workers`
// threads of their own; up to `queue` more wait their turn in arrival order; past that a call is refused at once
// (TrySubmit returns false, and the caller answers RESOURCE_EXHAUSTED with
// a retry hint). A crowd of clients then gets fast refusals, not a pile of
// threads, and the memory of waiting calls is bounded by `queue` requests.
//
// Two lanes: writes (ingest, delete) are taken before reads waiting at the
// same time, so a crowd of searching clients does not starve the one that
// writes (a write is one client's page; reads can be many at once). Each
// lane has its own queue of `queue` places.
//
// Work is never dropped once accepted: the destructor runs what is queued,
// then joins the workers. A queued call whose client has gone is the
// work's own business (it checks its context first).
#ifndef BANTIN_SERVICE_CALL_GATE_H_
#define BANTIN_SERVICE_CALL_GATE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace bantin {

class CallGate {
 public:
  // At least one worker; `queue` may be 0 (no waiting: busy means refused).
  CallGate(int workers, size_t queue);
  ~CallGate();
  CallGate(const CallGate&) = delete;
  CallGate& operator=(const CallGate&) = delete;

  enum class Lane { kRead, kWrite };
  // Runs `work` on a worker when one is free. False, and `work` is not
  // kept, when every worker is busy and the lane's queue is full.
  bool TrySubmit(Lane lane, std::function<void()> work);

  // Runs `work` like TrySubmit, past the queue's limit: for the next step
  // of a call already admitted (a stream's next batch), which must not be
  // dropped and is bounded by the number of such calls.
  void Run(Lane lane, std::function<void()> work);

  int workers() const { return static_cast<int>(threads_.size()); }
  size_t queue_limit() const { return queue_limit_; }
  // Calls running and waiting now (for metrics and the retry hint).
  size_t running() const;
  size_t waiting() const;

 private:
  void Work();

  const size_t queue_limit_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> reads_;   // GUARDED_BY(mu_)
  std::deque<std::function<void()>> writes_;  // GUARDED_BY(mu_), taken first
  size_t running_ = 0;                        // GUARDED_BY(mu_)
  bool stopping_ = false;                     // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_CALL_GATE_H_
