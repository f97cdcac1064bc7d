// Export streams whose readers stop: no thread each, capped in number, and
// cancelled when idle. A real `bantin serve` on 127.0.0.1; bounded loops.
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/service_fixture.h"

namespace bantin {
namespace {

using testing::DetailsOf;
using testing::ReadFile;
using testing::SeedPaths;
using testing::VariantOf;

class StreamsTest : public testing::ServiceFixture {
 protected:
  // A channel whose reader buffers little (no window growth): a stream it
  // stops reading stalls on the server after a few items, however fast the
  // machine.
  void UseSmallWindows() {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
    args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, 16 << 10);
    channel_ = grpc::CreateCustomChannel(server_->grpc_address(), grpc::InsecureChannelCredentials(), args);
    stub_ = v1::BulletinService::NewStub(channel_);
  }

  // Enough bulletins that an export outgrows what gRPC buffers for a
  // reader that does not read (its flow-control windows).
  void Fill(int pages) {
    std::unique_ptr<grpc::ClientContext> ctx = Ctx();
    v1::IngestBulletinsResponse summary;
    auto stream = stub_->IngestBulletins(ctx.get(), &summary);
    const std::vector<std::string> seeds = SeedPaths();
    for (int i = 0; i < pages; ++i) {
      v1::IngestBulletinsRequest item;
      std::string page = ReadFile(seeds[i % seeds.size()]);
      for (int k = 0; k < 4; ++k) page = VariantOf(page, i * 10 + k);
      item.set_raw(page);
      ASSERT_TRUE(stream->Write(item));
    }
    stream->WritesDone();
    ASSERT_TRUE(stream->Finish().ok());
    ASSERT_EQ(summary.created(), pages);
  }

  struct Stalled {
    std::unique_ptr<grpc::ClientContext> ctx;
    std::unique_ptr<grpc::ClientReader<v1::ExportBulletinsResponse>> reader;
  };
  // An export whose reader takes one item and then stops reading. A stream
  // that just ended (the fill) may hold its place a moment longer on the
  // server, so a refusal is retried a few times.
  Stalled OpenStalled() {
    for (int attempt = 0;; ++attempt) {
      Stalled s{Ctx(), nullptr};
      s.reader = stub_->ExportBulletins(s.ctx.get(), v1::ExportBulletinsRequest());
      v1::ExportBulletinsResponse first;
      if (s.reader->Read(&first)) return s;
      const grpc::Status refused = s.reader->Finish();
      if (attempt == 20 || refused.error_code() != grpc::StatusCode::RESOURCE_EXHAUSTED) {
        ADD_FAILURE() << "export refused: " << refused.error_message();
        return s;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
};

TEST_F(StreamsTest, StalledReadersHoldNoThreadAndIdleOnesAreCancelled) {
  StartServer({"--stream-idle-seconds", "2", "--max-streams-per-client", "64", "--quiet"});
  Fill(300);
  UseSmallWindows();
  const int threads_before = server_->Threads();
  std::vector<Stalled> stalled;
  for (int i = 0; i < 30; ++i) stalled.push_back(OpenStalled());
  // A thread per stream would be 30 more.
  EXPECT_LT(server_->Threads() - threads_before, 10) << threads_before;
  v1::ListBulletinsRequest list;
  v1::ListBulletinsResponse listed;
  EXPECT_TRUE(stub_->ListBulletins(Ctx().get(), list, &listed).ok());
  // Past the idle time every stalled stream is ended by the server.
  std::this_thread::sleep_for(std::chrono::seconds(4));
  for (Stalled& s : stalled) {
    v1::ExportBulletinsResponse item;
    int read = 0;
    while (s.reader->Read(&item) && read < 100000) ++read;
    EXPECT_EQ(s.reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }
  // A reader that keeps reading gets the whole export.
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  auto whole = stub_->ExportBulletins(ctx.get(), v1::ExportBulletinsRequest());
  v1::ExportBulletinsResponse item;
  int n = 0;
  while (whole->Read(&item)) ++n;
  EXPECT_TRUE(whole->Finish().ok());
  EXPECT_EQ(n, 300);
}

TEST_F(StreamsTest, OpenStreamsAreCappedPerClientAndInAll) {
  StartServer({"--max-streams-per-client", "2", "--max-open-streams", "64", "--quiet"});
  Fill(150);
  UseSmallWindows();
  std::vector<Stalled> open;
  open.push_back(OpenStalled());
  open.push_back(OpenStalled());
  std::unique_ptr<grpc::ClientContext> ctx = Ctx();
  auto third = stub_->ExportBulletins(ctx.get(), v1::ExportBulletinsRequest());
  v1::ExportBulletinsResponse item;
  const bool accepted = third->Read(&item);
  EXPECT_FALSE(accepted);
  if (accepted) ctx->TryCancel();  // a sync reader's Finish waits for what it has not read
  const grpc::Status refused = third->Finish();
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(DetailsOf(refused).metadata["limit"], "max_streams_per_client");
  // Once one ends, there is room again.
  open[0].ctx->TryCancel();
  open[0].reader->Finish();
  bool reopened = false;
  for (int attempt = 0; attempt < 50 && !reopened; ++attempt) {
    std::unique_ptr<grpc::ClientContext> again = Ctx();
    auto stream = stub_->ExportBulletins(again.get(), v1::ExportBulletinsRequest());
    reopened = stream->Read(&item);
    again->TryCancel();
    stream->Finish();
    if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(reopened);
  open[1].ctx->TryCancel();
  open[1].reader->Finish();
}

// With the default (growing) windows a small export fits in what the
// reader buffers, so the server has written it all and finished while the
// reader still sits on it: its place is freed all the same once idle.
TEST_F(StreamsTest, AFinishedStreamNobodyReadsFreesItsPlace) {
  StartServer({"--max-streams-per-client", "1", "--stream-idle-seconds", "1", "--quiet"});
  Fill(20);
  Stalled first = OpenStalled();
  bool reopened = false;
  v1::ExportBulletinsResponse item;
  for (int attempt = 0; attempt < 100 && !reopened; ++attempt) {
    std::unique_ptr<grpc::ClientContext> ctx = Ctx();
    auto stream = stub_->ExportBulletins(ctx.get(), v1::ExportBulletinsRequest());
    reopened = stream->Read(&item);
    if (reopened) ctx->TryCancel();
    stream->Finish();
    if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(reopened);
  first.ctx->TryCancel();
  first.reader->Finish();
}

}  // namespace
}  // namespace bantin
