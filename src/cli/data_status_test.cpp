// The line `serve` prints at start when its data differs from the database,
// against a real SQLite database in a temporary folder.
#include "cli/data_status.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "store/store_testing.h"

namespace privascore {
namespace {

/// The bundled data with one file replaced or added.
MemorySource bundled_with(const std::string& path, const std::string& content) {
  MemorySource source = store::testing::bundled_source();
  source.add(path, content);
  return source;
}

class DataStatus : public testing::Test {
 protected:
  void SetUp() override {
    auto store = store::open_or_create(m_dir.path("var/privascore.db"), store::testing::bundled_source());
    ASSERT_TRUE(store) << store.error().message;
    auto loaded = store->load_catalogue();
    ASSERT_TRUE(loaded);
    m_database = std::move(*loaded);
  }
  store::testing::TempDir m_dir;
  Catalogue m_database;
};

TEST_F(DataStatus, SilentWhenTheDataIsInTheDatabase) {
  EXPECT_EQ(data_status_line(store::testing::bundled_source(), "", m_database, "var/privascore.db"), std::nullopt);
}

TEST_F(DataStatus, NamesTheNewEditionAndTheCommand) {
  // A new edition: a copy of the latest video-conferencing edition, a month later.
  MemorySource source = store::testing::bundled_source();
  const std::string dir = "video-conferencing/editions/2024-10-29/";
  for (const auto& file : resources::files("data")) {
    const std::string path(file.path);
    if (path.rfind(dir, 0) != 0) continue;
    std::string content(file.content);
    if (path == dir + "edition.toml") content.replace(content.find("date = 2024-10-29"), 17, "date = 2024-11-29");
    source.add("video-conferencing/editions/2024-11-29/" + path.substr(dir.size()), content);
  }
  const auto line = data_status_line(source, "data", m_database, "var/privascore.db");
  ASSERT_TRUE(line);
  EXPECT_EQ(*line,
            "privascore: note: data has 1 new edition not in var/privascore.db, which is served as it is; "
            "`privascore import --data data --db var/privascore.db --dry-run` shows them, the same command "
            "without --dry-run imports them (restart the server afterwards)");
  EXPECT_EQ(line->find('\n'), std::string::npos) << "one line";
}

TEST_F(DataStatus, AChangedPublishedEditionIsNamedNeverApplied) {
  const std::string path = "video-conferencing/editions/2024-10-29/services/zoom.toml";
  std::string zoom;
  for (const auto& file : resources::files("data")) {
    if (file.path == path) zoom = std::string(file.content);
  }
  ASSERT_FALSE(zoom.empty());
  zoom.insert(zoom.find('"', zoom.find("de", zoom.find("justification"))) + 1, "Geändert: ");
  const auto line = data_status_line(bundled_with(path, zoom), "", m_database, "db.sqlite");
  ASSERT_TRUE(line);
  EXPECT_EQ(*line,
            "privascore: note: the bundled data differs from db.sqlite in 1 published element with different content "
            "(refused); the database is served as it is (published editions never change: a correction is a new "
            "edition); `privascore import --db db.sqlite --dry-run` shows where");
}

TEST_F(DataStatus, DataWithErrorsIsNotCompared) {
  const auto line = data_status_line(bundled_with("video-conferencing/methodology/v1.toml", "version = \"one\"\n"),
                                     "data", m_database, "var/privascore.db");
  ASSERT_TRUE(line);
  EXPECT_NE(line->find("privascore: note: data has "), std::string::npos) << *line;
  EXPECT_NE(line->find("error(s), so it was not compared with var/privascore.db, which is served as it is; "
                       "`privascore check --data data` shows them"),
            std::string::npos)
      << *line;
}

}  // namespace
}  // namespace privascore
