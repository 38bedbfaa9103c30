#include "web/site_config.h"

#include <gtest/gtest.h>

namespace privascore::web {
namespace {

TEST(SiteConfigTest, ReadsTheSiteTablesAndLeavesOthersAlone) {
  DiagnosticSink sink;
  auto config = parse_site_config(R"(
[server]
listen = "127.0.0.1:8080"

[site]
base_url = "https://privascore.example.org/"

[operator]
name = "Beispiel e. V."
address = "Musterstraße 1\n12345 Musterstadt"
email = "kontakt@example.org"

[imprint]
de = "Vertreten durch den Vorstand."
en = "Represented by the board."

[privacy]
de = """
Erster Absatz.

Zweiter Absatz."""
en = "One paragraph."
)",
                                  "privascore.toml", sink);
  ASSERT_TRUE(config.has_value());
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(config->base_url, "https://privascore.example.org");
  EXPECT_EQ(config->operator_name, "Beispiel e. V.");
  EXPECT_EQ(config->address, "Musterstraße 1\n12345 Musterstadt");
  EXPECT_TRUE(config->configured());
  EXPECT_EQ(config->imprint.en, "Represented by the board.");
  EXPECT_EQ(config->privacy.de, "Erster Absatz.\n\nZweiter Absatz.");
}

TEST(SiteConfigTest, EmptyFileMeansNotConfigured) {
  DiagnosticSink sink;
  auto config = parse_site_config("# nothing yet\n", "privascore.toml", sink);
  ASSERT_TRUE(config.has_value());
  EXPECT_FALSE(config->configured());
  EXPECT_TRUE(config->base_url.empty());
}

TEST(SiteConfigTest, MistakesAreLocatedWithAFix) {
  DiagnosticSink sink;
  auto config = parse_site_config(R"([operator]
name = "X"
email = "not an address"
phone = "123"

[site]
base_url = "ftp://example.org"
)",
                                  "privascore.toml", sink);
  EXPECT_FALSE(config.has_value());
  ASSERT_GE(sink.error_count(), 3);
  std::string all;
  for (const auto& d : sink.items()) all += d.to_string() + "\n";
  EXPECT_NE(all.find("privascore.toml:3:"), std::string::npos) << all;
  EXPECT_NE(all.find("is not an e-mail address"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown key `phone`"), std::string::npos) << all;
  EXPECT_NE(all.find("privascore.toml:7:"), std::string::npos) << all;
}

TEST(SiteConfigTest, MissingFileGivesDefaults) {
  DiagnosticSink sink;
  auto config = load_site_config("/nonexistent/privascore.toml", sink);
  ASSERT_TRUE(config.has_value());
  EXPECT_FALSE(config->configured());
}

}  // namespace
}  // namespace privascore::web
