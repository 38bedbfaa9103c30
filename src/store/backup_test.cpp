// Backup and restore: a consistent single-file copy taken while another
// connection writes, and a restore that checks the backup before it
// replaces anything.
#include "store/backup.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/content_diff.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_testing.h"

namespace privascore::store {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

Catalogue first_category_only() {
  Catalogue c = testing::bundled_catalogue();
  c.categories.resize(1);
  return c;
}

void import_into(const std::string& path, const Catalogue& catalogue) {
  auto store = Store::open(path);
  ASSERT_TRUE(store) << store.error().message;
  auto r = store->import_catalogue(catalogue);
  ASSERT_TRUE(r) << r.error().message;
}

Catalogue load(const std::string& path) {
  auto store = Store::open(path, Store::OpenMode::existing);
  EXPECT_TRUE(store) << store.error().message;
  auto c = store->load_catalogue();
  EXPECT_TRUE(c) << c.error().message;
  return c ? *c : Catalogue{};
}

TEST(Backup, RoundTripRestoresTheEarlierState) {
  TempDir dir;
  const std::string db = dir.path("live.db"), backup = dir.path("backup.db");
  const Catalogue before = first_category_only();
  import_into(db, before);
  auto made = backup_database(db, backup);
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(made->schema_version, latest_schema_version());
  EXPECT_GT(made->bytes, 0);
  // One self-contained file, no temporary left behind.
  EXPECT_FALSE(fs::exists(backup + "-wal"));
  EXPECT_EQ(*Database::open(backup, Database::Mode::read_only)->query_text("PRAGMA journal_mode"), "delete");

  const Catalogue after = testing::bundled_catalogue();
  import_into(db, after);
  ASSERT_EQ(catalogue_difference(after, load(db)), std::nullopt);

  auto restored = restore_database(backup, db);
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(restored->backup_version, latest_schema_version());
  EXPECT_EQ(restored->schema_version, latest_schema_version());
  EXPECT_EQ(catalogue_difference(before, load(db)), std::nullopt);
  // Back in WAL mode with the pragmas of a normal open.
  auto store = Store::open(db, Store::OpenMode::existing);
  EXPECT_EQ(*store->database().query_text("PRAGMA journal_mode"), "wal");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
  for (const auto& n : names) EXPECT_EQ(n.find(".tmp-"), std::string::npos) << n;
}

TEST(Backup, RestoreCreatesAMissingDatabase) {
  TempDir dir;
  import_into(dir.path("live.db"), testing::bundled_catalogue());
  ASSERT_TRUE(backup_database(dir.path("live.db"), dir.path("b.db")));
  auto restored = restore_database(dir.path("b.db"), dir.path("new/restored.db"));
  ASSERT_TRUE(restored) << restored.error().message;
  EXPECT_EQ(catalogue_difference(testing::bundled_catalogue(), load(dir.path("new/restored.db"))), std::nullopt);
}

TEST(Backup, TakesTheCommittedStateWhileAnotherConnectionWrites) {
  TempDir dir;
  const std::string db = dir.path("live.db");
  import_into(db, first_category_only());
  auto writer = Store::open(db, Store::OpenMode::existing);
  ASSERT_TRUE(writer);
  auto tx = Transaction::begin(writer->database());
  ASSERT_TRUE(tx);
  ASSERT_TRUE(writer->database().exec("INSERT INTO category VALUES ('uncommitted')"));
  auto made = backup_database(db, dir.path("b.db"));
  ASSERT_TRUE(made) << made.error().message;
  EXPECT_EQ(catalogue_difference(first_category_only(), load(dir.path("b.db"))), std::nullopt);
  ASSERT_TRUE(tx->commit());
}

TEST(Backup, RefusesToOverwriteAnExistingFileUnlessAsked) {
  TempDir dir;
  import_into(dir.path("live.db"), first_category_only());
  std::ofstream(dir.path("b.db")) << "precious";
  auto refused = backup_database(dir.path("live.db"), dir.path("b.db"));
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("already exists"), std::string::npos) << refused.error().message;
  EXPECT_EQ(fs::file_size(dir.path("b.db")), 8u);
  ASSERT_TRUE(backup_database(dir.path("live.db"), dir.path("b.db"), true));
  EXPECT_EQ(catalogue_difference(first_category_only(), load(dir.path("b.db"))), std::nullopt);
}

TEST(Backup, RestoreRefusesABackupFromANewerBinaryAndChangesNothing) {
  TempDir dir;
  const std::string db = dir.path("live.db"), backup = dir.path("b.db");
  import_into(db, testing::bundled_catalogue());
  ASSERT_TRUE(backup_database(db, backup));
  {
    auto raw = Database::open(backup, Database::Mode::existing);
    ASSERT_TRUE(raw->exec("PRAGMA user_version = " + std::to_string(latest_schema_version() + 1)));
  }
  Catalogue other = first_category_only();
  const std::string target = dir.path("target.db");
  import_into(target, other);
  const auto counts = testing::row_counts(target);
  auto restored = restore_database(backup, target);
  ASSERT_FALSE(restored);
  EXPECT_NE(restored.error().message.find("newer than this privascore"), std::string::npos) << restored.error().message;
  EXPECT_NE(restored.error().message.find("the database was not changed"), std::string::npos);
  EXPECT_EQ(testing::row_counts(target), counts);
}

TEST(Backup, RestoreRefusesFilesThatAreNotPrivascoreBackups) {
  TempDir dir;
  const std::string target = dir.path("target.db");
  import_into(target, first_category_only());
  const auto counts = testing::row_counts(target);
  {
    auto foreign = Database::open(dir.path("foreign.db"), Database::Mode::create);
    ASSERT_TRUE(foreign->exec("CREATE TABLE t (x INTEGER)"));
  }
  std::ofstream(dir.path("text.db")) << "this is not a database, just some text that is long enough to matter\n";
  std::ofstream(dir.path("empty.db")).close();
  for (const char* name : {"foreign.db", "text.db", "empty.db", "missing.db"}) {
    auto restored = restore_database(dir.path(name), target);
    EXPECT_FALSE(restored) << name;
  }
  EXPECT_EQ(testing::row_counts(target), counts);
  EXPECT_EQ(catalogue_difference(first_category_only(), load(target)), std::nullopt);
}

TEST(Backup, RestoreNeverOverwritesAnotherApplicationsDatabase) {
  TempDir dir;
  import_into(dir.path("live.db"), first_category_only());
  ASSERT_TRUE(backup_database(dir.path("live.db"), dir.path("b.db")));
  {
    auto foreign = Database::open(dir.path("foreign.db"), Database::Mode::create);
    ASSERT_TRUE(foreign->exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)"));
  }
  auto restored = restore_database(dir.path("b.db"), dir.path("foreign.db"));
  ASSERT_FALSE(restored);
  EXPECT_NE(restored.error().message.find("not a privascore database"), std::string::npos) << restored.error().message;
  auto foreign = Database::open(dir.path("foreign.db"), Database::Mode::read_only);
  EXPECT_EQ(*foreign->query_int("SELECT count(*) FROM t"), 1);
}

}  // namespace
}  // namespace privascore::store
