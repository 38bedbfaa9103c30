// The sqlite3 wrapper: errors as values, bindings, transactions that roll
// back unless committed, and the per-connection pragmas.
#include "store/database.h"

#include <gtest/gtest.h>

#include "store/store_testing.h"

namespace privascore::store {
namespace {

Database memory() {
  auto db = Database::open(":memory:", Database::Mode::create);
  EXPECT_TRUE(db) << db.error().message;
  return std::move(*db);
}

TEST(Database, BindsAndReadsValuesIncludingNullAndUtf8) {
  Database db = memory();
  ASSERT_TRUE(db.exec("CREATE TABLE t (i INTEGER, s TEXT, o TEXT)"));
  auto insert = db.prepare("INSERT INTO t VALUES (?, ?, ?)");
  ASSERT_TRUE(insert);
  ASSERT_TRUE(insert->bind_all(42, std::string("ä\"'; DROP TABLE t; --"), std::optional<std::string>()).run());
  ASSERT_TRUE(insert->bind_all(7, "x", std::optional<std::string>("y")).run());
  auto select = db.prepare("SELECT i, s, o FROM t ORDER BY i");
  ASSERT_TRUE(select);
  auto row = select->step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(select->column_int(0), 7);
  EXPECT_EQ(select->column_optional_text(2), std::optional<std::string>("y"));
  row = select->step();
  ASSERT_TRUE(row && *row);
  EXPECT_EQ(select->column_int(0), 42);
  EXPECT_EQ(select->column_text(1), "ä\"'; DROP TABLE t; --");
  EXPECT_TRUE(select->column_null(2));
  EXPECT_EQ(select->column_optional_text(2), std::nullopt);
  row = select->step();
  ASSERT_TRUE(row);
  EXPECT_FALSE(*row);
}

TEST(Database, SyntaxErrorIsAValueNamingTheStatement) {
  Database db = memory();
  auto stmt = db.prepare("SELEC 1");
  ASSERT_FALSE(stmt);
  EXPECT_NE(stmt.error().message.find("SELEC 1"), std::string::npos) << stmt.error().message;
  EXPECT_NE(stmt.error().message.find("syntax error"), std::string::npos) << stmt.error().message;
  auto exec = db.exec("CREATE TABLE");
  ASSERT_FALSE(exec);
}

TEST(Database, ConstraintViolationIsReportedByStep) {
  Database db = memory();
  ASSERT_TRUE(db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL)"));
  auto insert = db.prepare("INSERT INTO t (id, s) VALUES (?, ?)");
  ASSERT_TRUE(insert);
  ASSERT_TRUE(insert->bind_all(1, "a").run());
  auto again = insert->bind_all(1, "b").run();
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("UNIQUE"), std::string::npos) << again.error().message;
  // The statement is usable again after the failure.
  EXPECT_TRUE(insert->bind_all(2, "c").run());
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM t"), 2);
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
  Database db = memory();
  ASSERT_TRUE(db.exec("CREATE TABLE t (i INTEGER)"));
  {
    auto tx = Transaction::begin(db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (1)"));
    // Destroyed without commit.
  }
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM t"), 0);
  {
    auto tx = Transaction::begin(db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db.exec("INSERT INTO t VALUES (2)"));
    ASSERT_TRUE(tx->commit());
  }
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM t"), 1);
}

TEST(Database, SetsForeignKeysBusyTimeoutAndFullSync) {
  testing::TempDir dir;
  auto db = Database::open(dir.path("x.db"), Database::Mode::create);
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_EQ(*db->query_int("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(*db->query_int("PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(*db->query_int("PRAGMA busy_timeout"), k_busy_timeout_ms);
}

TEST(Database, OpeningAMissingFileWithoutCreateFailsAndCreatesNothing) {
  testing::TempDir dir;
  for (auto mode : {Database::Mode::existing, Database::Mode::read_only}) {
    auto db = Database::open(dir.path("missing.db"), mode);
    ASSERT_FALSE(db);
    EXPECT_NE(db.error().message.find("does not exist"), std::string::npos) << db.error().message;
    EXPECT_FALSE(std::filesystem::exists(dir.path("missing.db")));
  }
}

TEST(Database, ReadOnlyConnectionCannotWrite) {
  testing::TempDir dir;
  {
    auto db = Database::open(dir.path("x.db"), Database::Mode::create);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE t (i INTEGER)"));
  }
  auto db = Database::open(dir.path("x.db"), Database::Mode::read_only);
  ASSERT_TRUE(db);
  auto r = db->exec("INSERT INTO t VALUES (1)");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("readonly"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace privascore::store
