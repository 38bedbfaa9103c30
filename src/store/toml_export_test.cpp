// Export to a folder of TOML files: the files load back to an equal
// catalogue, and a failure or refusal leaves the target as it was.
#include "store/toml_export.h"

#include <gtest/gtest.h>

#include <fstream>

#include "loader/loader.h"
#include "store/content_diff.h"
#include "store/store_testing.h"

namespace privascore::store {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

Catalogue load_dir(const std::string& dir) {
  DiskSource source(dir);
  DiagnosticSink sink;
  Catalogue c = load_catalogue(source, sink);
  for (const auto& d : sink.items()) {
    if (d.severity == Severity::error) ADD_FAILURE() << d.to_string();
  }
  return c;
}

// Nothing but the target (and what the test put there) in the parent.
std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(TomlExport, BundledDataLoadsBackEqual) {
  TempDir dir;
  const Catalogue bundled = testing::bundled_catalogue();
  auto summary = export_catalogue(bundled, dir.path("out"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_FALSE(summary->replaced);
  int files = 0;
  for (const auto& c : bundled.categories) {
    files += static_cast<int>(c.methodologies.size());
    for (const auto& e : c.editions) files += 1 + static_cast<int>(e.assessments.size());
  }
  EXPECT_EQ(summary->files, files);
  EXPECT_EQ(catalogue_difference(bundled, load_dir(dir.path("out"))), std::nullopt);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out"});
  EXPECT_TRUE(fs::exists(dir.path("out/video-conferencing/methodology/v1.toml")));
}

TEST(TomlExport, EveryOptionalPartOfTheFormatsSurvivesTheRoundTrip) {
  TempDir dir;
  const Catalogue example = testing::docs_example_catalogue();
  auto summary = export_catalogue(example, dir.path("out"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(catalogue_difference(example, load_dir(dir.path("out"))), std::nullopt);
  const std::string methodology = testing::read_file(dir.path("out/example-category/methodology/v1.toml"));
  EXPECT_NE(methodology.find("\n[derivation]\n"), std::string::npos) << methodology;
  EXPECT_NE(methodology.find("\n[[source]]\n"), std::string::npos) << methodology;
  const std::string assessment =
      testing::read_file(dir.path("out/example-category/editions/2024-10-29/services/example-meet.toml"));
  EXPECT_NE(assessment.find("\n[[variant.rating.evidence]]\n"), std::string::npos) << assessment;
  EXPECT_NE(assessment.find("\ndefault = true\n"), std::string::npos) << assessment;
}

TEST(TomlExport, TextsThatNeedEscapingSurviveTheRoundTrip) {
  TempDir dir;
  Catalogue c = testing::bundled_catalogue();
  const std::string nasty = "\"quoted\" \\ back\nslash\ttab \x01 ''' \"\"\" # [[x]] = { ü ● }";
  // The latest edition: it has notes (the first edition of a category may not).
  Edition& e = c.categories.front().editions.back();
  ASSERT_FALSE(e.notes.empty());
  e.title.de = nasty;
  e.notes.front().reason.en = nasty;
  Assessment& a = e.assessments.front();
  a.name = nasty;
  a.ratings.front().justification.de = nasty;
  for (auto& r : a.ratings) {
    for (auto& ev : r.evidence) ev.quote = nasty;
  }
  c.categories.front().methodologies.begin()->second.summary.en = nasty;
  auto summary = export_catalogue(c, dir.path("out"));
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(catalogue_difference(c, load_dir(dir.path("out"))), std::nullopt);
}

TEST(TomlExport, RefusesANonEmptyFolderWithoutForce) {
  TempDir dir;
  fs::create_directories(dir.path("out"));
  std::ofstream(dir.path("out/keep.md")) << "mine";
  auto result = export_catalogue(testing::bundled_catalogue(), dir.path("out"));
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not empty"), std::string::npos) << result.error().message;
  EXPECT_NE(result.error().hint.find("--force"), std::string::npos);
  EXPECT_EQ(entries(dir.path("out")), std::vector<std::string>{"keep.md"});
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out"});
}

TEST(TomlExport, ForceReplacesAnEarlierExport) {
  TempDir dir;
  Catalogue one = testing::bundled_catalogue();
  one.categories.resize(1);
  ASSERT_TRUE(export_catalogue(one, dir.path("out")));
  const Catalogue all = testing::bundled_catalogue();
  auto summary = export_catalogue(all, dir.path("out"), ExportOptions{true});
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_TRUE(summary->replaced);
  EXPECT_EQ(catalogue_difference(all, load_dir(dir.path("out"))), std::nullopt);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out"});
}

TEST(TomlExport, ForceNeverReplacesAFolderThatIsNotData) {
  TempDir dir;
  fs::create_directories(dir.path("home/documents"));
  std::ofstream(dir.path("home/photo.jpg")) << "x";
  auto result = export_catalogue(testing::bundled_catalogue(), dir.path("home"), ExportOptions{true});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("does not look like a privascore data folder"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(entries(dir.path("home")), (std::vector<std::string>{"documents", "photo.jpg"}));
}

TEST(TomlExport, AnEmptyFolderIsFilledAndAFileIsRefused) {
  TempDir dir;
  fs::create_directories(dir.path("empty"));
  ASSERT_TRUE(export_catalogue(testing::bundled_catalogue(), dir.path("empty/")));
  EXPECT_TRUE(fs::exists(dir.path("empty/messengers/methodology")));
  std::ofstream(dir.path("file")) << "x";
  auto result = export_catalogue(testing::bundled_catalogue(), dir.path("file"), ExportOptions{true});
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("not a folder"), std::string::npos) << result.error().message;
}

TEST(TomlExport, AParentThatCannotHoldAFolderLeavesNothing) {
  TempDir dir;
  std::ofstream(dir.path("not-a-dir")) << "x";
  auto result = export_catalogue(testing::bundled_catalogue(), dir.path("not-a-dir/out"));
  ASSERT_FALSE(result);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"not-a-dir"});
}

}  // namespace
}  // namespace privascore::store
