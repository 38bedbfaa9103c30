// Open data: every published edition as TOML files (docs/formats.md) in the
// operator's open-data folder, so that the published files stay in step
// with the database:
//
//   <dir>/<category>/methodology/v<N>.toml
//   <dir>/<category>/editions/<date>/edition.toml, services/<id>.toml
//
// An edition folder is written under a temporary name in the same folder,
// made durable (fsync), and renamed into place, so a reader never sees a
// half-written edition. Published editions never change, so an edition
// folder that exists is left alone when its files are the same and
// reported when they differ (someone edited the open data by hand).
// Syncing is idempotent: after a crash between the database commit and the
// export, the next sync (at server start, or the next publication) removes
// the temporary folders left behind and writes what is missing. Not safe to run twice at the same time on one folder.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "util/error.h"

namespace privascore::editor {

struct OpenDataSummary {
  std::vector<std::string> written;   // folders and files written, relative to dir
  std::vector<std::string> problems;  // existing files that differ from the database
};

/// Writes every methodology version and edition of the catalogue that is
/// missing from dir. Fails (internal) when a file cannot be written.
Result<OpenDataSummary> sync_open_data(const Catalogue& catalogue, const std::string& dir);

}  // namespace privascore::editor
