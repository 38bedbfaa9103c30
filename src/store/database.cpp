#include "store/database.h"

#include <sqlite3.h>

#include <filesystem>

namespace privascore::store {

namespace {

std::string describe(sqlite3* db, std::string_view doing, const std::string& path) {
  std::string message = "cannot " + std::string(doing);
  if (db) message += ": " + std::string(sqlite3_errmsg(db));
  if (!path.empty()) message += " (database " + path + ")";
  return message;
}

std::string hint_for(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "another process holds the write lock for longer than " + std::to_string(k_busy_timeout_ms) +
             " ms; try again when it has finished";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return "check that the file and its folder exist and are writable";
    case SQLITE_FULL: return "the disk is full; free some space";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "the file is damaged or not an SQLite database; restore a backup";
    default: return {};
  }
}

}  // namespace

// ---- Database --------------------------------------------------------------

Result<Database> Database::open(const std::string& path, Mode mode) {
  const bool memory = path == ":memory:";
  if (!memory && mode != Mode::create) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return fail("database " + path + " does not exist", "check the path, or create it with `privascore import`");
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread (see database.h)
  switch (mode) {
    case Mode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case Mode::existing: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::read_only: flags |= SQLITE_OPEN_READONLY; break;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error error{describe(raw, "open the database", path), hint_for(rc)};
    sqlite3_close(raw);
    return tl::unexpected(std::move(error));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, k_busy_timeout_ms);
  Database db(raw, path);
  // synchronous=FULL: see the contract in database.h and docs/store.md.
  if (auto r = db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"); !r) return tl::unexpected(r.error());
  return db;
}

Database::Database(Database&& other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path)) {
  other.m_db = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (m_db) sqlite3_close_v2(m_db);
    m_db = other.m_db;
    m_path = std::move(other.m_path);
    other.m_db = nullptr;
  }
  return *this;
}

Database::~Database() {
  // close_v2 defers the close until every statement is finalized, so a
  // statement destroyed after its database does not crash.
  if (m_db) sqlite3_close_v2(m_db);
}

Result<void> Database::exec(std::string_view sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    std::string first_line(sql.substr(0, sql.find('\n')));
    if (first_line.size() > 60) first_line = first_line.substr(0, 60) + "…";
    return fail("cannot run `" + first_line + "`: " + text + " (database " + m_path + ")", hint_for(rc));
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return tl::unexpected(
        Error{describe(m_db, "prepare `" + std::string(sql.substr(0, 60)) + "`", m_path), hint_for(rc)});
  }
  return Statement(stmt);
}

Result<std::int64_t> Database::query_int(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return fail("`" + std::string(sql) + "` returned no row (database " + m_path + ")");
  return stmt->column_int(0);
}

Result<std::string> Database::query_text(std::string_view sql) {
  auto stmt = prepare(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return fail("`" + std::string(sql) + "` returned no row (database " + m_path + ")");
  return stmt->column_text(0);
}

Error Database::error(std::string_view doing) const {
  return Error{describe(m_db, doing, m_path), m_db ? hint_for(sqlite3_extended_errcode(m_db)) : std::string()};
}

// ---- Statement -------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_bind_error(other.m_bind_error) {
  other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_stmt = other.m_stmt;
    m_bind_error = other.m_bind_error;
    other.m_stmt = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(m_stmt, index, value);
  if (rc != SQLITE_OK && !m_bind_error) m_bind_error = rc;
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && !m_bind_error) m_bind_error = rc;
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(m_stmt, index);
  if (rc != SQLITE_OK && !m_bind_error) m_bind_error = rc;
  return *this;
}

Error Statement::error(std::string_view doing) const {
  sqlite3* db = sqlite3_db_handle(m_stmt);
  const char* file = sqlite3_db_filename(db, "main");
  std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
  sql = sql.substr(0, sql.find('\n'));
  if (sql.size() > 60) sql = sql.substr(0, 60) + "…";
  return Error{describe(db, std::string(doing) + " `" + sql + "`", file && *file ? file : ":memory:"),
               hint_for(sqlite3_extended_errcode(db))};
}

Result<bool> Statement::step() {
  if (m_bind_error) {
    const int rc = m_bind_error;
    m_bind_error = 0;
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    return fail(std::string("cannot bind a parameter: ") + sqlite3_errstr(rc));
  }
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = error("run");
  sqlite3_reset(m_stmt);
  return tl::unexpected(std::move(e));
}

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) {
      sqlite3_clear_bindings(m_stmt);
      return tl::unexpected(row.error());
    }
    if (!*row) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
  m_bind_error = 0;
}

std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::column_text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  if (!text) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

bool Statement::column_null(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::optional<std::string> Statement::column_optional_text(int column) const {
  if (column_null(column)) return std::nullopt;
  return column_text(column);
}

std::optional<std::int64_t> Statement::column_optional_int(int column) const {
  if (column_null(column)) return std::nullopt;
  return column_int(column);
}

// ---- Transaction -----------------------------------------------------------

Result<Transaction> Transaction::begin(Database& db, Kind kind) {
  if (auto r = db.exec(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); !r) {
    return tl::unexpected(r.error());
  }
  Transaction t(db);
  t.m_open = true;
  return t;
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_open(other.m_open) {
  other.m_open = false;
}

Transaction::~Transaction() {
  if (m_open) (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  if (!m_open) return fail("commit of a transaction that is not open");
  auto r = m_db->exec("COMMIT");
  if (!r) {
    // A failed COMMIT (SQLITE_BUSY aside) may leave the transaction open;
    // roll back explicitly so the connection is usable again.
    if (!sqlite3_get_autocommit(m_db->handle())) (void)m_db->exec("ROLLBACK");
    m_open = false;
    return r;
  }
  m_open = false;
  return {};
}

}  // namespace privascore::store
