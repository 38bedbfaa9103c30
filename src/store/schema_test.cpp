// Migrations: from an empty file to the latest version, one transaction per
// migration, refusal of newer and foreign databases; and the constraints of
// the schema itself (foreign keys, write-once rows).
#include "store/schema.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/store.h"
#include "store/store_testing.h"

namespace privascore::store {
namespace {

using testing::TempDir;

TEST(Schema, MigrationsAreNumberedWithoutGaps) {
  int expected = 1;
  for (const Migration& m : migrations()) EXPECT_EQ(m.version, expected++) << m.description;
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(Schema, MigratesAnEmptyFileToTheLatestVersion) {
  TempDir dir;
  const std::string path = dir.path("empty.db");
  std::ofstream(path).close();  // a zero-byte file
  ASSERT_EQ(std::filesystem::file_size(path), 0u);
  auto store = Store::open(path, Store::OpenMode::existing);
  ASSERT_TRUE(store) << store.error().message;
  Database& db = store->database();
  EXPECT_EQ(*db.query_int("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(*db.query_int("PRAGMA application_id"), k_application_id);
  EXPECT_EQ(*db.query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM schema_migration"), latest_schema_version());
  for (const char* table : {"category", "methodology", "methodology_level", "methodology_class", "methodology_feature",
                            "methodology_standard", "service", "edition", "assessment", "rating", "evidence",
                            "edition_note", "published_figure"}) {
    EXPECT_EQ(*db.query_int(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '") +
                            table + "'"),
              1)
        << table;
  }
  EXPECT_EQ(*store->empty(), true);
}

TEST(Schema, MigratingAgainChangesNothing) {
  TempDir dir;
  auto db = Database::open(dir.path("x.db"), Database::Mode::create);
  ASSERT_TRUE(db);
  ASSERT_EQ(*migrate(*db), latest_schema_version());
  const auto before = testing::row_counts(*db);
  ASSERT_EQ(*migrate(*db), latest_schema_version());
  EXPECT_EQ(testing::row_counts(*db), before);
}

TEST(Schema, RefusesADatabaseNewerThanTheBinaryAndLeavesItAlone) {
  TempDir dir;
  const std::string path = dir.path("newer.db");
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->database().exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1)));
  }
  for (auto mode : {Store::OpenMode::create, Store::OpenMode::existing, Store::OpenMode::read_only}) {
    auto store = Store::open(path, mode);
    ASSERT_FALSE(store);
    const std::string& message = store.error().message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("schema version " + std::to_string(latest_schema_version() + 1)), std::string::npos)
        << message;
    EXPECT_NE(message.find("newer than this privascore"), std::string::npos) << message;
    EXPECT_NE(message.find("up to " + std::to_string(latest_schema_version())), std::string::npos) << message;
  }
  auto db = Database::open(path, Database::Mode::read_only);
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), latest_schema_version() + 1);
}

TEST(Schema, RefusesAnotherApplicationsDatabaseAndLeavesItAlone) {
  TempDir dir;
  const std::string path = dir.path("other.db");
  {
    auto db = Database::open(path, Database::Mode::create);
    ASSERT_TRUE(db->exec("CREATE TABLE notes (text TEXT)"));
  }
  auto store = Store::open(path);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("not a privascore database"), std::string::npos) << store.error().message;
  auto db = Database::open(path, Database::Mode::read_only);
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), 0);
  EXPECT_EQ(*db->query_text("PRAGMA journal_mode"), "delete");  // not switched to WAL
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM sqlite_schema"), 1);
}

TEST(Schema, AFailingMigrationLeavesThePreviousVersion) {
  TempDir dir;
  auto db = Database::open(dir.path("x.db"), Database::Mode::create);
  ASSERT_TRUE(db);
  std::vector<Migration> list = migrations();
  const int broken = latest_schema_version() + 1;
  list.push_back({broken, "broken", "CREATE TABLE half_done (a INTEGER); INSERT INTO no_such_table VALUES (1);"});
  auto result = migrate(*db, list);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("stays at " + std::to_string(broken - 1)), std::string::npos)
      << result.error().message;
  EXPECT_EQ(*db->query_int("PRAGMA user_version"), broken - 1);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), 0);
  EXPECT_EQ(*db->query_int("SELECT count(*) FROM schema_migration"), broken - 1);
}

TEST(Schema, ReadOnlyOpenNeedsTheCurrentSchema) {
  TempDir dir;
  const std::string path = dir.path("x.db");
  { ASSERT_TRUE(Database::open(path, Database::Mode::create)); }
  auto store = Store::open(path, Store::OpenMode::read_only);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("schema version 0"), std::string::npos) << store.error().message;
}

class SchemaConstraints : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::open(m_dir.path("x.db"));
    ASSERT_TRUE(store) << store.error().message;
    m_store.emplace(std::move(*store));
    auto imported = m_store->import_catalogue(testing::bundled_catalogue());
    ASSERT_TRUE(imported) << imported.error().message;
  }
  Database& db() { return m_store->database(); }

  TempDir m_dir;
  std::optional<Store> m_store;
};

TEST_F(SchemaConstraints, ForeignKeysAreEnforced) {
  const auto before = testing::row_counts(db());
  const char* orphans[] = {
      "INSERT INTO rating VALUES ('video-conferencing', '1999-01-01', 'zoom', 'e2e', 0, 'green', 'unverified', "
      "'d', 'e')",
      "INSERT INTO edition VALUES ('video-conferencing', '2030-01-01', 99, 't', 't', 's', 's', NULL)",
      "INSERT INTO assessment VALUES ('video-conferencing', '2030-01-01', 'zoom', 0, 'Z', 'V', 'https://x', NULL, "
      "NULL, NULL, NULL)",
      "INSERT INTO methodology_level VALUES ('no-such-category', 1, 0, 'g', 3, '#000000', 'G', 'g', 'g')",
      "INSERT INTO service VALUES ('no-such-category', 'zoom')",
  };
  for (const char* sql : orphans) {
    auto r = db().exec(sql);
    ASSERT_FALSE(r) << sql;
    EXPECT_NE(r.error().message.find("FOREIGN KEY constraint failed"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(testing::row_counts(db()), before);
}

TEST_F(SchemaConstraints, PublishedRowsCannotBeUpdatedOrDeleted) {
  const auto before = testing::row_counts(db());
  const char* changes[] = {
      "UPDATE edition SET title_de = 'x'",
      "UPDATE rating SET level_id = 'green'",
      "UPDATE evidence SET quote = 'x'",
      "UPDATE methodology_feature SET weight = weight + 1",
      "UPDATE methodology_class SET lower_bound = 0 WHERE lower_bound IS NOT NULL",
      "DELETE FROM evidence",
      "DELETE FROM edition_note",
      "DELETE FROM published_figure",
      "DELETE FROM methodology_level",
  };
  for (const char* sql : changes) {
    auto r = db().exec(sql);
    ASSERT_FALSE(r) << sql;
    EXPECT_NE(r.error().message.find("never change"), std::string::npos) << r.error().message;
  }
  EXPECT_EQ(testing::row_counts(db()), before);
}

TEST_F(SchemaConstraints, ChecksRejectMalformedValues) {
  const char* bad[] = {
      "INSERT INTO category VALUES ('Upper Case')",
      "INSERT INTO category VALUES ('')",
      "INSERT INTO edition VALUES ('video-conferencing', '29.10.2024', 1, 't', 't', 's', 's', NULL)",
      "INSERT INTO service VALUES ('video-conferencing', 'a b')",
  };
  for (const char* sql : bad) {
    auto r = db().exec(sql);
    EXPECT_FALSE(r) << sql;
  }
}

}  // namespace
}  // namespace privascore::store
