#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <thread>

#include "store/database.h"
#include "store/schema.h"
#include "store/store.h"

namespace privascore::store {

namespace fs = std::filesystem;

namespace {

// Copies every page of `from` into `to` with the online backup API; the
// destination is written in one transaction.
Result<void> copy_pages(Database& from, Database& to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (!backup) return tl::unexpected(to.error(what));
  int rc = SQLITE_OK;
  // Busy: another connection holds a lock the copy needs; each connection's
  // busy timeout already waited, so retry a few times, then give up.
  for (int attempt = 0; attempt < 20; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return fail("cannot " + what + ": " + sqlite3_errstr(rc),
                rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? "another process kept the database locked; try again" : "");
  }
  return {};
}

// PRAGMA integrity_check and foreign_key_check; the message starts with
// "it …" so that callers can name the file.
Result<void> check_integrity(Database& db) {
  auto stmt = db.prepare("PRAGMA integrity_check");
  if (!stmt) return tl::unexpected(stmt.error());
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row || stmt->column_text(0) != "ok") {
    return fail("it fails the integrity check: " + (*row ? stmt->column_text(0) : std::string("no result")));
  }
  auto fk = db.prepare("PRAGMA foreign_key_check");
  if (!fk) return tl::unexpected(fk.error());
  auto violation = fk->step();
  if (!violation) return tl::unexpected(violation.error());
  if (*violation) {
    return fail("it has rows whose foreign keys point nowhere (first in table " + fk->column_text(0) + ")");
  }
  return {};
}

}  // namespace

Result<BackupSummary> backup_database(const std::string& db_path, const std::string& backup_path, bool overwrite) {
  std::error_code ec;
  if (fs::exists(backup_path, ec) && !overwrite) {
    return fail(backup_path + " already exists; nothing was written", "choose another name, or pass --force");
  }
  if (fs::equivalent(db_path, backup_path, ec)) return fail("the backup cannot be the database itself");
  auto source = Database::open(db_path, Database::Mode::read_only);
  if (!source) return tl::unexpected(source.error());
  auto state = check_compatible(*source, std::numeric_limits<int>::max());
  if (!state) return tl::unexpected(state.error());
  if (state->version == 0) return fail("database " + db_path + " is empty; there is nothing to back up");

  const fs::path target(backup_path);
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  std::string temp = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return fail("cannot create a file in " + parent.string() + ": " + std::strerror(errno),
                "check that the folder exists and is writable");
  }
  ::close(fd);
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      if (!path.empty()) ::unlink(path.c_str());
    }
  } cleanup{temp};

  {
    auto dest = Database::open(temp, Database::Mode::existing);
    if (!dest) return tl::unexpected(dest.error());
    if (auto r = copy_pages(*source, *dest, "copy " + db_path + " to " + backup_path); !r) {
      return tl::unexpected(r.error());
    }
    // One self-contained file: no -wal beside it.
    if (auto r = dest->exec("PRAGMA journal_mode = DELETE"); !r) return tl::unexpected(r.error());
    if (auto r = check_integrity(*dest); !r) {
      return fail("the copy of " + db_path + " is not sound, so nothing was written: " + r.error().message,
                  "run the backup again; when it fails again, check the database with `sqlite3 " + db_path +
                      " 'PRAGMA integrity_check'`");
    }
  }
  const int sync_fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
  if (sync_fd >= 0) {
    ::fsync(sync_fd);
    ::close(sync_fd);
  }
  if (::rename(temp.c_str(), backup_path.c_str()) != 0) {
    return fail("cannot rename " + temp + " to " + backup_path + ": " + std::strerror(errno));
  }
  cleanup.path.clear();
  BackupSummary summary;
  summary.schema_version = state->version;
  summary.bytes = static_cast<long long>(fs::file_size(backup_path, ec));
  return summary;
}

Result<RestoreSummary> restore_database(const std::string& backup_path, const std::string& db_path) {
  RestoreSummary summary;
  std::error_code ec;
  if (!fs::exists(backup_path, ec)) return fail("backup " + backup_path + " does not exist");
  if (fs::equivalent(db_path, backup_path, ec)) return fail("the backup and the database are the same file");
  // Check the backup completely before touching the database.
  auto refuse = [&](const Error& e) {
    return tl::unexpected(
        Error{"backup " + backup_path + " cannot be restored: " + e.message + "; the database was not changed",
              "pass an intact file made by `privascore backup`"});
  };
  auto backup = Database::open(backup_path, Database::Mode::read_only);
  if (!backup) return refuse(backup.error());
  if (auto readable = read_schema_state(*backup); !readable) return refuse(readable.error());
  auto backup_state = check_compatible(*backup);
  if (!backup_state) {
    // Keep the hint of a version mismatch: it says which binary can read it.
    return fail("backup " + backup_path + " cannot be restored: " + backup_state.error().message +
                    "; the database was not changed",
                backup_state.error().hint);
  }
  if (backup_state->version == 0) return refuse(Error{"it is an empty database, not a privascore backup", ""});
  if (auto r = check_integrity(*backup); !r) return refuse(r.error());
  summary.backup_version = backup_state->version;

  // The target: created when missing, never another application's file.
  const fs::path parent = fs::path(db_path).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  {
    auto db = Database::open(db_path, Database::Mode::create);
    if (!db) return tl::unexpected(db.error());
    auto db_state = check_compatible(*db, std::numeric_limits<int>::max());
    if (!db_state) return tl::unexpected(db_state.error());
    if (auto r = copy_pages(*backup, *db, "restore " + backup_path + " into " + db_path); !r) {
      return tl::unexpected(r.error());
    }
  }
  // The copy carries the backup's journal mode; switch back to WAL and
  // bring an older backup up to this binary's schema.
  auto store = Store::open(db_path, Store::OpenMode::existing);
  if (!store) {
    return fail(
        "restored " + backup_path + " into " + db_path + ", but cannot open it afterwards: " + store.error().message,
        store.error().hint);
  }
  auto version = store->database().query_int("PRAGMA user_version");
  if (!version) return tl::unexpected(version.error());
  summary.schema_version = static_cast<int>(*version);
  return summary;
}

}  // namespace privascore::store
