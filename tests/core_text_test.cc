#include <gtest/gtest.h>

#include "bantin/text/text.h"
#include "bantin/utf8.h"

namespace bantin {
namespace {

TEST(Nfc, ComposesDecomposedVietnamese) {
  // "Tiếng Việt" written in NFD (base letters + combining marks).
  const std::string nfd = "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t";
  EXPECT_EQ(ToNfc(nfd), "Tiếng Việt");
  EXPECT_EQ(ToNfc("ascii only"), "ascii only");
}

TEST(ExactKey, OldAndNewTonePlacementAreEqual) {
  EXPECT_EQ(ExactKey("Tỉnh uỷ"), ExactKey("tỉnh ủy"));
  EXPECT_EQ(ExactKey("hoà"), ExactKey("hòa"));
  EXPECT_EQ(ExactKey("hoá"), ExactKey("hóa"));
  EXPECT_EQ(ExactKey("thoả"), ExactKey("thỏa"));
  // Closed syllables and modified vowels have one placement only.
  EXPECT_EQ(ExactKey("hoàng"), "hoàng");
  EXPECT_EQ(ExactKey("người"), "người");
  EXPECT_EQ(ExactKey("quý"), "quý");
  EXPECT_EQ(ExactKey("khuỷu"), ExactKey("khuyủ"));
  // Different tones stay different.
  EXPECT_NE(ExactKey("bảo"), ExactKey("báo"));
}

TEST(FoldedKey, DropsDiacriticsAndMapsDToD) {
  EXPECT_EQ(FoldedKey("Đảng bộ Đắk Lắk"), "dang bo dak lak");
  EXPECT_EQ(FoldedKey("bảo báo bão bạo"), "bao bao bao bao");
  EXPECT_EQ(FoldedKey("Tỉnh uỷ"), FoldedKey("tinh uy"));
}

TEST(CollapseSpaces, HandlesNbspAndZeroWidth) {
  EXPECT_EQ(CollapseSpaces("\xC2\xA0\xC2\xA0 a \t b\xE2\x80\x8B c  "), "a b c");
  EXPECT_EQ(CollapseSpaces("   "), "");
}

TEST(Tokenize, GivesSyllablesWithByteOffsets) {
  const std::string text = "Sóc Trăng, 2021!";
  const auto tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].folded, "soc");
  EXPECT_EQ(tokens[1].exact, "trăng");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "Trăng");
  EXPECT_EQ(tokens[2].folded, "2021");
}

TEST(SanitizeUtf8, ReplacesInvalidAndDropsControls) {
  SanitizeStats stats;
  const std::string out = SanitizeUtf8(std::string("a\xFF"
                                                   "b\0c\xE1\xBB",
                                                   7),
                                       &stats);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "bc\xEF\xBF\xBD");
  EXPECT_EQ(stats.invalid_sequences, 2u);
  EXPECT_EQ(stats.control_chars, 1u);
  EXPECT_EQ(SanitizeUtf8("Việt", nullptr), "Việt");
}

}  // namespace
}  // namespace bantin
