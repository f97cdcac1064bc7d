// A disk of a set size for fault tests, where mounting a small file system
// is not allowed: RocksDB's file system with a budget of bytes. Appends
// past it fail as a full disk does (IOStatus::NoSpace, ENOSPC), free space
// is what is left of it, and deleting a file gives its bytes back. Tests
// shrink and grow the budget to fill the disk under a store and free it.
#ifndef BANTIN_TESTS_DISK_BUDGET_FS_H_
#define BANTIN_TESTS_DISK_BUDGET_FS_H_

#include <rocksdb/file_system.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace bantin::testing {

class DiskBudgetFs final : public rocksdb::FileSystemWrapper {
 public:
  explicit DiskBudgetFs(uint64_t budget) : FileSystemWrapper(rocksdb::FileSystem::Default()), budget_(budget) {}
  static const char* kClassName() { return "DiskBudgetFs"; }
  const char* Name() const override { return kClassName(); }

  void SetBudget(uint64_t budget) { budget_ = budget; }
  // Free space as reported from now on, whatever appends find: plays a
  // disk another program fills between a check and a write. 0: the truth.
  void ReportFree(uint64_t free) { reported_free_ = free; }
  // Makes the disk full: no byte left beyond what is used now.
  void Fill() { budget_ = used_.load(); }
  uint64_t used() const { return used_; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* file,
                                    rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->NewWritableFile(name, options, file, dbg);
    if (s.ok()) *file = std::make_unique<File>(std::move(*file), this, name);
    return s;
  }
  rocksdb::IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* file,
                                       rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->ReopenWritableFile(name, options, file, dbg);
    if (s.ok()) *file = std::make_unique<File>(std::move(*file), this, name);
    return s;
  }
  rocksdb::IOStatus DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override {
    rocksdb::IOStatus s = target()->DeleteFile(name, options, dbg);
    if (s.ok()) Release(name);
    return s;
  }
  rocksdb::IOStatus GetFreeSpace(const std::string&, const rocksdb::IOOptions&, uint64_t* free,
                                 rocksdb::IODebugContext*) override {
    const uint64_t used = used_, budget = budget_;
    *free = reported_free_ ? reported_free_.load() : budget > used ? budget - used : 0;
    return rocksdb::IOStatus::OK();
  }

 private:
  class File final : public rocksdb::FSWritableFileOwnerWrapper {
   public:
    File(std::unique_ptr<rocksdb::FSWritableFile>&& file, DiskBudgetFs* fs, std::string name)
        : FSWritableFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)) {}
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                             rocksdb::IODebugContext* dbg) override {
      if (!fs_->Take(name_, data.size())) return rocksdb::IOStatus::NoSpace("no space left on the test disk");
      return target()->Append(data, options, dbg);
    }
    rocksdb::IOStatus Append(const rocksdb::Slice& data, const rocksdb::IOOptions& options,
                             const rocksdb::DataVerificationInfo&, rocksdb::IODebugContext* dbg) override {
      return Append(data, options, dbg);
    }

   private:
    DiskBudgetFs* fs_;
    std::string name_;
  };

  bool Take(const std::string& name, uint64_t bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    if (used_ + bytes > budget_) return false;
    used_ += bytes;
    sizes_[name] += bytes;
    return true;
  }
  void Release(const std::string& name) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sizes_.find(name);
    if (it == sizes_.end()) return;
    used_ -= it->second;
    sizes_.erase(it);
  }

  std::atomic<uint64_t> budget_;
  std::atomic<uint64_t> used_{0};
  std::atomic<uint64_t> reported_free_{0};
  std::mutex mu_;
  std::map<std::string, uint64_t> sizes_;  // bytes appended per file still there
};

}  // namespace bantin::testing

#endif  // BANTIN_TESTS_DISK_BUDGET_FS_H_
