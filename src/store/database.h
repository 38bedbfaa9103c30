// Database, Statement and Transaction: a thin RAII wrapper over sqlite3.
//
// Every call that can fail returns a Result carrying SQLite's message and the
// database path; nothing throws. A Database is one connection: use it from
// one thread at a time (open one connection per thread to read in parallel;
// WAL mode lets readers run while a writer commits). A Statement belongs to
// the Database that prepared it and must not outlive it. A Transaction rolls
// back in its destructor unless commit() succeeded, so an early return on an
// error never leaves anything half-written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace privascore::store {

class Statement;

/// Milliseconds a connection waits for another connection's write lock
/// before it reports SQLITE_BUSY.
constexpr int k_busy_timeout_ms = 5000;

class Database {
 public:
  enum class Mode {
    create,     // read-write; creates the file when missing
    existing,   // read-write; fails when the file does not exist
    read_only,  // fails when the file does not exist
  };

  /// Opens a connection and sets the per-connection pragmas: foreign keys on,
  /// busy timeout k_busy_timeout_ms, synchronous=FULL (see docs/store.md:
  /// writes are rare editorial events, so every commit is made durable
  /// against power loss, not only against a crash of the process).
  /// Does not change the journal mode; Store::open switches to WAL.
  /// ":memory:" opens a private in-memory database.
  static Result<Database> open(const std::string& path, Mode mode);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  /// Runs one or more SQL statements that return no rows of interest.
  Result<void> exec(std::string_view sql);
  /// Compiles one SQL statement; fails on a syntax error or unknown table.
  Result<Statement> prepare(std::string_view sql);

  /// The integer result of a one-value query such as "PRAGMA user_version".
  Result<std::int64_t> query_int(std::string_view sql);
  /// The text result of a one-value query such as "PRAGMA journal_mode".
  Result<std::string> query_text(std::string_view sql);

  /// An error value naming the file, what was being done and SQLite's message.
  Error error(std::string_view doing) const;

  const std::string& path() const { return m_path; }
  sqlite3* handle() const { return m_db; }

 private:
  Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
  sqlite3* m_db = nullptr;
  std::string m_path;
};

/// A compiled SQL statement. Bind parameters (1-based), then step() through
/// the rows; reset() to run it again with new bindings. Must be destroyed
/// before the connection that prepared it closes.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  /// Binds text (copied by SQLite).
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind_null(int index);
  /// NULL when nullopt.
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  /// Binds each argument in turn to parameters 1, 2, ….
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  /// Advances to the next row: true when a row is available, false when the
  /// statement has finished. A failed bind is reported here.
  Result<bool> step();
  /// Steps until the statement has finished (for INSERT, UPDATE, DDL), then
  /// resets it and clears its bindings for the next use.
  Result<void> run();
  /// Makes the statement ready to run again; bindings are cleared.
  void reset();

  std::int64_t column_int(int column) const;
  /// The column as text; "" for NULL.
  std::string column_text(int column) const;
  bool column_null(int column) const;
  /// nullopt for NULL.
  std::optional<std::string> column_optional_text(int column) const;
  std::optional<std::int64_t> column_optional_int(int column) const;

 private:
  friend class Database;
  explicit Statement(sqlite3_stmt* stmt) : m_stmt(stmt) {}
  Error error(std::string_view doing) const;
  sqlite3_stmt* m_stmt = nullptr;
  int m_bind_error = 0;  // first failed bind's SQLite code, reported by step()
};

/// A transaction on one Database. Rolls back when destroyed without a
/// successful commit().
class Transaction {
 public:
  enum class Kind {
    deferred,   // takes the write lock at the first write
    immediate,  // takes the write lock now (waits up to the busy timeout)
  };

  static Result<Transaction> begin(Database& db, Kind kind = Kind::immediate);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  /// Commits; on failure the transaction is rolled back.
  Result<void> commit();

 private:
  explicit Transaction(Database& db) : m_db(&db) {}
  Database* m_db = nullptr;
  bool m_open = false;
};

}  // namespace privascore::store
