// The call gate alone (service/call_gate.h): workers, the two lanes, the
// queue's limit. No server; every wait is on a latch the test controls.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "service/call_gate.h"

namespace bantin {
namespace {

TEST(CallGate, PastTheQueueWorkIsRefusedAndRunWorkIsNot) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> ran{0};
  {
    CallGate gate(1, 2);
    ASSERT_TRUE(gate.TrySubmit(CallGate::Lane::kRead, [&] {  // runs, and holds the one worker
      released.wait();
      ++ran;
    }));
    // The one worker may not have taken it yet: wait until it has.
    while (gate.running() == 0) std::this_thread::yield();
    EXPECT_TRUE(gate.TrySubmit(CallGate::Lane::kRead, [&] { ++ran; }));
    EXPECT_TRUE(gate.TrySubmit(CallGate::Lane::kRead, [&] { ++ran; }));
    EXPECT_FALSE(gate.TrySubmit(CallGate::Lane::kRead, [&] { ++ran; }));  // queue full
    EXPECT_TRUE(gate.TrySubmit(CallGate::Lane::kWrite, [&] { ++ran; }));  // its own lane
    gate.Run(CallGate::Lane::kRead, [&] { ++ran; });                      // past the limit
    EXPECT_EQ(gate.waiting(), 4u);
    release.set_value();
  }  // the destructor runs what it accepted
  EXPECT_EQ(ran.load(), 5);
}

TEST(CallGate, WritesWaitingAreTakenBeforeReadsWaiting) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::mutex mu;
  std::vector<char> order;
  {
    CallGate gate(1, 8);
    ASSERT_TRUE(gate.TrySubmit(CallGate::Lane::kRead, [&] { released.wait(); }));
    while (gate.running() == 0) std::this_thread::yield();
    const auto note = [&](char c) {
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(c);
    };
    for (int i = 0; i < 2; ++i) ASSERT_TRUE(gate.TrySubmit(CallGate::Lane::kRead, [&] { note('r'); }));
    ASSERT_TRUE(gate.TrySubmit(CallGate::Lane::kWrite, [&] { note('w'); }));
    release.set_value();
  }
  EXPECT_EQ(order, (std::vector<char>{'w', 'r', 'r'}));
}

}  // namespace
}  // namespace bantin
