// The bad-input corpus: every case under tests/bad-input/ is a small data
// tree with one defect (see tests/bad-input/README.md). `privascore check`
// must exit with 2 and print exactly the lines in <case>.expected, with the
// case directory removed from the paths so that the files do not depend on
// where the source tree lives.
//
// PRIVASCORE_UPDATE_GOLDEN=1 rewrites the .expected files; review the diff.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.h"

namespace privascore::test {
namespace {

namespace fs = std::filesystem;

const char* const k_valid_base = "valid-base";

std::string corpus_dir() {
  return source_path("tests/bad-input");
}

bool update_requested() {
  const char* env = std::getenv("PRIVASCORE_UPDATE_GOLDEN");
  return env && std::string(env) == "1";
}

// Case names: the sub-directories of the corpus except the valid base.
std::vector<std::string> case_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(corpus_dir(), ec)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    if (name != k_valid_base) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Replaces every occurrence of from in text.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// stderr of `check --data dir`, with "dir/" removed from every path.
RunResult check(const std::string& dir) {
  RunResult result = run_privascore({"check", "--data", dir});
  result.err = replace_all(result.err, dir + "/", "");
  return result;
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  ASSERT_TRUE(out.good()) << "cannot write " << path;
  out << content;
}

// A fresh copy of the valid base in a temporary directory, removed on destruction.
class TempCopy {
 public:
  TempCopy() {
    char pattern[] = "/tmp/privascore-bad-input-XXXXXX";
    m_dir = mkdtemp(pattern);
    fs::copy(fs::path(corpus_dir()) / k_valid_base, m_dir, fs::copy_options::recursive);
  }
  ~TempCopy() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
  }
  const std::string& dir() const { return m_dir; }

 private:
  std::string m_dir;
};

TEST(BadInput, CorpusHasEnoughCasesAndEachHasItsExpectedMessage) {
  const std::vector<std::string> names = case_names();
  EXPECT_GE(names.size(), 30u);
  for (const auto& name : names) {
    EXPECT_TRUE(fs::exists(corpus_dir() + "/" + name + ".expected")) << name << " has no " << name << ".expected";
  }
  // And no orphaned expectations.
  for (const auto& entry : fs::directory_iterator(corpus_dir())) {
    if (entry.path().extension() != ".expected") continue;
    const std::string name = entry.path().stem().string();
    EXPECT_TRUE(std::find(names.begin(), names.end(), name) != names.end()) << entry.path() << " has no case folder";
  }
}

TEST(BadInput, ValidBaseIsValid) {
  // Each case differs from this base by its one defect; the base itself is clean.
  const RunResult r = check(corpus_dir() + "/" + k_valid_base);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "ok: 1 categories, 1 editions, 2 assessments, 4 ratings (3 unverified), 0 warning(s)\n");
}

class BadInputCase : public testing::TestWithParam<std::string> {};

TEST_P(BadInputCase, ExitsWithTwoAndPrintsTheExpectedMessage) {
  const std::string name = GetParam();
  const RunResult r = check(corpus_dir() + "/" + name);
  const std::string expected_path = corpus_dir() + "/" + name + ".expected";
  if (update_requested()) write_file(expected_path, r.err);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "") << "nothing may be written to stdout for invalid data";
  EXPECT_EQ(r.err, read_text(expected_path)) << "case " << name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputCase, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& param) {
                           std::string id = param.param;
                           std::replace(id.begin(), id.end(), '-', '_');
                           return id;
                         });

TEST(BadInput, MultipleDefectsAreAllReportedInOneRun) {
  const RunResult r = check(corpus_dir() + "/multiple-defects");
  EXPECT_EQ(r.exit_code, 2);
  // One defect in each of the four files of the tree (plus a second one in
  // the methodology): every one of them is reported, not only the first.
  for (const char* expected : {
           "demo/methodology/v1.toml:37:12: error: knock-out of feature `e2e` names level `rot`",
           "demo/methodology/v1.toml:53:1: error: no class covers the score 9, between class `red` and class `yellow`",
           "demo/editions/2024-01-01/services/alpha.toml:8:9: error: level `gren` of feature `e2e` is not in the scale",
           "demo/editions/2024-01-01/services/beta.toml:4:11: error: `website` in the assessment is not a web address",
           "demo/editions/2024-01-01/edition.toml:6:12: error: edition names service `gamma`",
       }) {
    EXPECT_NE(("\n" + r.err).find(std::string("\n") + expected), std::string::npos)
        << "missing: " << expected << "\nin:\n"
        << r.err;
  }
  EXPECT_NE(r.err.find("privascore: 5 error(s), 0 warning(s)"), std::string::npos) << r.err;
}

// A file over 1 MiB is generated here rather than committed.
TEST(BadInput, HugeFileIsRejectedWithoutParsing) {
  TempCopy copy;
  const fs::path alpha = fs::path(copy.dir()) / "demo/editions/2024-01-01/services/alpha.toml";
  std::string content = read_text(alpha.string());
  const std::string comment = "# padding padding padding padding padding padding padding padding padding\n";
  while (content.size() <= (1u << 20)) content += comment;
  write_file(alpha, content);
  const RunResult r = check(copy.dir());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "demo/editions/2024-01-01/services/alpha.toml: error: file is larger than 1024 KiB\n"
            "  hint: a methodology or assessment file is a few KiB; split the data or check that this is the right "
            "file\n"
            "privascore: 1 error(s), 0 warning(s); the data is invalid and nothing was written\n");
}

TEST(BadInput, FileOfExactlyOneMebibyteIsAccepted) {
  TempCopy copy;
  const fs::path alpha = fs::path(copy.dir()) / "demo/editions/2024-01-01/services/alpha.toml";
  std::string content = read_text(alpha.string());
  content += "#";
  content += std::string((1u << 20) - content.size() - 1, 'x');
  content += "\n";
  ASSERT_EQ(content.size(), 1u << 20);
  write_file(alpha, content);
  const RunResult r = check(copy.dir());
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace privascore::test
