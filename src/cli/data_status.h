// The one line `privascore serve` prints at start when the data it was
// given (--data DIR, or the data bundled in the binary) holds something the
// database does not: new editions or methodology versions, or published ones
// whose content differs. The server serves the database as it is; the line
// names the command that shows and applies the difference (docs/store.md,
// "Files and database").
#pragma once

#include <optional>
#include <string>

#include "loader/file_source.h"
#include "model/model.h"

namespace privascore {

/// nullopt when the data and the database agree (everything in the data is
/// in the database unchanged; what only the database holds, such as
/// editions the editor published, does not count). Otherwise one line
/// without a trailing newline. `data_dir` is the --data argument ("" for the
/// bundled data), `db_path` the --db argument; both go into the command.
std::optional<std::string> data_status_line(const FileSource& data, const std::string& data_dir,
                                            const Catalogue& database, const std::string& db_path);

}  // namespace privascore
