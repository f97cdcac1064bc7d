// The streaming calls open now (ExportBulletins and IngestBulletins), with
// caps and an idle timeout, so streams whose clients stop cost nothing but
// their place: at most `max_total` open at once, at most `max_per_client`
// from one peer address, and one that has made no progress (a completed
// write, a page read) for `idle` is cancelled (its client sees CANCELLED).
// A sweeper thread looks every fraction of `idle`; it holds no stream's
// thread, since a stream holds none.
#ifndef BANTIN_SERVICE_OPEN_STREAMS_H_
#define BANTIN_SERVICE_OPEN_STREAMS_H_

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace bantin {

class OpenStreams {
 public:
  OpenStreams(size_t max_total, size_t max_per_client, std::chrono::milliseconds idle);
  ~OpenStreams();
  OpenStreams(const OpenStreams&) = delete;
  OpenStreams& operator=(const OpenStreams&) = delete;

  // `stream` (any unique key) of the call `ctx` begins. OK, or
  // RESOURCE_EXHAUSTED naming the cap that is reached.
  grpc::Status Open(const void* stream, grpc::CallbackServerContext* ctx);
  // The stream made progress (a write completed, a page was read).
  void Progress(const void* stream);
  // The stream is over; after this its context is not touched.
  void Close(const void* stream);
  size_t open() const;

 private:
  struct Entry {
    grpc::CallbackServerContext* ctx;
    std::string client;
    std::chrono::steady_clock::time_point last_progress;
    bool cancelled = false;
  };
  void Sweep();

  const size_t max_total_, max_per_client_;
  const std::chrono::milliseconds idle_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::condition_variable cancelled_;         // cancelling_ changed
  std::map<const void*, Entry> streams_;      // GUARDED_BY(mu_)
  std::map<std::string, size_t> per_client_;  // GUARDED_BY(mu_)
  bool stopping_ = false;                     // GUARDED_BY(mu_)
  const void* cancelling_ = nullptr;          // GUARDED_BY(mu_): being cancelled now
  std::thread sweeper_;
};

// A stream call answered with `status` before anything is sent or read.
template <class Reactor>
class RefusedStream final : public Reactor {
 public:
  explicit RefusedStream(const grpc::Status& status) { this->Finish(status); }
  void OnDone() override { delete this; }
};

// `stream` (a new reactor with Start()) takes its place in `streams` and
// starts; past a cap it is deleted and the call refused.
template <class Reactor, class Stream>
Reactor* OpenAndStart(Stream* stream, grpc::CallbackServerContext* ctx, OpenStreams& streams) {
  if (grpc::Status s = streams.Open(stream, ctx); !s.ok()) {
    delete stream;
    return new RefusedStream<Reactor>(s);
  }
  stream->Start();
  return stream;
}

}  // namespace bantin

#endif  // BANTIN_SERVICE_OPEN_STREAMS_H_
