// The store under faults (README.md, Reliability): a disk that fills while
// writing, damaged table files, a damaged write-ahead log. Each test checks
// the status callers get, what the store reports of itself, and that every
// acknowledged bulletin outside the damaged bytes is still readable.
// (kill -9 during ingest: storage_crash_test.cc.)
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "tests/disk_budget_fs.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

using testing::DiskBudgetFs;
using testing::ReadFile;
using testing::SeedPaths;
using testing::TempDir;

// Page n: a seed page with a line of its own, so every n is another page.
std::string PageNumber(int n) {
  return ReadFile(SeedPaths()[n % SeedPaths().size()]) + "\nLượt xem: " + std::to_string(n) + "\n";
}

Result<PutOutcome> PutPage(Store& store, int n) {
  const std::string raw = PageNumber(n);
  return store.Put(ParseText(raw), raw);
}

std::unique_ptr<Store> OpenOrDie(const std::string& dir, const OpenOptions& options = {}) {
  Result<std::unique_ptr<Store>> s = Store::Open(dir, options);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? std::move(*s) : nullptr;
}

// Every id is readable (with its raw page) or reported damaged (DATA_LOSS),
// or, where the log that held it was damaged, gone (NOT_FOUND); returns how
// many were readable.
size_t CountReadable(const Store& store, const std::vector<std::string>& ids, bool may_be_gone = false) {
  size_t readable = 0;
  for (const std::string& id : ids) {
    Result<StoredRecord> r = store.Get(id, /*with_raw=*/true);
    if (r.ok()) {
      ++readable;
      continue;
    }
    if (may_be_gone && r.status().code() == StatusCode::kNotFound) continue;
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss) << id << ": " << r.status().message();
    EXPECT_EQ(r.status().reason(), "DATA_CORRUPTED") << id;
  }
  return readable;
}

// Reopened, the store has every acknowledged bulletin, whole.
void ExpectAllAfterReopen(const std::string& dir, const OpenOptions& options, const std::vector<std::string>& acked) {
  std::unique_ptr<Store> store = OpenOrDie(dir, options);
  ASSERT_TRUE(store);
  EXPECT_EQ(CountReadable(*store, acked), acked.size());
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

// The largest file of the database with this extension.
std::string LargestFile(const std::string& dir, const std::string& extension) {
  std::string best;
  uintmax_t best_size = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == extension && entry.file_size() > best_size)
      best = entry.path(), best_size = entry.file_size();
  return best;
}

void FlipBytes(const std::string& path, uint64_t offset, size_t count) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  std::string bytes(count, '\0');
  f.seekg(static_cast<std::streamoff>(offset));
  f.read(bytes.data(), static_cast<std::streamsize>(count));
  for (char& c : bytes) c = static_cast<char>(~c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.write(bytes.data(), static_cast<std::streamsize>(count));
}

// The disk fills: the write that would fill it is refused with DISK_FULL
// before RocksDB sees it, the store says writes are stopped, reads go on,
// and writes come back as soon as there is room.
TEST(Faults, DiskFullRefusesWritesThenResumes) {
  TempDir dir;
  auto fs = std::make_shared<DiskBudgetFs>(uint64_t{1} << 30);
  OpenOptions options;
  options.file_system = fs;
  options.min_free_bytes = 1 << 20;
  std::unique_ptr<Store> store = OpenOrDie(dir.path(), options);
  ASSERT_TRUE(store);
  fs->SetBudget(fs->used() + (3 << 20));
  std::vector<std::string> acked;
  Status refused;
  for (int n = 0; n < 5000 && refused.ok(); ++n) {
    Result<PutOutcome> put = PutPage(*store, n);
    if (put.ok()) acked.push_back(put->bulletin.id);
    refused = put.status();
  }
  ASSERT_FALSE(refused.ok()) << "the disk never filled";
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted) << refused.message();
  EXPECT_EQ(refused.reason(), "DISK_FULL");
  EXPECT_GT(acked.size(), 10u);
  EXPECT_NE(store->Condition().writes_stopped, "");
  EXPECT_EQ(CountReadable(*store, acked), acked.size());
  EXPECT_TRUE(store->Search("tỉnh").ok());

  fs->SetBudget(fs->used() + (64 << 20));
  EXPECT_EQ(store->Condition().writes_stopped, "");
  Result<PutOutcome> after = PutPage(*store, 9000);
  ASSERT_TRUE(after.ok()) << after.status().message();
  acked.push_back(after->bulletin.id);
  store.reset();
  ExpectAllAfterReopen(dir.path(), options, acked);
}

// The disk fills behind the check (another program took the space): RocksDB
// itself meets the full disk. The write fails with DISK_FULL, not a crash;
// writes stay stopped until there is room, then resume without a reopen,
// and nothing acknowledged is lost.
TEST(Faults, DiskFullInsideRocksDbRecoversWithoutRestart) {
  TempDir dir;
  auto fs = std::make_shared<DiskBudgetFs>(uint64_t{1} << 30);
  OpenOptions options;
  options.file_system = fs;
  std::unique_ptr<Store> store = OpenOrDie(dir.path(), options);
  ASSERT_TRUE(store);
  std::vector<std::string> acked;
  for (int n = 0; n < 5; ++n) {
    Result<PutOutcome> put = PutPage(*store, n);
    ASSERT_TRUE(put.ok()) << put.status().message();
    acked.push_back(put->bulletin.id);
  }
  fs->ReportFree(uint64_t{1} << 30);
  fs->Fill();
  for (int attempt = 0; attempt < 2; ++attempt) {
    Result<PutOutcome> put = PutPage(*store, 100 + attempt);
    ASSERT_FALSE(put.ok());
    EXPECT_EQ(put.status().code(), StatusCode::kResourceExhausted) << put.status().message();
    EXPECT_EQ(put.status().reason(), "DISK_FULL");
  }
  EXPECT_NE(store->Condition().writes_stopped, "");
  EXPECT_EQ(CountReadable(*store, acked), acked.size());
  ASSERT_TRUE(store->Search("tỉnh").ok());

  fs->ReportFree(0);
  fs->SetBudget(fs->used() + (64 << 20));
  // The store's watcher resumes RocksDB within a poll (250 ms); the wait is
  // bounded only so that a broken recovery fails the test instead of hanging.
  Result<PutOutcome> after = Status::Internal("not tried");
  for (int i = 0; i < 400 && !after.ok(); ++i) {
    after = PutPage(*store, 200);
    if (!after.ok()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_TRUE(after.ok()) << after.status().message();
  acked.push_back(after->bulletin.id);
  EXPECT_EQ(store->Condition().writes_stopped, "");
  store.reset();
  ExpectAllAfterReopen(dir.path(), options, acked);
}

// 64 bytes flipped in three places of the largest table file: the store
// opens, lists, exports and searches; a damaged record is reported (DATA_LOSS
// naming the file, or a damaged entry in a page), never fails the rest.
TEST(Faults, DamagedTableFileFailsOnlyTheRecordsInIt) {
  TempDir dir;
  std::vector<std::string> acked;
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_TRUE(store);
    for (int n = 0; n < 300; ++n) {
      Result<PutOutcome> put = PutPage(*store, n);
      ASSERT_TRUE(put.ok()) << put.status().message();
      acked.push_back(put->bulletin.id);
    }
    ASSERT_TRUE(store->Compact().ok());
  }
  const std::string table = LargestFile(dir.path(), ".sst");
  ASSERT_FALSE(table.empty());
  const uint64_t size = std::filesystem::file_size(table);
  for (int quarter = 1; quarter <= 3; ++quarter) FlipBytes(table, size * quarter / 4, 64);

  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  size_t damage_seen = store->Condition().damaged_at_open.size();
  ListOptions all;
  all.page_size = 50;
  all.with_raw = true;
  size_t listed = 0;
  for (int pages = 0; pages < 100; ++pages) {
    Result<ListPage> page = store->List(all);
    ASSERT_TRUE(page.ok()) << page.status().message();
    listed += page->bulletins.size();
    damage_seen += page->damaged.size();
    for (const DamagedRecord& d : page->damaged) EXPECT_NE(d.reason.find(".sst"), std::string::npos) << d.reason;
    if (page->next_page_token.empty()) break;
    all.page_token = page->next_page_token;
  }
  SearchOptions search;
  search.page_size = 50;
  for (int pages = 0; pages < 100; ++pages) {
    Result<SearchPage> page = store->Search("tỉnh", search);
    ASSERT_TRUE(page.ok()) << page.status().message();
    damage_seen += page->damaged.size();
    if (page->next_page_token.empty()) break;
    search.page_token = page->next_page_token;
  }
  const size_t readable = CountReadable(*store, acked);
  damage_seen += acked.size() - readable;
  EXPECT_GT(damage_seen, 0u) << "the damage went unnoticed";
  // Three damaged blocks hold a few records each; the rest read.
  EXPECT_GE(readable, acked.size() - 60);
  EXPECT_GE(listed, acked.size() - 60);

  // Repair rebuilds every bulletin whose raw page can be read, ids kept,
  // into a database with no damage left; the old one is kept aside.
  store.reset();
  const ParseFunction parse = [](const std::string& raw, const ParseHints& hints) { return ParseText(raw, hints); };
  Result<RepairReport> repaired = Store::Repair(dir.path(), parse);
  ASSERT_TRUE(repaired.ok()) << repaired.status().message();
  EXPECT_TRUE(std::filesystem::exists(repaired->moved_aside));
  EXPECT_EQ(repaired->kept + repaired->lost.size(), acked.size());
  EXPECT_GE(repaired->kept, readable);
  store = OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  EXPECT_EQ(store->size(), repaired->kept);
  std::set<std::string> lost;
  for (const DamagedRecord& d : repaired->lost) lost.insert(d.id);
  for (const std::string& id : acked)
    if (!lost.count(id)) EXPECT_TRUE(store->Get(id, true).ok()) << id;
  EXPECT_TRUE(store->CheckIntegrity().ok());
  all = ListOptions();
  all.page_size = 500;
  all.with_raw = true;
  Result<ListPage> clean = store->List(all);
  ASSERT_TRUE(clean.ok());
  EXPECT_TRUE(clean->damaged.empty());
  EXPECT_EQ(clean->bulletins.size(), repaired->kept);
  std::filesystem::remove_all(repaired->moved_aside);  // beside the temp dir, not in it
}

// 64 bytes flipped in the middle of the write-ahead log: opening skips the
// damaged records, replays the ones after them, and reports what it
// dropped; the survivors are whole (record, postings and document entry).
TEST(Faults, DamagedLogIsReportedAndTheRestReplayed) {
  TempDir dir;
  std::vector<std::string> acked;
  {
    std::unique_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_TRUE(store);
    for (int n = 0; n < 500; ++n) {
      Result<PutOutcome> put = PutPage(*store, n);
      ASSERT_TRUE(put.ok()) << put.status().message();
      acked.push_back(put->bulletin.id);
    }
  }  // closed without a flush: the bulletins are in the log only
  const std::string log = LargestFile(dir.path(), ".log");
  ASSERT_FALSE(log.empty());
  FlipBytes(log, std::filesystem::file_size(log) / 2, 64);

  std::unique_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_TRUE(store);
  const StoreCondition condition = store->Condition();
  ASSERT_FALSE(condition.log_damage.empty());
  EXPECT_NE(condition.log_damage[0].find(".log"), std::string::npos) << condition.log_damage[0];
  EXPECT_GT(condition.log_bytes_dropped, 0u);
  const size_t readable = CountReadable(*store, acked, /*may_be_gone=*/true);
  EXPECT_LT(readable, acked.size());
  // A 32 KB block of the log at most: a handful of bulletins, not the half
  // after the damage that stopping at it would lose.
  EXPECT_GE(readable, acked.size() - 40);
  EXPECT_EQ(store->size(), readable);
  EXPECT_TRUE(store->CheckIntegrity().ok());
  EXPECT_EQ(store->Search("tỉnh")->total, readable);
}

}  // namespace
}  // namespace bantin
