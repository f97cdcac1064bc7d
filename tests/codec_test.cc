#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include "bantin/index/doc_meta.h"
#include "bantin/index/doc_table.h"
#include "bantin/json/json.h"
#include "bantin/parse/parser.h"
#include "bantin/storage/bulletin_codec.h"
#include "storage/doc_table.h"
#include "tests/test_util.h"

namespace bantin {
namespace {

// Core's JSON is the proto3 JSON of bantin.v1.Bulletin: protobuf's own parser
// accepts it (unknown names would fail) and the mapping round-trips.
TEST(Codec, CoreJsonIsTheProtoJsonOfTheSchema) {
  std::vector<std::string> paths = testing::SeedPaths();
  paths.push_back(testing::SourceDir() + "/tests/pages/012.txt");  // has places
  for (const std::string& path : paths) {
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

// Document-table entries of former versions still read: version 2 (before
// places), version 3 (before copy ids); version 4 keeps both.
TEST(Codec, DocMetaOfFormerVersionsStillReads) {
  const Bulletin b = ParseText(testing::ReadFile(testing::SourceDir() + "/tests/pages/012.txt"));
  DocMeta meta = MetaOf(b, FieldLengths{3, 20, 200});
  ASSERT_FALSE(meta.place_keys.empty());
  ASSERT_FALSE(meta.copy_id.empty());
  DocMeta back;
  ASSERT_TRUE(DecodeDocMeta(EncodeDocMeta(meta), &back));
  EXPECT_EQ(*back.origin, *meta.origin);
  EXPECT_FALSE(back.origin->source_keys.empty());
  EXPECT_EQ(back.place_keys, meta.place_keys);
  EXPECT_EQ(back.copy_id, meta.copy_id);
  // Version 3: nothing after the places.
  meta.copy_id.clear();
  std::string v3 = EncodeDocMeta(meta);
  ASSERT_EQ(v3.front(), 4);
  ASSERT_EQ(v3.back(), 0);  // an empty copy id
  v3.front() = 3;
  v3.pop_back();
  DocMeta former;
  former.copy_id = "stale";
  ASSERT_TRUE(DecodeDocMeta(v3, &former));
  EXPECT_TRUE(former.copy_id.empty());
  EXPECT_EQ(former.place_keys, meta.place_keys);
  // Version 2: nothing after the month index.
  meta.place_keys.clear();
  std::string v2 = EncodeDocMeta(meta);
  v2.front() = 2;
  v2.resize(v2.size() - 2);  // the empty places and copy id
  DocMeta old;
  old.place_keys = {"stale"};
  ASSERT_TRUE(DecodeDocMeta(v2, &old));
  EXPECT_TRUE(old.place_keys.empty());
  EXPECT_EQ(old.id, meta.id);
  EXPECT_EQ(old.month_index, meta.month_index);
}

// A table keeps one origin per distinct source: every meta of a source
// points to the same one, whether it was made by MetaOf or decoded.
TEST(Codec, DocTableKeepsOneOriginPerSource) {
  const Bulletin b = ParseText(testing::ReadFile(testing::SourceDir() + "/tests/pages/012.txt"));
  Bulletin other = b;
  other.source.name += " khác";
  DocTable table;
  table.Extend(3);
  table.Set(0, MetaOf(b, FieldLengths{1, 1, 1}));
  DocMeta decoded;
  ASSERT_TRUE(DecodeDocMeta(EncodeDocMeta(MetaOf(b, FieldLengths{1, 1, 1})), &decoded));
  table.Set(1, std::move(decoded));
  table.Set(2, MetaOf(other, FieldLengths{1, 1, 1}));
  EXPECT_EQ(table.Meta(0)->origin.get(), table.Meta(1)->origin.get());
  EXPECT_NE(table.Meta(0)->origin.get(), table.Meta(2)->origin.get());
  EXPECT_EQ(table.Meta(2)->source().name, other.source.name);
  EXPECT_EQ(table.Meta(0)->source().id, b.source.id);
}

}  // namespace
}  // namespace bantin
