// Inputs that made fuzz/fuzz_loader fail, kept as regression cases. Each
// tests/fuzz-regressions/<name>.input is parsed as a methodology, an
// assessment and an edition; every parser must report exactly the
// diagnostics in <name>.expected (file name shown as "input.toml").
//
// PRIVASCORE_UPDATE_GOLDEN=1 rewrites the .expected files; review the diff.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "loader/loader.h"
#include "test_support.h"

namespace privascore {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> regression_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(test::source_path("tests/fuzz-regressions"))) {
    if (entry.path().extension() == ".input") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string render(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.to_string() + "\n";
  return out;
}

class FuzzRegression : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegression, EveryParserReportsTheExpectedDiagnostics) {
  const std::string base = test::source_path("tests/fuzz-regressions/" + GetParam());
  const std::string input = test::read_text(base + ".input");
  DiagnosticSink methodology, assessment, edition;
  EXPECT_FALSE(parse_methodology(input, "input.toml", methodology));
  EXPECT_FALSE(parse_assessment(input, "input.toml", assessment));
  EXPECT_FALSE(parse_edition(input, "input.toml", edition));
  const char* update = std::getenv("PRIVASCORE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") std::ofstream(base + ".expected", std::ios::binary) << render(assessment);
  const std::string expected = test::read_text(base + ".expected");
  EXPECT_EQ(render(methodology), expected);
  EXPECT_EQ(render(assessment), expected);
  EXPECT_EQ(render(edition), expected);
}

INSTANTIATE_TEST_SUITE_P(Inputs, FuzzRegression, testing::ValuesIn(regression_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string id = param.param;
                           std::replace(id.begin(), id.end(), '-', '_');
                           return id;
                         });

}  // namespace
}  // namespace privascore
