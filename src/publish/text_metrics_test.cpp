#include "publish/text_metrics.h"

#include <gtest/gtest.h>

namespace privascore::publish {
namespace {

TEST(TextWidth, UsesTheDejaVuAdvanceWidths) {
  EXPECT_DOUBLE_EQ(text_width("A", 10), 6.84);
  EXPECT_DOUBLE_EQ(text_width("A", 10, Weight::bold), 7.74);
  EXPECT_DOUBLE_EQ(text_width("", 10), 0);
  EXPECT_DOUBLE_EQ(text_width("ü", 10), text_width("u", 10));  // same advance in DejaVu Sans
  EXPECT_GT(text_width("●", 10), 8);
}

TEST(TextWidth, UnknownAndBrokenTextCountsAsFallbackWidth) {
  EXPECT_DOUBLE_EQ(text_width("\xE4\xB8\xAD", 10), 6);  // a CJK character: 0.6 em
  EXPECT_DOUBLE_EQ(text_width("\xC3", 10), 6);          // truncated UTF-8: one replacement
}

TEST(WrapText, BreaksAtSpacesAndAfterHyphens) {
  const auto lines = wrap_text("Videokonferenz-Dienste sind gut", text_width("Videokonferenz-", 20) + 1, 20);
  EXPECT_EQ(lines, (std::vector<std::string>{"Videokonferenz-", "Dienste sind gut"}));
  EXPECT_EQ(wrap_text("Videokonferenz-Dienste", 1000, 20), std::vector<std::string>{"Videokonferenz-Dienste"});
  EXPECT_TRUE(wrap_text("   ", 100, 10).empty());
  EXPECT_EQ(wrap_text("a b", 1000, 10), std::vector<std::string>{"a b"});
}

TEST(WrapText, KeepsAnOverlongWordWhole) {
  const auto lines = wrap_text("x Donaudampfschifffahrt y", 20, 10);
  EXPECT_EQ(lines, (std::vector<std::string>{"x", "Donaudampfschifffahrt", "y"}));
}

TEST(FitText, ShortensWithAnEllipsis) {
  EXPECT_EQ(fit_text("short", 100, 10), "short");
  const std::string fitted = fit_text("Consularia Office Enterprise", 80, 10);
  EXPECT_LE(text_width(fitted, 10), 80);
  EXPECT_EQ(fitted.substr(fitted.size() - 3), "…");
  EXPECT_EQ(fit_text("Müller", text_width("M…", 10), 10), "M…");  // never cuts inside "ü"
}

}  // namespace
}  // namespace privascore::publish
