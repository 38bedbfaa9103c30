// Exporting a catalogue as a folder of TOML files (docs/formats.md), so
// that a failure never leaves a half-written folder behind.
//
// The files are written to a temporary folder next to the target, read back
// with the loader and compared with the catalogue; only when they load to an
// equal catalogue does the temporary folder take the target's place with a
// rename. Not safe to run twice at the same time on the same target.
#pragma once

#include <string>

#include "model/model.h"
#include "util/error.h"

namespace privascore::store {

struct ExportOptions {
  /// Replace a target folder that is not empty. Even then only a folder
  /// that looks like privascore data (category folders with a methodology/
  /// folder, and .md or .txt files) is replaced, never any other folder.
  bool force = false;
};

struct ExportSummary {
  int files = 0;
  bool replaced = false;  // a non-empty folder was replaced
};

/// Writes catalogue to dir (created with its parents when missing). Fails,
/// leaving dir as it was, when dir is not empty and !options.force, when a
/// file cannot be written, or when the written files do not load back to an
/// equal catalogue (the message names the first difference).
Result<ExportSummary> export_catalogue(const Catalogue& catalogue, const std::string& dir,
                                       const ExportOptions& options = {});

}  // namespace privascore::store
