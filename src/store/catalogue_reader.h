// Reading the published record (every category, methodology version and
// edition) from the database back into a Catalogue.
//
// The result equals the catalogue that was imported (content_diff.h), with
// source locations that name the database and the file the element would be
// exported to. Reads in one transaction (the caller's when one is open, else
// its own), so the result is one consistent snapshot even while another
// connection writes.
#pragma once

#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::store {

/// The whole catalogue, categories sorted by id, editions oldest first.
/// Fails on an SQL error or a row that violates the model (a date that is
/// not a date), naming the table and key.
Result<Catalogue> read_catalogue(Database& db);

}  // namespace privascore::store
