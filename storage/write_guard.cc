#include "write_guard.h"

namespace bantin {
namespace {

bool IsSpace(const rocksdb::Status& s) { return s.IsNoSpace() || s.subcode() == rocksdb::Status::kSpaceLimit; }

}  // namespace

void WriteGuard::Watch(rocksdb::DB* db) {
  db_ = db;
  watcher_ = std::thread([this] { WatchLoop(); });
}

void WriteGuard::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

bool WriteGuard::FreeBytes(uint64_t* free) const {
  return fs_->GetFreeSpace(dir_, rocksdb::IOOptions(), free, nullptr).ok();
}

uint64_t WriteGuard::Needed() const {
  uint64_t memtables = 0;
  if (rocksdb::DB* db = db_.load()) db->GetIntProperty(rocksdb::DB::Properties::kCurSizeAllMemTables, &memtables);
  return reserve_ + memtables;
}

Status WriteGuard::Admit(uint64_t bytes) const {
  uint64_t free = 0;
  if (!FreeBytes(&free)) return Status::Ok();  // cannot tell: let RocksDB find out
  const uint64_t needed = Needed() + bytes;
  if (free >= needed) {
    refused_bytes_.store(0);
    return Status::Ok();
  }
  refused_bytes_.store(bytes);
  return Status(StatusCode::kResourceExhausted, "the disk is full: " + std::to_string(free) +
                                                    " bytes free, this write needs " + std::to_string(needed) +
                                                    " (itself, a flush of what is in memory, and the reserve)")
      .WithReason("DISK_FULL");
}

std::string WriteGuard::StoppedBecause() const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopped_because_.empty()) return stopped_because_;
  }
  uint64_t free = 0;
  if (FreeBytes(&free) && free < Needed() + refused_bytes_.load())
    return "the disk is full: " + std::to_string(free) + " bytes free";
  return "";
}

void WriteGuard::WriteFailed(const rocksdb::Status& error) {
  if (!error.IsIOError()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_because_ = error.ToString();
    resumable_ = IsSpace(error);
  }
  wake_.notify_all();
}

void WriteGuard::OnBackgroundError(rocksdb::BackgroundErrorReason, rocksdb::Status* error) {
  if (error->severity() < rocksdb::Status::kHardError) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopped_because_ = error->ToString();
    resumable_ = IsSpace(*error);
  }
  wake_.notify_all();
}

void WriteGuard::OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason, rocksdb::Status error, bool* auto_recovery) {
  if (IsSpace(error)) *auto_recovery = false;  // the watcher resumes sooner, and at our threshold
}

void WriteGuard::OnErrorRecoveryEnd(const rocksdb::BackgroundErrorRecoveryInfo& info) {
  if (!info.new_bg_error.ok()) return;
  std::lock_guard<std::mutex> lock(mu_);
  stopped_because_.clear();
  resumable_ = false;
}

void WriteGuard::WatchLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, kResumePoll);
    if (stopping_ || !resumable_) continue;
    // Neither the free space nor the memtables' size is asked for under
    // mu_: RocksDB calls the listener methods, which take mu_, from its
    // own threads.
    lock.unlock();
    uint64_t free = 0;
    if (!FreeBytes(&free) || free < Needed()) {
      lock.lock();
      continue;
    }
    // Resume flushes the memtables and starts a new log; on a disk still
    // too full it fails cleanly and is tried again at the next poll.
    const rocksdb::Status resumed = db_.load()->Resume();
    lock.lock();
    if (resumed.ok()) {
      stopped_because_.clear();
      resumable_ = false;
    }
  }
}

}  // namespace bantin
