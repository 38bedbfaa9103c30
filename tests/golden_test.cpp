// Golden files: the exact output of the core subcommands on the bundled
// data, in tests/golden/. run_privascore sets LANG=C and NO_COLOR=1, so the
// default language is English and there are no colours unless a case asks
// for them with --color always.
//
// PRIVASCORE_UPDATE_GOLDEN=1 rewrites the files from the current binary;
// read the diff before committing it (tests/README.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  std::string file;  // in tests/golden/
  std::vector<std::string> args;
};

const std::vector<GoldenCase>& golden_cases() {
  static const std::vector<GoldenCase> cases = {
      {"score-table.en.txt", {"score", "-c", "video-conferencing"}},
      {"score-table.de.txt", {"score", "-c", "video-conferencing", "--lang", "de"}},
      {"score-table-colour.en.txt", {"score", "-c", "video-conferencing", "--color", "always"}},
      {"score-table-august.en.txt", {"score", "-c", "video-conferencing", "-e", "2024-08-29"}},
      {"score-table-messengers.en.txt", {"score", "-c", "messengers"}},
      {"score-table-messengers-v1.de.txt", {"score", "-c", "messengers", "-m", "1", "--lang", "de"}},
      {"score.en.json", {"score", "-c", "video-conferencing", "-f", "json"}},
      {"score.de.json", {"score", "-c", "video-conferencing", "-f", "json", "--lang", "de"}},
      {"score.en.csv", {"score", "-c", "video-conferencing", "-f", "csv"}},
      {"score.de.csv", {"score", "-c", "video-conferencing", "-f", "csv", "--lang", "de"}},
      {"score.en.md", {"score", "-c", "video-conferencing", "-f", "md"}},
      {"score.de.md", {"score", "-c", "video-conferencing", "-f", "md", "--lang", "de"}},
      {"explain-jitsi-meet.en.txt", {"explain", "jitsi-meet"}},
      {"explain-jitsi-meet.de.txt", {"explain", "jitsi-meet", "--lang", "de"}},
      {"explain-jitsi-meet.en.json", {"explain", "jitsi-meet", "-f", "json"}},
      {"explain-discord.en.txt", {"explain", "discord", "-c", "messengers"}},
      {"diff-video-conferencing.en.txt", {"diff", "-c", "video-conferencing"}},
      {"diff-video-conferencing.de.txt", {"diff", "-c", "video-conferencing", "--lang", "de"}},
      {"diff-video-conferencing.en.json", {"diff", "-c", "video-conferencing", "-f", "json"}},
      {"diff-messengers.en.txt", {"diff", "-c", "messengers", "2023-12-10", "2024-10-07"}},
      {"check.txt", {"check"}},
      {"help-check.txt", {"check", "--help"}},
      {"help-score.txt", {"score", "--help"}},
      {"help-explain.txt", {"explain", "--help"}},
      {"help-diff.txt", {"diff", "--help"}},
  };
  return cases;
}

std::string golden_dir() {
  return source_path("tests/golden");
}

bool update_requested() {
  const char* env = std::getenv("PRIVASCORE_UPDATE_GOLDEN");
  return env && std::string(env) == "1";
}

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, OutputMatchesTheFile) {
  const GoldenCase& c = GetParam();
  const RunResult r = run_privascore(c.args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string path = golden_dir() + "/" + c.file;
  if (update_requested()) {
    fs::create_directories(golden_dir());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << r.out;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with PRIVASCORE_UPDATE_GOLDEN=1";
  EXPECT_EQ(r.out, read_text(path)) << "output of privascore differs from tests/golden/" << c.file
                                    << "; if the change is intended, run with PRIVASCORE_UPDATE_GOLDEN=1 and review "
                                       "the diff";
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, testing::ValuesIn(golden_cases()),
                         [](const testing::TestParamInfo<GoldenCase>& param) {
                           std::string id = param.param.file;
                           std::replace_if(
                               id.begin(), id.end(),
                               [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
                           return id;
                         });

TEST(GoldenFiles, EveryFileBelongsToACase) {
  for (const auto& entry : fs::directory_iterator(golden_dir())) {
    if (!entry.is_regular_file()) continue;  // sub-folders belong to other tests (golden/publish/)
    const std::string name = entry.path().filename().string();
    const auto& cases = golden_cases();
    const bool used = std::any_of(cases.begin(), cases.end(), [&](const GoldenCase& c) { return c.file == name; });
    EXPECT_TRUE(used) << "tests/golden/" << name << " is not produced by any case; delete it";
  }
}

TEST(GoldenFiles, PlainOutputHasNoColourAndNoTrailingSpaces) {
  for (const auto& c : golden_cases()) {
    if (std::find(c.args.begin(), c.args.end(), "always") != c.args.end()) continue;
    const std::string text = read_text(golden_dir() + "/" + c.file);
    EXPECT_EQ(text.find('\x1b'), std::string::npos) << c.file;
    EXPECT_EQ(text.find(" \n"), std::string::npos) << c.file << " has a line ending in a space";
  }
}

}  // namespace
}  // namespace privascore::test
