// The TOML writer: methodologies, editions and assessments as the files of
// docs/formats.md, so that the loader reads them back to an equal model.
//
// Pure: returns the text of each file, writes nothing. Strings are TOML basic
// strings with every character that needs it escaped (quote, backslash,
// control characters); dates are TOML local dates, never quoted; de/en
// texts are inline tables `{ de = "…", en = "…" }`. Keys follow the order of
// the examples in docs/formats.md. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace privascore {

/// A TOML basic string literal, quotes included: "a \"b\"\n". Invalid
/// UTF-8 bytes (which the loader never produces) become U+FFFD, since a
/// TOML file must be valid UTF-8.
std::string toml_string(std::string_view text);

/// `{ de = "…", en = "…" }`.
std::string toml_text(const Text& text);

/// methodology/v<N>.toml.
std::string methodology_toml(const Methodology& methodology);
/// editions/<date>/edition.toml (the assessments are separate files).
std::string edition_toml(const Edition& edition);
/// editions/<date>/services/<id>.toml.
std::string assessment_toml(const Assessment& assessment);

struct TomlFile {
  std::string path;  // relative, '/'-separated: "<category>/methodology/v1.toml"
  std::string content;
};

/// Every file of the catalogue in the layout of docs/formats.md, ordered by
/// path within each category (methodologies, then each edition with its
/// services).
std::vector<TomlFile> catalogue_toml_files(const Catalogue& catalogue);

}  // namespace privascore
