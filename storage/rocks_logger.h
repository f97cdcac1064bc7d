// RocksDB's diagnostic log, kept off the database's disk. RocksDB's own
// log file lives beside the data, and Debian's build asserts when a line
// cannot be written to it: a full disk would abort the process on the
// first failed write. This logger passes warnings and errors to standard
// error (the server's log), drops the rest, and keeps what it saw of a
// damaged write-ahead log while the database opened.
#ifndef BANTIN_STORAGE_ROCKS_LOGGER_H_
#define BANTIN_STORAGE_ROCKS_LOGGER_H_

#include <rocksdb/env.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace bantin {

class RocksLogger final : public rocksdb::Logger {
 public:
  RocksLogger() : rocksdb::Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}
  void Logv(const char* format, va_list ap) override;
  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override;

  // Lines of the form "<log file>: dropping N bytes; <reason>": what
  // recovery skipped of a damaged write-ahead log.
  std::vector<std::string> LogDamage() const;
  uint64_t LogBytesDropped() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::string> damage_;
  uint64_t dropped_ = 0;
};

}  // namespace bantin

#endif  // BANTIN_STORAGE_ROCKS_LOGGER_H_
