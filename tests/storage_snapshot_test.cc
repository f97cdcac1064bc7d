// Searches read a version of the document table; writers never wait for
// them (storage/store_impl.h). A real database in a temp dir.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "bantin/storage/store.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

Bulletin Doc(int n) {
  Bulletin b;
  b.id = "doc-" + std::to_string(n);
  b.title = "Bản tin số " + std::to_string(n);
  b.date = "2021-07-16";
  b.source = {"bao-soc-trang", "Báo Sóc Trăng", "Sóc Trăng", ""};
  b.blocks.push_back({BlockKind::kParagraph, "Tỉnh ủy chỉ đạo bảo vệ rừng đầu nguồn, tin thứ " + std::to_string(n)});
  return b;
}

// A search is stopped in the middle of its ranking (its cancel callback,
// polled every thousand matches) until a commit of another thread is done.
// Were the commit waiting for the search, it could not finish while the
// search waits: the wait would time out and the test fail.
TEST(StoreSnapshot, ACommitDoesNotWaitForASearchInProgress) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::Open(dir.path()));
  std::vector<IngestItem> items;
  for (int i = 0; i < 2100; ++i) items.push_back({Doc(i), "raw " + std::to_string(i), {}});
  ASSERT_TRUE(store->PutMany(items).ok());

  std::thread writer;
  std::future<bool> committed;
  bool committed_during_search = false;
  SearchOptions o;
  o.threads = 1;
  o.cancelled = [&] {
    if (writer.joinable()) return false;  // already done, on an earlier poll
    std::packaged_task<bool()> put([&] { return store->Put(Doc(5000), "raw 5000").ok(); });
    committed = put.get_future();
    writer = std::thread(std::move(put));
    committed_during_search = committed.wait_for(std::chrono::seconds(60)) == std::future_status::ready;
    return false;
  };
  Result<SearchPage> during = store->Search("rừng", o);
  ASSERT_TRUE(writer.joinable());
  writer.join();
  EXPECT_TRUE(committed_during_search);
  EXPECT_TRUE(committed.get());
  ASSERT_TRUE(during.ok()) << during.status().message();
  EXPECT_EQ(during->total, 2100u);  // the version it began with
  Result<SearchPage> after = store->Search("rừng");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, 2101u);
  EXPECT_EQ(store->size(), 2101u);
}

// Many readers and one writer at once: every search sees a whole version
// (as many hits counted as the store held at some moment), and the last
// one sees everything written.
TEST(StoreSnapshot, ReadersSeeWholeVersionsWhileAWriterGoesOn) {
  testing::TempDir dir;
  std::unique_ptr<Store> store = std::move(*Store::Open(dir.path()));
  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 3; ++r)
    readers.emplace_back([&] {
      uint64_t last = 0;
      while (!done) {
        Result<SearchPage> page = store->Search("rừng");
        if (!page.ok() || page->total < last) ++bad;  // versions only grow here
        if (page.ok()) last = page->total;
      }
    });
  for (int i = 0; i < 300; ++i) ASSERT_TRUE(store->Put(Doc(i), "raw " + std::to_string(i)).ok());
  done = true;
  for (std::thread& t : readers) t.join();
  ASSERT_TRUE(store->Delete("doc-7").ok());
  EXPECT_EQ(bad.load(), 0);
  Result<SearchPage> all = store->Search("rừng");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 299u);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// A disk without room to open on is said to be full, as a status: RocksDB
// is not left to fail a write while it opens (Debian's build aborts then).
// The room asked for here is more than any disk has.
TEST(StoreOpen, ADiskWithoutRoomIsRefusedAsFull) {
  testing::TempDir dir;
  OpenOptions no_room;
  no_room.min_free_bytes = uint64_t{1} << 62;
  Result<std::unique_ptr<Store>> store = Store::Open(dir.path() + "/db", no_room);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(store.status().reason(), "DISK_FULL");
  EXPECT_NE(store.status().message().find("disk is full"), std::string::npos);
  // An existing database, the same.
  {
    Result<std::unique_ptr<Store>> created = Store::Open(dir.path() + "/db");
    ASSERT_TRUE(created.ok());
    const std::string raw = testing::ReadFile(testing::SeedPaths()[0]);
    ASSERT_TRUE((*created)->Put(ParseText(raw), raw).ok());
  }
  store = Store::Open(dir.path() + "/db", no_room);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().reason(), "DISK_FULL");
  store = Store::Open(dir.path() + "/db");
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->size(), 1u);
}

}  // namespace
}  // namespace bantin
