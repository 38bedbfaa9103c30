// The editor's tables (accounts, sessions, drafts, audit trail, reports
// from readers) and the migrations that create them.
//
// They live in the same SQLite file as the published record (src/store) but
// have their own version sequence, kept in the table editor_migration, so
// that the editorial workflow can change without touching the store's
// migrations. Each migration runs in one immediate transaction together
// with its version row: a failure leaves the previous version. Migrations
// are append-only, like the store's. The tables are described in
// docs/operations.md ("Upgrades").
#pragma once

#include <vector>

#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

struct EditorMigration {
  int version;              // 1, 2, …
  const char* description;  // one line
  const char* sql;
};

/// The editor's migrations, oldest first, without gaps.
const std::vector<EditorMigration>& editor_migrations();
int latest_editor_schema_version();

/// The editor schema version of db (0 when the editor tables are missing).
Result<int> editor_schema_version(store::Database& db);

/// Applies every editor migration newer than the database's. Refuses, and
/// changes nothing, when the database holds a newer editor schema than this
/// binary knows. Returns the version afterwards.
Result<int> migrate_editor(store::Database& db);

}  // namespace privascore::editor
