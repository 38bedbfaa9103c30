// Helpers shared by the subcommands: loading the catalogue (from --data or
// the bundled data), choosing language and colour, printing diagnostics.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "loader/file_source.h"
#include "model/model.h"
#include "render/score_text.h"

namespace CLI {
class App;
}

namespace privascore {

/// Options most subcommands share.
struct CommonOptions {
  std::string data;  // "" = bundled data
  std::string lang;  // "" = from $LANG, default en
  std::string colour = "auto";

  /// Adds --data (and --lang, --color when with_output) to app.
  void add_to(CLI::App& app, bool with_output = true);
  Lang language() const;
  TextStyle style() const;
};

/// The data to read: a DiskSource for --data DIR or the data compiled into
/// the binary.
std::unique_ptr<FileSource> open_data(const std::string& dir);

/// A loaded, valid catalogue. On invalid data prints every diagnostic to
/// stderr and returns nullopt (exit with k_exit_invalid_data). Warnings are
/// printed only when print_warnings.
std::optional<Catalogue> load_valid_catalogue(const std::string& dir, bool print_warnings = false);

/// The category by id; prints an error naming the valid ids when absent.
const Category* require_category(const Catalogue& catalogue, const std::string& id);
/// The edition by "latest" or date; prints an error listing editions.
const Edition* require_edition(const Category& category, const std::string& spec);

/// Prints "privascore: error: message" (and a hint line) to stderr.
void print_error(const std::string& message, const std::string& hint = {});

/// Today's date from the system clock (UTC).
Date today();

}  // namespace privascore
