// Durability: a child process ingests in a loop and is killed with SIGKILL
// at random points, 20 times. After each kill the database must reopen with
// every acknowledged id present and every record indexed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <string>
#include <thread>

#include "bantin/storage/store.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

// Runs the ingester until killed after `run_ms`; returns the ids it printed
// as whole lines (acknowledged before the kill).
std::vector<std::string> IngestUntilKilled(const std::string& db, unsigned long long first_id, int run_ms) {
  int out[2];
  EXPECT_EQ(pipe(out), 0);
  const pid_t child = fork();
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    const std::string first = std::to_string(first_id);
    execl(BANTIN_CRASH_INGESTER, BANTIN_CRASH_INGESTER, db.c_str(), first.c_str(), nullptr);
    _exit(127);
  }
  close(out[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(run_ms));
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status)) << "the ingester stopped by itself";
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
  close(out[0]);
  std::vector<std::string> ids;
  for (size_t at = 0, nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
    ids.push_back(text.substr(at, nl - at));
  return ids;
}

TEST(CrashRecovery, AcknowledgedIngestsSurviveKillNine) {
  testing::TempDir dir;
  std::mt19937 random(20261123);
  std::vector<std::string> acknowledged;
  unsigned long long next_id = 1;
  for (int round = 0; round < 20; ++round) {
    // Past start-up (opening, reading seeds), then a random point.
    const int run_ms = 150 + static_cast<int>(random() % 250);
    std::vector<std::string> ids = IngestUntilKilled(dir.path(), next_id, run_ms);
    acknowledged.insert(acknowledged.end(), ids.begin(), ids.end());
    next_id += ids.size() + 100;  // the unacknowledged tail may exist too

    Result<std::unique_ptr<Store>> store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.status().message();
    for (const std::string& id : acknowledged)
      ASSERT_TRUE((*store)->Get(id).ok()) << "round " << round << ": lost acknowledged " << id;
    Status integrity = (*store)->CheckIntegrity();
    ASSERT_TRUE(integrity.ok()) << "round " << round << ": " << integrity.message();
  }
  EXPECT_GT(acknowledged.size(), 100u) << "the ingester barely ran; the test proves little";
  std::printf("%zu acknowledged ingests survived 20 kills\n", acknowledged.size());
}

}  // namespace
}  // namespace bantin
