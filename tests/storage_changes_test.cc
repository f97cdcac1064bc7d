// The change log (Store::ChangesSince): what a reader that synced at a
// cursor must fetch next, stores and deletes, each id once.
#include <gtest/gtest.h>

#include "bantin/parse/parser.h"
#include "bantin/storage/store.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

std::string PageNumber(int n) {
  return testing::ReadFile(testing::SeedPaths()[n % 5]) + "\nLượt xem: " + std::to_string(n) + "\n";
}

TEST(Changes, SinceACursorComeStoresAndDeletesEachIdOnce) {
  testing::TempDir dir;
  Result<std::unique_ptr<Store>> opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = **opened;
  const auto put = [&](int n) {
    const std::string raw = PageNumber(n);
    Result<PutOutcome> r = store.Put(ParseText(raw), raw);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->bulletin.id : "";
  };
  const std::string a = put(0), b = put(1);

  // No cursor: start over, from the cursor of now.
  Result<Changes> first = store.ChangesSince("", 100);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(first->reset);
  EXPECT_EQ(first->cursor, store.ChangeCursor());

  const std::string c = put(2);
  ASSERT_TRUE(store.Delete(a).ok());
  put(1);  // the same page again: no change
  const ParseFunction parse = [](const std::string& raw, const ParseHints& hints) { return ParseText(raw, hints); };
  ASSERT_TRUE(store.Reparse(parse, /*all=*/true).ok());  // b and c rebuilt: stored again

  Result<Changes> next = store.ChangesSince(first->cursor, 100);
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_FALSE(next->reset);
  EXPECT_FALSE(next->more);
  EXPECT_EQ(next->deleted, std::vector<std::string>{a});
  ASSERT_EQ(next->stored.size(), 2u);
  EXPECT_TRUE((next->stored == std::vector<std::string>{b, c}) || (next->stored == std::vector<std::string>{c, b}));
  EXPECT_EQ(next->cursor, store.ChangeCursor());
  Result<Changes> none = store.ChangesSince(next->cursor, 100);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->stored.empty() && none->deleted.empty());

  // At most `max` log entries a call; the cursor goes on from there.
  Result<Changes> part = store.ChangesSince(first->cursor, 1);
  ASSERT_TRUE(part.ok());
  EXPECT_TRUE(part->more);
  EXPECT_EQ(part->stored, std::vector<std::string>{c});

  // Another database's cursor, or garbage.
  EXPECT_TRUE(store.ChangesSince("another:5", 100)->reset);
  EXPECT_EQ(store.ChangesSince(first->cursor.substr(0, first->cursor.rfind(':')) + ":x", 100).status().code(),
            StatusCode::kInvalidArgument);
  // The log survives a reopen.
  const std::string cursor = next->cursor;
  opened->reset();
  Result<std::unique_ptr<Store>> again = Store::Open(dir.path());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->ChangeCursor(), cursor);
}

}  // namespace
}  // namespace bantin
