#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace bantin {

Progress::Progress(size_t total, const char* unit, bool enabled)
    : total_(total),
      unit_(unit),
      enabled_(enabled),
      terminal_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

std::string Progress::Line(size_t done, size_t total, double seconds, const char* unit) {
  constexpr int kWidth = 20;
  const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  std::string bar(kWidth, '.');
  for (int i = 0; i < static_cast<int>(fraction * kWidth + 1e-9) && i < kWidth; ++i) bar[i] = '#';
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char eta[32] = "--:--:--";
  if (rate > 0) {
    const long left = static_cast<long>(static_cast<double>(total - (done < total ? done : total)) / rate + 0.5);
    std::snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
  }
  char line[160];
  std::snprintf(line, sizeof line, "%zu/%zu  %3d%%  [%s]  %.1f %s/s  ETA %s", done, total,
                static_cast<int>(fraction * 100), bar.c_str(), rate, unit, eta);
  return line;
}

void Progress::Update(size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const auto every = terminal_ ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
  if (now - last_draw_ < every) return;
  last_draw_ = now;
  Draw(done, false);
}

void Progress::Finish(size_t done) {
  if (enabled_) Draw(done, true);
}

void Progress::Draw(size_t done, bool final) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string line = Line(done, total_, seconds, unit_);
  if (terminal_)
    std::fprintf(stderr, "\r%s\x1b[K%s", line.c_str(), final ? "\n" : "");
  else
    std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace bantin
