// Backup and restore of the database with SQLite's online backup API.
//
// A backup reads one consistent snapshot while other connections keep
// reading and writing (WAL mode), so it is safe while the server runs. A
// restore copies a checked backup into the database in one write
// transaction: connections see the old content or the new one, never a mix.
// A running server keeps the catalogue it loaded at start; restart it after
// a restore.
#pragma once

#include <string>

#include "util/error.h"

namespace privascore::store {

struct BackupSummary {
  int schema_version = 0;
  long long bytes = 0;
};

/// Copies the database at db_path to backup_path as a single self-contained
/// file (no -wal file beside it). The copy is written under a temporary name
/// next to backup_path and renamed when complete, so backup_path is either
/// absent/unchanged or a whole backup. Fails when backup_path exists and
/// !overwrite, and when db_path is not a privascore database.
Result<BackupSummary> backup_database(const std::string& db_path, const std::string& backup_path,
                                      bool overwrite = false);

struct RestoreSummary {
  int backup_version = 0;  // schema version of the backup
  int schema_version = 0;  // schema version of the database afterwards
};

/// Replaces the content of the database at db_path (created when missing)
/// with the backup at backup_path. Before anything is written the backup
/// must be a privascore database whose schema version this binary knows,
/// pass PRAGMA integrity_check and have no foreign key violations; otherwise
/// the database is left unchanged. An older backup is migrated after the
/// copy. The database at db_path must be a privascore database of any
/// version, or empty: another application's file is never overwritten.
Result<RestoreSummary> restore_database(const std::string& backup_path, const std::string& db_path);

}  // namespace privascore::store
