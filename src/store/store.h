// Store: the SQLite database that is the running system's truth: the
// published record of every category (methodology versions, editions,
// assessments, ratings, evidence), imported from and exported to the TOML
// files of docs/formats.md.
//
// Guarantees (docs/store.md):
// - An import is one transaction: all of it is written or none of it.
// - Importing data that is already there changes nothing.
// - A published edition and a methodology version never change: an import
//   that brings different content for an existing edition date or version
//   is refused, naming the edition and the first difference.
// - A database written by a newer privascore is refused, never modified.
// A Store is one connection: use it from one thread at a time. Several
// processes may open the same file (WAL mode: readers never wait for the
// writer; writers wait up to the busy timeout for each other).
#pragma once

#include <string>

#include "loader/file_source.h"
#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::store {

/// The database the CLI and the server use when no --db is given, relative
/// to the working directory.
constexpr const char* k_default_database = "var/privascore.db";

/// What an import did.
struct ImportSummary {
  int categories_added = 0;
  int methodologies_added = 0;
  int methodologies_unchanged = 0;
  int editions_added = 0;
  int editions_unchanged = 0;

  bool changed() const { return categories_added + methodologies_added + editions_added > 0; }
  /// "2 categories added; methodology versions: 3 added, 0 unchanged; …".
  std::string to_string() const;
};

class Store {
 public:
  enum class OpenMode {
    create,     // create the file (and its missing folders) when absent; migrate
    existing,   // fail when the file is absent; migrate
    read_only,  // fail when absent or when its schema is not this binary's
  };

  /// Opens the database, switches it to WAL mode and migrates it to the
  /// schema of this binary. Fails, changing nothing, when the file is not a
  /// privascore database or was written by a newer privascore.
  static Result<Store> open(const std::string& path, OpenMode mode = OpenMode::create);

  /// Imports every category, methodology version and edition of a valid
  /// catalogue (the loader reported no errors) in one transaction. New
  /// elements are added; elements already there with the same content are
  /// left alone; an existing edition or methodology version with different
  /// content fails the whole import (nothing is written). Categories and
  /// editions in the database but not in the catalogue are kept.
  Result<ImportSummary> import_catalogue(const Catalogue& catalogue);

  /// Everything in the database as a Catalogue (see catalogue_reader.h).
  Result<Catalogue> load_catalogue();

  /// True when the database holds no category yet.
  Result<bool> empty();

  Database& database() { return m_db; }
  const std::string& path() const { return m_db.path(); }

 private:
  explicit Store(Database db) : m_db(std::move(db)) {}
  Database m_db;
};

/// What the server calls at start: opens the database at path, creating it
/// (and its folders) when missing; when it holds no category yet, imports
/// the catalogue read from `bundled` (the data compiled into the binary).
/// Fails when the bundled data has errors (listing the first ones; a
/// database that did not exist is then not created) or when Store::open
/// fails.
Result<Store> open_or_create(const std::string& path, const FileSource& bundled);

}  // namespace privascore::store
