// Writing methodology versions and editions into the database as rows.
//
// Used by Store::import_catalogue inside its transaction; each function
// inserts one element with all its parts and nothing else. They check
// nothing beyond what the schema enforces (keys, foreign keys, write-once
// triggers): the caller passes data the loader has validated and has
// decided that the element is new. On failure the caller's transaction
// must be rolled back (Transaction does that when it goes out of scope).
#pragma once

#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::store {

/// Inserts the category row unless it exists.
Result<void> insert_category(Database& db, const std::string& id);
/// Inserts a methodology version: levels, classes, features, standards.
Result<void> insert_methodology(Database& db, const Methodology& methodology);
/// Inserts an edition: its services (unless known), assessments, ratings,
/// evidence, notes and published figures. The edition's methodology
/// version must already be in the database.
Result<void> insert_edition(Database& db, const Edition& edition);

}  // namespace privascore::store
