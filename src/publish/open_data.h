// Open data: each edition as CSV, full JSON (with evidence), a Markdown
// table and the TOML files of docs/formats.md, each carrying the data
// licence (CC BY 4.0) and, where the category's weights are reconstructed,
// saying so.
//
// Pure functions of the model and its scores: the same edition always gives
// the same bytes (no clock, keys and rows in a fixed order). Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::publish {

/// SPDX id and URL of the licence of our data.
inline constexpr const char* k_data_licence = "CC-BY-4.0";
inline constexpr const char* k_data_licence_url = "https://creativecommons.org/licenses/by/4.0/";

/// The licence notice for an edition (names the original source and, when
/// the weights are reconstructed, that they are).
std::string licence_notice(const EditionScore& score, Lang lang);
/// The same for any file of a methodology; source "" names privascore.org.
std::string licence_notice(const Methodology& methodology, const std::string& source, Lang lang);

/// One row per service × feature, services in rank order, features in
/// methodology order. Columns: category, edition, rank, service,
/// service_name, feature, level, points, max_points, weight, status,
/// evidence_urls (space-separated), licence. RFC 4180, CRLF line ends.
/// Text cells go through spreadsheet_safe.
std::string edition_csv(const EditionScore& score);

/// A CSV text cell that a spreadsheet will not run as a formula (OWASP, CSV
/// injection): text starting with = + - @ a tab or a carriage return gets a
/// leading apostrophe, which spreadsheets show as text and do not display.
/// Other text is unchanged.
std::string spreadsheet_safe(const std::string& text);

/// Everything about the edition: methodology (levels, features with
/// weights, classes, provenance), notes, and per service its score and
/// every rating with justification and evidence. Texts in both languages.
std::string edition_json(const EditionScore& score);

/// The ranked table in Markdown (symbol and word per level, never colour
/// alone) followed by the licence notice.
std::string edition_markdown(const EditionScore& score, Lang lang);

struct DataFile {
  std::string path;  // relative to the data root: "<category>/methodology/v1.toml"
  std::string content;
};

/// The TOML files of the edition (edition.toml and one per service) in the
/// layout of docs/formats.md, each starting with the licence as a comment.
/// Empty when the edition's methodology is missing.
std::vector<DataFile> edition_toml_files(const Category& category, const Edition& edition);
/// The methodology file "<category>/methodology/v<N>.toml" with the licence.
DataFile methodology_toml_file(const Methodology& methodology);

/// README of the open data: the licence, the files and their columns, in
/// German and English.
std::string open_data_readme(const Catalogue& catalogue);

}  // namespace privascore::publish
