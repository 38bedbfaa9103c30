// The database schema as an ordered list of migrations, and the runner that
// brings a database up to the version this binary knows.
//
// The schema version is PRAGMA user_version: 0 for a new, empty file, N after
// migration N. Each migration runs in its own transaction together with the
// version bump, so a failure leaves the database at the previous version.
// PRAGMA application_id marks the file as a privascore database, so that an
// unrelated SQLite file is never migrated. Migrations are append-only: a
// released migration is never edited; a change is a new migration.
// The tables are described in docs/store.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"
#include "util/error.h"

namespace privascore::store {

/// PRAGMA application_id of every privascore database ("PSCR").
constexpr std::int32_t k_application_id = 0x50534352;

struct Migration {
  int version;              // 1, 2, …: the schema version after it ran
  const char* description;  // one line, recorded in schema_migration
  const char* sql;          // one or more statements
};

/// The migrations of this binary, oldest first; versions 1..n without gaps.
const std::vector<Migration>& migrations();

/// The schema version this binary writes (the last migration's version).
int latest_schema_version();

/// What a database file holds, read without changing it.
struct SchemaState {
  int version = 0;  // PRAGMA user_version
  std::int32_t application_id = 0;
  bool empty = true;  // no table at all: a new file
};
Result<SchemaState> read_schema_state(Database& db);

/// Checks that db can be used by this binary: a new empty file, or a
/// privascore database whose version is at most `latest`. Fails with a
/// message naming the file and both versions when the database is newer
/// than the binary, and when the file belongs to another application.
Result<SchemaState> check_compatible(Database& db, int latest = latest_schema_version());

/// Applies every migration newer than the database's version, each in its
/// own immediate transaction. Returns the version afterwards. Refuses (and
/// changes nothing) when check_compatible fails. `list` is for tests; it
/// must be ordered and gap-free like migrations().
Result<int> migrate(Database& db, const std::vector<Migration>& list = migrations());

}  // namespace privascore::store
