#include "rocks_logger.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>

namespace bantin {

void RocksLogger::Logv(const char* format, va_list ap) { Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap); }

void RocksLogger::Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) {
  if (level < GetInfoLogLevel()) return;
  char line[1024];
  std::vsnprintf(line, sizeof line, format, ap);
  const std::string text = line;
  // Recovery's report of a damaged log (db_impl_open.cc, "... dropping N
  // bytes; Corruption: ...", with "(ignoring error) " before it when the
  // damaged records are skipped).
  if (const size_t at = text.find(": dropping "); at != std::string::npos && text.find(".log") < at) {
    std::lock_guard<std::mutex> lock(mu_);
    damage_.push_back(text);
    dropped_ += std::strtoull(text.c_str() + at + 11, nullptr, 10);
  }
  std::fprintf(stderr, "bantin: rocksdb: %s\n", line);
}

std::vector<std::string> RocksLogger::LogDamage() const {
  std::lock_guard<std::mutex> lock(mu_);
  return damage_;
}

uint64_t RocksLogger::LogBytesDropped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dropped_;
}

}  // namespace bantin
