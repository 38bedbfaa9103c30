// The one text catalogue seen from below the site: the built-in catalogue
// parses, and every key the command line, publish/, the method's output
// and the probe page ask for exists (web/i18n_test.cpp checks that both
// languages have the same keys, no empty message and the same placeholders).
#include "render/messages.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace privascore {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(Messages, TheBuiltInCatalogueIsTheSitesCatalogue) {
  const Messages& m = Messages::builtin();
  const auto de = m.keys(Lang::de);
  EXPECT_EQ(de, m.keys(Lang::en));
  EXPECT_GT(de.size(), 600u);
  EXPECT_EQ(m.get(Lang::de, "cli_rank"), "Rang");
  EXPECT_EQ(m.get(Lang::en, "publish_edition_of"), "Edition of {date}");
  EXPECT_EQ(tr(Lang::de, "publish_page_of", {{"page", "2"}, {"pages", "3"}}), "Seite 2 von 3");
  EXPECT_EQ(tr(Lang::en, "no_such_key"), "no_such_key");
}

TEST(Messages, EveryKeyTheCodeAsksForExists) {
  const Messages& m = Messages::builtin();
  const auto keys = m.keys(Lang::de);
  const std::set<std::string> known(keys.begin(), keys.end());
  const std::regex lookup("\\btr\\(lang, \"([a-z0-9_]+)\"[,)]");
  const std::regex probe("\\bw\\(\"([a-z0-9_]+)\"\\)");
  std::size_t asked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(PRIVASCORE_SOURCE_DIR "/src")) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".cpp" || path.ends_with("_test.cpp")) continue;
    const std::string code = read(entry.path());
    for (auto it = std::sregex_iterator(code.begin(), code.end(), lookup); it != std::sregex_iterator(); ++it, ++asked)
      EXPECT_TRUE(known.count((*it)[1].str())) << path << ": " << (*it)[1].str();
    if (!path.ends_with("probe_page.cpp")) continue;
    for (auto it = std::sregex_iterator(code.begin(), code.end(), probe); it != std::sregex_iterator(); ++it, ++asked)
      EXPECT_TRUE(known.count("probe_" + (*it)[1].str())) << path << ": probe_" << (*it)[1].str();
  }
  EXPECT_GT(asked, 150u);
  // Keys made at run time: the rating statuses, the weights' provenance, the months.
  for (const char* key : {"cli_sourced", "cli_unverified", "cli_weights_published", "cli_weights_derived",
                          "cli_weights_reconstructed", "probe_rate_limited", "probe_failed", "date_long"})
    EXPECT_TRUE(known.count(key)) << key;
  for (int month = 1; month <= 12; ++month) EXPECT_TRUE(known.count("month_" + std::to_string(month))) << month;
}

TEST(Messages, FormatFillsNamedPlaceholders) {
  auto m =
      Messages::parse(R"({"a": "{x} von {y}", "b": "{unknown} bleibt {x}{x}"})", R"({"a": "{x} of {y}", "b": "x"})");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->format(Lang::de, "a", {{"x", "1"}, {"y", "{y}"}}), "1 von {y}");
  EXPECT_EQ(m->format(Lang::en, "a", {{"y", "2"}, {"x", "1"}}), "1 of 2");
  EXPECT_EQ(m->format(Lang::de, "b", {{"x", "1"}}), "{unknown} bleibt 11");
  EXPECT_EQ(m->get(Lang::en, "missing"), "missing");
  EXPECT_NE(Messages::parse("{}", "[]").error().find("web/i18n/en.json"), std::string::npos);
}

}  // namespace
}  // namespace privascore
