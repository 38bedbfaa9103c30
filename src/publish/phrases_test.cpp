#include "publish/phrases.h"

#include <gtest/gtest.h>

#include <set>

namespace privascore::publish {
namespace {

TEST(Phrases, EveryKeyHasBothLanguagesAndTheSameArguments) {
  std::set<std::string> seen;
  for (const auto& key : phrase_keys()) {
    EXPECT_TRUE(seen.insert(key).second) << "duplicate key " << key;
    const std::string& de = phrase(Lang::de, key);
    const std::string& en = phrase(Lang::en, key);
    EXPECT_FALSE(de.empty()) << key;
    EXPECT_FALSE(en.empty()) << key;
    auto count = [](const std::string& s) {
      std::size_t n = 0;
      for (std::size_t at = s.find("{}"); at != std::string::npos; at = s.find("{}", at + 2)) ++n;
      return n;
    };
    EXPECT_EQ(count(de), count(en)) << key;
  }
  EXPECT_EQ(phrase(Lang::en, "no-such-key"), "no-such-key");
}

TEST(Phrases, DatesAndFormatting) {
  EXPECT_EQ(long_date(Date{2024, 3, 1}, Lang::de), "1. März 2024");
  EXPECT_EQ(long_date(Date{2024, 10, 29}, Lang::en), "29 October 2024");
  EXPECT_EQ(format("{} of {}", {"1", "2"}), "1 of 2");
  EXPECT_EQ(format("{} and {}", {"only"}), "only and {}");
}

}  // namespace
}  // namespace privascore::publish
