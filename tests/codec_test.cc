#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/bulletin_codec.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

// Core's JSON is the proto3 JSON of bantin.v1.Bulletin: protobuf's own parser
// accepts it (unknown names would fail) and the mapping round-trips.
TEST(Codec, CoreJsonIsTheProtoJsonOfTheSchema) {
  for (const std::string& path : testing::SeedPaths()) {
    const Bulletin b = ParseText(testing::ReadFile(path));
    const std::string json = BulletinToJson(b);
    v1::Bulletin from_json;
    const auto status = google::protobuf::util::JsonStringToMessage(json, &from_json);
    ASSERT_TRUE(status.ok()) << path << ": " << status.ToString();
    v1::Bulletin from_core;
    ToProto(b, &from_core);
    EXPECT_EQ(from_json.SerializeAsString(), from_core.SerializeAsString()) << path;
    EXPECT_EQ(BulletinToJson(FromProto(from_core)), json) << path;
  }
}

}  // namespace
}  // namespace bantin
