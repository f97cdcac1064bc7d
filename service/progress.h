// A progress line for long client commands, on stderr: count of total, a
// bar, rate and ETA. On a terminal it redraws in place a few times a second;
// otherwise (a log file, CI) it prints a plain line every few seconds.
#ifndef BANTIN_SERVICE_PROGRESS_H_
#define BANTIN_SERVICE_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

namespace bantin {

class Progress {
 public:
  // `enabled` false draws nothing (--json, --no-progress).
  Progress(size_t total, const char* unit, bool enabled);
  void Update(size_t done);
  // Draws the final state and ends the line.
  void Finish(size_t done);

  // "12/40  30%  [######..............]  85.2 pages/s  ETA 0:00:03"
  static std::string Line(size_t done, size_t total, double seconds, const char* unit);

 private:
  void Draw(size_t done, bool final);

  size_t total_;
  const char* unit_;
  bool enabled_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace bantin

#endif  // BANTIN_SERVICE_PROGRESS_H_
