// What importing a catalogue into the database would do, before doing it:
// the categories, methodology versions and editions it would add, the ones
// already there unchanged, and the ones already published with different
// content, which an import refuses (published means final, docs/store.md).
//
// This is what `privascore import --dry-run` prints and what `serve` checks
// at start to say, in one line, that the data folder (or the bundled data)
// holds something the database does not. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"

namespace privascore::store {

struct ImportPlan {
  struct Item {
    std::string category;
    std::string what;        // "methodology v2", "edition 2024-10-29"
    std::string file;        // "video-conferencing/editions/2024-10-29/edition.toml"
    std::string difference;  // for a refused item: the first difference
  };
  std::vector<std::string> new_categories;
  std::vector<Item> new_methodologies;
  std::vector<Item> new_editions;
  std::vector<Item> refused;  // already in the database with different content
  int unchanged_methodologies = 0;
  int unchanged_editions = 0;

  /// Something would be added.
  bool adds() const { return !new_methodologies.empty() || !new_editions.empty() || !new_categories.empty(); }
  /// An import would fail: something published would change.
  bool refuses() const { return !refused.empty(); }

  /// One line per item: "+ edition 2024-12-01 of video-conferencing (…)",
  /// "! edition 2024-10-29 of video-conferencing: refused, …", and a last
  /// line with the counts.
  std::string to_text() const;
  /// "1 new edition, 1 edition that differs from the published one": the
  /// counts of what would be added and refused, "" when neither.
  std::string counts() const;
};

/// Compares the catalogue to import with what the database holds. Elements
/// only in the database (for example editions the editor published) are
/// neither counted nor touched: an import never removes anything.
ImportPlan plan_import(const Catalogue& database, const Catalogue& incoming);

}  // namespace privascore::store
