#include "config/config.h"

#include <gtest/gtest.h>

namespace privascore::config {
namespace {

std::string all_diagnostics(const DiagnosticSink& sink) {
  std::string all;
  for (const auto& d : sink.items()) all += d.to_string() + "\n";
  return all;
}

TEST(ConfigTest, ReadsEveryTableOnce) {
  DiagnosticSink sink;
  auto config = parse_config(R"(
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

[editor]
secure_cookies = true
trusted_proxies = ["127.0.0.1"]
open_data_dir = "/srv/open-data"
idle_timeout_minutes = 10
absolute_timeout_hours = 2
reports_per_hour = 7
)",
                             "privascore.toml", sink);
  ASSERT_TRUE(config.has_value()) << all_diagnostics(sink);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(config->site.base_url, "https://privascore.example.org");
  EXPECT_EQ(config->site.operator_name, "Beispiel e. V.");
  EXPECT_EQ(config->site.address, "Musterstraße 1\n12345 Musterstadt");
  EXPECT_TRUE(config->site.configured());
  EXPECT_EQ(config->site.imprint.en, "Represented by the board.");
  EXPECT_EQ(config->site.privacy.de, "Erster Absatz.\n\nZweiter Absatz.");
  EXPECT_TRUE(config->editor.secure_cookies);
  EXPECT_EQ(config->editor.trusted_proxies, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(config->editor.open_data_dir, "/srv/open-data");
  EXPECT_EQ(config->editor.idle_timeout, 10 * 60);
  EXPECT_EQ(config->editor.absolute_timeout, 2 * 3600);
  EXPECT_EQ(config->editor.reports_per_client, 7);
}

TEST(ConfigTest, EmptyFileMeansDefaults) {
  DiagnosticSink sink;
  auto config = parse_config("# nothing yet\n", "privascore.toml", sink);
  ASSERT_TRUE(config.has_value());
  EXPECT_FALSE(config->site.configured());
  EXPECT_TRUE(config->site.base_url.empty());
  const EditorConfig defaults;
  EXPECT_EQ(config->editor.open_data_dir, defaults.open_data_dir);
  EXPECT_EQ(config->editor.idle_timeout, defaults.idle_timeout);
  EXPECT_FALSE(config->editor.secure_cookies);
}

TEST(ConfigTest, MistakesAreLocatedWithAFix) {
  DiagnosticSink sink;
  auto config = parse_config(R"([operator]
name = "X"
email = "not an address"
phone = "123"

[site]
base_url = "ftp://example.org"

[editor]
idle_timeout_minutes = 0
)",
                             "privascore.toml", sink);
  EXPECT_FALSE(config.has_value());
  ASSERT_GE(sink.error_count(), 4);
  const std::string all = all_diagnostics(sink);
  EXPECT_NE(all.find("privascore.toml:3:"), std::string::npos) << all;
  EXPECT_NE(all.find("is not an e-mail address"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown key `phone`"), std::string::npos) << all;
  EXPECT_NE(all.find("privascore.toml:7:"), std::string::npos) << all;
  EXPECT_NE(all.find("it must start with https:// or http://"), std::string::npos) << all;
  EXPECT_NE(all.find("privascore.toml:10:"), std::string::npos) << all;
  EXPECT_NE(all.find("`idle_timeout_minutes` must be between 1 and 1440"), std::string::npos) << all;
}

// Before one configuration value, a misspelt table or key outside the
// tables was silently ignored: the operator's setting never took effect.
TEST(ConfigTest, UnknownTablesAndKeysAreRefusedWithTheClosestName) {
  const struct {
    const char* text;
    const char* where;
    const char* message;
    const char* hint;
  } cases[] = {
      {"[sites]\nbase_url = \"https://example.org\"\n", "privascore.toml:1:2:", "unknown key `sites`",
       "did you mean `site`?"},
      {"[site]\nbase_ulr = \"https://example.org\"\n", "privascore.toml:2:1:", "unknown key `base_ulr`",
       "did you mean `base_url`?"},
      {"[editorr]\nsecure_cookies = true\n", "privascore.toml:1:2:", "unknown key `editorr`", "did you mean `editor`?"},
      {"[editor]\nsecure_cookie = true\n", "privascore.toml:2:1:", "unknown key `secure_cookie`",
       "did you mean `secure_cookies`?"},
      {"[server]\nlisten = \"127.0.0.1:8080\"\n", "privascore.toml:1:2:", "unknown key `server`",
       "valid keys here: site, operator, imprint, privacy, editor"},
  };
  for (const auto& c : cases) {
    DiagnosticSink sink;
    auto config = parse_config(c.text, "privascore.toml", sink);
    EXPECT_FALSE(config.has_value()) << c.text;
    const std::string all = all_diagnostics(sink);
    EXPECT_EQ(sink.error_count(), 1) << all;
    EXPECT_NE(all.find(c.where), std::string::npos) << all;
    EXPECT_NE(all.find(c.message), std::string::npos) << all;
    EXPECT_NE(all.find(c.hint), std::string::npos) << all;
  }
}

TEST(ConfigTest, BaseUrlIsNormalisedByOneFunction) {
  const struct {
    const char* in;
    const char* out;  // nullptr: refused
  } cases[] = {
      {"", ""},
      {"https://example.org", "https://example.org"},
      {"https://example.org/", "https://example.org"},
      {"https://example.org/privascore//", "https://example.org/privascore"},
      {"http://127.0.0.1:8080/", "http://127.0.0.1:8080"},
      {"https://", nullptr},
      {"https:///privascore", nullptr},
      {"ftp://example.org", nullptr},
      {"example.org", nullptr},
      {"https://example.org/?x=1", nullptr},
      {"https://example.org/#top", nullptr},
      {"https://example.org/a b", nullptr},
  };
  for (const auto& c : cases) {
    auto url = normalise_base_url(c.in);
    if (c.out) {
      ASSERT_TRUE(url.has_value()) << c.in << ": " << url.error().message;
      EXPECT_EQ(*url, c.out) << c.in;
    } else {
      ASSERT_FALSE(url.has_value()) << c.in << " -> " << *url;
      EXPECT_FALSE(url.error().message.empty());
    }
  }
  // The file goes through the same function.
  DiagnosticSink sink;
  EXPECT_FALSE(parse_config("[site]\nbase_url = \"https:///privascore\"\n", "privascore.toml", sink).has_value());
  EXPECT_NE(all_diagnostics(sink).find("privascore.toml:2:"), std::string::npos) << all_diagnostics(sink);
  EXPECT_NE(all_diagnostics(sink).find("it must name a host"), std::string::npos) << all_diagnostics(sink);
}

TEST(ConfigTest, MissingFileGivesDefaults) {
  DiagnosticSink sink;
  auto config = load_config("/nonexistent/privascore.toml", sink);
  ASSERT_TRUE(config.has_value());
  EXPECT_FALSE(config->site.configured());
  EXPECT_FALSE(sink.has_errors());
}

}  // namespace
}  // namespace privascore::config
