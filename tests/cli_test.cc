// The `bantin` client subcommands against a real server process: what a
// person or a script sees (output, exit codes), one RPC each.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

class CliTest : public testing::ServiceFixture {
 protected:
  void SetUp() override { StartServer(); }

  // Runs `bantin ARGS --server ADDRESS` with the write token file.
  // `credentials` says how the token is passed: "file" (--token-file),
  // "env" (BANTIN_TOKEN) or "" (not at all).
  CliRun Bantin(const std::string& args, const std::string& credentials = "file") {
    const std::string token = credentials == "file" ? " --token-file " + dir_.path() + "/write-token" : "";
    const std::string env = credentials == "env" ? std::string("BANTIN_TOKEN=") + testing::kWriteToken + " " : "";
    const std::string command =
        env + BANTIN_BIN + " " + args + " --server " + server_->grpc_address() + token + " 2>&1";
    CliRun r;
    FILE* p = popen(command.c_str(), "r");
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
  }
};

TEST_F(CliTest, IngestStreamsAndSummarises) {
  const std::string missing = dir_.path() + "/missing.txt";
  CliRun r = Bantin("ingest " + testing::SourceDir() + "/seeds " + missing);
  EXPECT_EQ(r.exit_code, 1);  // one input could not be read
  EXPECT_NE(r.out.find("5 stored, 0 already there, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed: " + missing), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6/6  100%"), std::string::npos) << r.out;  // the progress line's end
  r = Bantin("ingest --json --no-progress " + testing::SourceDir() + "/seeds");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"received\":\"5\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"unchanged\":\"5\""), std::string::npos) << r.out;
}

TEST_F(CliTest, ReadCommandsAndExport) {
  ASSERT_EQ(Bantin("ingest --no-progress " + testing::SourceDir() + "/seeds").exit_code, 0);
  CliRun listed = Bantin("list --json --from 2024-01-01");
  ASSERT_EQ(listed.exit_code, 0) << listed.out;
  const size_t at = listed.out.find("\"id\":\"");
  ASSERT_NE(at, std::string::npos);
  const std::string id = listed.out.substr(at + 6, 16);

  CliRun got = Bantin("get --json " + id);
  EXPECT_EQ(got.exit_code, 0);
  EXPECT_NE(got.out.find("\"date\":\"2024-02-27\""), std::string::npos) << got.out;
  CliRun two = Bantin("get " + id + " " + id);  // BatchGetBulletins
  EXPECT_EQ(two.exit_code, 0);
  EXPECT_NE(two.out.find("id: " + id), two.out.rfind("id: " + id));

  CliRun found = Bantin("search --filter 'date >= 2024' 'tỉnh'");
  EXPECT_EQ(found.exit_code, 0) << found.out;
  EXPECT_NE(found.out.find("1 match(es)"), std::string::npos) << found.out;
  CliRun bad = Bantin("search --filter 'year = 1' 'tỉnh'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("INVALID_ARGUMENT: filter: unknown field"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("[INVALID_FILTER]"), std::string::npos) << bad.out;

  CliRun sources = Bantin("sources --json");
  EXPECT_NE(sources.out.find("\"bulletinCount\""), std::string::npos) << sources.out;

  const std::string bundle = dir_.path() + "/bundle.ndjson";
  CliRun exported = Bantin("export --from 2022-01-01 --out " + bundle);
  EXPECT_EQ(exported.exit_code, 0) << exported.out;
  EXPECT_NE(exported.out.find("exported 2 bulletin(s)"), std::string::npos) << exported.out;
  const std::string body = testing::ReadFile(bundle);
  EXPECT_EQ(body.rfind("{\"bantinBundle\":1", 0), 0u);
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 3);

  CliRun parsed = Bantin("parse --json " + testing::SeedPaths()[4]);  // ParseBulletin on the server
  EXPECT_NE(parsed.out.find("\"date\":\"2021-07-16\""), std::string::npos) << parsed.out;

  CliRun anonymous = Bantin("delete " + id, "");
  EXPECT_EQ(anonymous.exit_code, 1);
  EXPECT_NE(anonymous.out.find("UNAUTHENTICATED"), std::string::npos) << anonymous.out;
  EXPECT_EQ(Bantin("delete " + id, "env").exit_code, 0);
  CliRun gone = Bantin("get " + id);
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.out.find("NOT_FOUND"), std::string::npos);
  EXPECT_NE(gone.out.find("[BULLETIN_NOT_FOUND]"), std::string::npos);
}

}  // namespace
}  // namespace bantin
