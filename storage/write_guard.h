// Writes on a disk that fills up: refused before they fill it, and back by
// themselves when space returns, with reads going on throughout.
//
// Before each batch, Admit asks the file system for its free bytes: the
// batch is refused (RESOURCE_EXHAUSTED, reason DISK_FULL) unless the disk
// keeps `reserve` bytes free after it, beyond what flushing the memtables
// will write. So RocksDB rarely meets a full disk itself. When it does
// (another program filled the disk between the check and the write), it
// stops every write with a hard background error. The guard, as RocksDB's
// event listener, notes the stop and turns RocksDB's own recovery off for a
// full disk (that one waits for as much free space as all write buffers
// together, 512 MB here, polled every 5 s); its watcher thread calls
// DB::Resume every kResumePoll once Admit's condition holds again.
// A stop for any other reason (a compaction that met damaged bytes) is
// reported by State and lasts until the database is reopened or repaired.
#ifndef BANTIN_STORAGE_WRITE_GUARD_H_
#define BANTIN_STORAGE_WRITE_GUARD_H_

#include <rocksdb/db.h>
#include <rocksdb/file_system.h>
#include <rocksdb/listener.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "bantin/status.h"

namespace bantin {

class WriteGuard final : public rocksdb::EventListener {
 public:
  static constexpr std::chrono::milliseconds kResumePoll{250};

  WriteGuard(rocksdb::FileSystem* fs, std::string dir, uint64_t reserve)
      : fs_(fs), dir_(std::move(dir)), reserve_(reserve) {}
  ~WriteGuard() override { Stop(); }

  // Starts watching `db` (opened with this guard among its listeners).
  void Watch(rocksdb::DB* db);
  // Stops the watcher; before the database closes.
  void Stop();

  // OK, or why a batch of `bytes` must not be written now.
  Status Admit(uint64_t bytes) const;
  // "" while writes work, else why they do not: RocksDB stopped them, or
  // the disk has no room for a flush, or for the last batch Admit refused.
  std::string StoppedBecause() const;
  // A write RocksDB failed: a full disk (or any I/O error) stops writes
  // until the watcher resumes them, whether or not RocksDB also told the
  // listener (it does not for every path a write can fail on).
  void WriteFailed(const rocksdb::Status& error);
  // Free bytes of the database's disk; nothing when it cannot be told.
  bool FreeBytes(uint64_t* free) const;

  void OnBackgroundError(rocksdb::BackgroundErrorReason reason, rocksdb::Status* error) override;
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason reason, rocksdb::Status error, bool* auto_recovery) override;
  void OnErrorRecoveryEnd(const rocksdb::BackgroundErrorRecoveryInfo& info) override;

 private:
  // Bytes that must stay free, beyond a batch: the reserve and a flush.
  uint64_t Needed() const;
  void WatchLoop();

  rocksdb::FileSystem* const fs_;
  const std::string dir_;
  const uint64_t reserve_;
  std::atomic<rocksdb::DB*> db_{nullptr};
  mutable std::atomic<uint64_t> refused_bytes_{0};  // the last batch refused; 0 once one is admitted
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;        // GUARDED_BY(mu_)
  std::string stopped_because_;  // GUARDED_BY(mu_); "" while writes work
  bool resumable_ = false;       // GUARDED_BY(mu_): stopped by a full disk
  std::thread watcher_;
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_WRITE_GUARD_H_
