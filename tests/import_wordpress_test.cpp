// privascore import-wordpress end to end: the seed page's summary against a
// golden file, the draft files, refusing to overwrite, and broken input.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;

const std::string k_seed = "tests/wordpress/seed-privascore-video-conferencing-2024-10-29.wp.json";

class ImportWordPress : public testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/privascore-wp-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    m_dir = pattern;
  }
  void TearDown() override { fs::remove_all(m_dir); }
  std::string path(const std::string& name) const { return m_dir + "/" + name; }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(path(name), std::ios::binary) << content;
    return path(name);
  }
  /// The output with the temporary folder and the source tree as fixed names.
  std::string portable(std::string text) const {
    for (const auto& [from, to] :
         {std::pair{m_dir, std::string("TMP")}, std::pair{std::string(PRIVASCORE_SOURCE_DIR) + "/", std::string()}}) {
      for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
      }
    }
    return text;
  }
  std::string m_dir;
};

TEST_F(ImportWordPress, SeedSummaryMatchesTheGoldenFile) {
  const RunResult r = run_privascore(
      {"import-wordpress", source_path(k_seed), "--category", "video-conferencing", "--out", path("draft")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string golden = source_path("tests/golden/import-wordpress/seed-summary.en.txt");
  const char* update = std::getenv("PRIVASCORE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(fs::path(golden).parent_path());
    std::ofstream(golden, std::ios::binary | std::ios::trunc) << portable(r.out);
  }
  EXPECT_EQ(portable(r.out), read_text(golden))
      << "if the change is intended, run with PRIVASCORE_UPDATE_GOLDEN=1 and review the diff";

  // The files are there, marked as drafts, and `check` names their gaps.
  const std::string methodology = read_text(path("draft/video-conferencing/methodology/v1.toml"));
  const std::string edition = read_text(path("draft/video-conferencing/editions/2024-10-29/edition.toml"));
  EXPECT_EQ(methodology.rfind("# DRAFT of the methodology", 0), 0u);
  EXPECT_EQ(edition.rfind("# DRAFT of the edition", 0), 0u);
  EXPECT_NE(methodology.find("anchor = \"aufzeichnung\""), std::string::npos);
  EXPECT_NE(methodology.find("a maximum of 270 points"), std::string::npos);
  EXPECT_NE(edition.find("date = 2024-10-29\n"), std::string::npos);
  const RunResult check = run_privascore({"check", "--data", path("draft")});
  EXPECT_EQ(check.exit_code, 2) << check.out << check.err;
  EXPECT_NE((check.out + check.err).find("methodology/v1.toml"), std::string::npos) << check.out << check.err;
}

TEST_F(ImportWordPress, WithoutOutItWritesNothing) {
  const RunResult r = run_privascore({"import-wordpress", source_path(k_seed)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Draft of category video-conferencing-services from:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothing written: pass --out DIR"), std::string::npos) << r.out;
}

TEST_F(ImportWordPress, ServicesGetAnAssessmentEachAndAMalformedOneIsAUsageError) {
  const RunResult r = run_privascore({"import-wordpress", source_path(k_seed), "--category", "video-conferencing",
                                      "--service", "jitsi-meet=Jitsi Meet", "--out", path("draft")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("service jitsi-meet: \"Jitsi Meet\" (--service; every rating unknown, unverified)"),
            std::string::npos)
      << r.out;
  const std::string jitsi = read_text(path("draft/video-conferencing/editions/2024-10-29/services/jitsi-meet.toml"));
  EXPECT_NE(jitsi.find("feature = \"anonym\"\nlevel = \"unknown\"\nstatus = \"unverified\""), std::string::npos)
      << jitsi;
  const RunResult bad = run_privascore({"import-wordpress", source_path(k_seed), "--service", "jitsi-meet"});
  EXPECT_EQ(bad.exit_code, 64);
  EXPECT_NE(bad.err.find("--service jitsi-meet: give ID=NAME"), std::string::npos) << bad.err;
}

TEST_F(ImportWordPress, RefusesToOverwrite) {
  write("existing.txt", "keep me");
  const RunResult r = run_privascore({"import-wordpress", source_path(k_seed), "--out", m_dir});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("the output folder " + m_dir + " exists and is not empty; nothing was written"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(read_text(path("existing.txt")), "keep me");
  EXPECT_FALSE(fs::exists(path("video-conferencing-services")));
}

TEST_F(ImportWordPress, BrokenInputIsAClearErrorWithExitCode2) {
  struct Case {
    std::string name;
    std::string content;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"html.json", "<!DOCTYPE html><html>", "not JSON: the text stops being JSON at byte offset 1"},
      {"no-content.json", R"({"id": 1, "link": "https://privascore.org/x/", "title": {"rendered": "T"}})",
       "the field `content.rendered` is missing"},
      {"no-features.json",
       R"({"link": "https://privascore.org/x/", "title": {"rendered": "T"}, "content": {"rendered": "<p>Text only.</p>"}})",
       "content.rendered has no feature paragraph"},
  };
  for (const Case& c : cases) {
    const std::string file = write(c.name, c.content);
    const RunResult r = run_privascore({"import-wordpress", file, "--out", path("out-" + c.name)});
    EXPECT_EQ(r.exit_code, 2) << c.name << ": " << r.err;
    EXPECT_NE(r.err.find("privascore: error: " + file + ": " + c.message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("hint: "), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(fs::exists(path("out-" + c.name))) << "nothing is written";
  }
}

}  // namespace
}  // namespace privascore::test
