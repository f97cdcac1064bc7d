// The C API (capi/bantin.h) through libbantin.so, as a C program sees it:
// statuses as values, who frees what, bundles, search options, and one index
// shared by threads.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bantin/bantin.h"

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Seed(const char* name) { return ReadFile(std::string(BANTIN_SOURCE_DIR) + "/seeds/" + name); }

// Takes a char* the library allocated.
std::string Take(char* text) {
  std::string s = text ? text : "";
  bantin_free(text);
  return s;
}

const char* kSeed = "001_d43689925f22576c.txt";

TEST(CApiTest, VersionsAreStatic) {
  EXPECT_STREQ(bantin_version(), "0.1.0");
  EXPECT_NE(std::string(bantin_parser_version()), "");
}

TEST(CApiTest, ParseGivesTheBulletinJsonWithItsLength) {
  const std::string page = Seed(kSeed);
  bantin_hints hints{};
  hints.source_id = "my-source";
  char* json = nullptr;
  size_t size = 0;
  ASSERT_EQ(bantin_parse(page.data(), page.size(), &hints, &json, &size), nullptr);
  const std::string text = Take(json);
  EXPECT_EQ(text.size(), size);
  EXPECT_NE(text.find("\"title\":\"Thường trực Tỉnh ủy làm việc"), std::string::npos) << text.substr(0, 200);
  EXPECT_NE(text.find("\"id\":\"my-source\""), std::string::npos);
}

TEST(CApiTest, ParseOfNothingIsABulletinWithWarningsNotAnError) {
  char* json = nullptr;
  ASSERT_EQ(bantin_parse(nullptr, 0, nullptr, &json, nullptr), nullptr);
  EXPECT_NE(Take(json).find("\"warnings\""), std::string::npos);
}

TEST(CApiTest, ANullOutputIsAnInvalidArgumentNamingIt) {
  bantin_status* s = bantin_parse("x", 1, nullptr, nullptr, nullptr);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(bantin_status_code(s), BANTIN_INVALID_ARGUMENT);
  EXPECT_STREQ(bantin_status_field(s), "json");
  EXPECT_STREQ(bantin_code_name(bantin_status_code(s)), "INVALID_ARGUMENT");
  bantin_status_free(s);
}

TEST(CApiTest, PageTextOfHtmlIsWhatThePageShows) {
  const std::string html = "<html><body><script>var x = 1;</script><h1>Tiêu đề</h1><p>Đoạn một.</p></body></html>";
  char* text = nullptr;
  size_t size = 0;
  ASSERT_EQ(bantin_page_text(html.data(), html.size(), &text, &size), nullptr);
  const std::string shown = Take(text);
  EXPECT_NE(shown.find("Tiêu đề"), std::string::npos);
  EXPECT_EQ(shown.find("var x"), std::string::npos);
}

class CApiIndexTest : public ::testing::Test {
 protected:
  void SetUp() override { index_ = bantin_index_new(); }
  void TearDown() override { bantin_index_free(index_); }

  std::string AddSeed(const char* name, int* added = nullptr) {
    const std::string page = Seed(name);
    char* id = nullptr;
    bantin_status* s = bantin_index_add_page(index_, page.data(), page.size(), nullptr, &id, added);
    EXPECT_EQ(s, nullptr) << bantin_status_message(s);
    return Take(id);
  }

  std::string Search(const char* query, const bantin_search_options* options) {
    char* json = nullptr;
    bantin_status* s = bantin_index_search(index_, query, options, &json);
    EXPECT_EQ(s, nullptr) << bantin_status_message(s);
    bantin_status_free(s);
    return Take(json);
  }

  bantin_index* index_ = nullptr;
};

TEST_F(CApiIndexTest, AddingTheSamePageTwiceKeepsOne) {
  int added = -1;
  const std::string id = AddSeed(kSeed, &added);
  EXPECT_EQ(added, 1);
  EXPECT_EQ(AddSeed(kSeed, &added), id);
  EXPECT_EQ(added, 0);
  EXPECT_EQ(bantin_index_size(index_), 1u);
}

TEST_F(CApiIndexTest, GetRemoveAndNotFoundWithItsReason) {
  const std::string id = AddSeed(kSeed);
  char* json = nullptr;
  ASSERT_EQ(bantin_index_get(index_, id.c_str(), &json), nullptr);
  EXPECT_NE(Take(json).find("\"lines\""), std::string::npos);  // the whole bulletin, spans too
  EXPECT_EQ(bantin_index_remove(index_, id.c_str()), 1);
  EXPECT_EQ(bantin_index_remove(index_, id.c_str()), 0);
  json = nullptr;
  bantin_status* s = bantin_index_get(index_, id.c_str(), &json);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(json, nullptr);  // no output on failure
  EXPECT_EQ(bantin_status_code(s), BANTIN_NOT_FOUND);
  EXPECT_STREQ(bantin_status_reason(s), "BULLETIN_NOT_FOUND");
  bantin_status_free(s);
}

TEST_F(CApiIndexTest, SearchFiltersByProvinceAndDatesAndPages) {
  for (const char* seed : {"000_68b24e184ace2b88.txt", "001_d43689925f22576c.txt", "002_d533bb35c0280cfc.txt",
                           "003_4243e8b00d04b6f6.txt", "004_fffa89e5df594c8e.txt"}) {
    AddSeed(seed);
  }
  EXPECT_NE(Search("", nullptr).find("\"totalSize\":\"5\""), std::string::npos);
  bantin_search_options by_province{};
  by_province.province = "Quảng Trị";
  const std::string quang_tri = Search("", &by_province);
  EXPECT_NE(quang_tri.find("\"totalSize\":\"1\""), std::string::npos) << quang_tri;
  bantin_search_options by_date{};
  by_date.from = "2021-01-01";
  by_date.to = "2022-12-31";
  by_date.page_size = 2;
  const std::string page_one = Search("", &by_date);  // 2021-01-15, 2021-07-16, 2022-08-01
  EXPECT_NE(page_one.find("\"totalSize\":\"3\""), std::string::npos) << page_one;
  const size_t token_at = page_one.find("\"nextPageToken\":\"");
  ASSERT_NE(token_at, std::string::npos) << page_one;
  const size_t begin = token_at + 17;
  const std::string token = page_one.substr(begin, page_one.find('"', begin) - begin);
  by_date.page_token = token.c_str();
  const std::string page_two = Search("", &by_date);
  EXPECT_EQ(page_two.find("\"nextPageToken\""), std::string::npos) << page_two;
  EXPECT_NE(page_two.find("\"results\":[{"), std::string::npos) << page_two;
}

TEST_F(CApiIndexTest, AMalformedQueryOrDateIsAnInvalidArgument) {
  AddSeed(kSeed);
  char* json = nullptr;
  bantin_status* s = bantin_index_search(index_, "\"unclosed", nullptr, &json);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(bantin_status_code(s), BANTIN_INVALID_ARGUMENT);
  EXPECT_NE(std::string(bantin_status_message(s)).find("offset 0"), std::string::npos) << bantin_status_message(s);
  bantin_status_free(s);
  bantin_search_options bad{};
  bad.to = "2021-02-30";
  s = bantin_index_search(index_, "", &bad, &json);
  ASSERT_NE(s, nullptr);
  EXPECT_STREQ(bantin_status_field(s), "to");
  bantin_status_free(s);
  EXPECT_EQ(json, nullptr);
}

TEST_F(CApiIndexTest, ABundleAddsItsGoodLinesAndReportsTheBadOne) {
  const std::string page = Seed(kSeed);
  char* line = nullptr;
  ASSERT_EQ(bantin_parse(page.data(), page.size(), nullptr, &line, nullptr), nullptr);
  const std::string bundle = "{\"bantinBundle\":1}\n{\"bulletin\":" + Take(line) + ",\"text\":\"\"}\nnot json\n";
  char* report = nullptr;
  ASSERT_EQ(bantin_index_add_bundle(index_, bundle.data(), bundle.size(), &report), nullptr);
  const std::string r = Take(report);
  EXPECT_NE(r.find("\"added\":1"), std::string::npos) << r;
  EXPECT_NE(r.find("\"line\":3"), std::string::npos) << r;
  EXPECT_EQ(bantin_index_size(index_), 1u);

  const std::string bad_header = "{\"something\":1}\n";
  bantin_status* s = bantin_index_add_bundle(index_, bad_header.data(), bad_header.size(), &report);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(bantin_status_code(s), BANTIN_INVALID_ARGUMENT);
  bantin_status_free(s);
}

TEST_F(CApiIndexTest, ThreadsShareOneIndex) {
  const std::string page = Seed(kSeed);
  AddSeed(kSeed);  // every search below has something to find, however threads are scheduled
  AddSeed("002_d533bb35c0280cfc.txt");
  std::vector<std::thread> threads;
  std::vector<int> found(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (t % 2 == 0) {
          // Re-adds the same page: idempotent, under the index's lock.
          bantin_status_free(bantin_index_add_page(index_, page.data(), page.size(), nullptr, nullptr, nullptr));
        } else {
          char* json = nullptr;
          bantin_status* s = bantin_index_search(index_, "Tỉnh ủy", nullptr, &json);
          if (!s && std::string(json).find("\"results\"") != std::string::npos) ++found[t];
          bantin_status_free(s);
          bantin_free(json);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(bantin_index_size(index_), 2u);
  for (int t = 1; t < 8; t += 2) EXPECT_EQ(found[t], 50) << t;
}

}  // namespace
