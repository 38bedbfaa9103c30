// Renderings of scores, explanations and diffs for the command line and the
// JSON API: JSON documents, terminal tables, CSV and Markdown.
//
// Pure: every function returns text or a JSON value built from the engine's
// results. The JSON shapes are documented in docs/json.md; the web API serves
// the same documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/model.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"

namespace privascore {

struct TextStyle {
  bool colour = false;  // ANSI colours (only on a terminal)
};

nlohmann::json score_json(const Category& category, const EditionScore& score, Lang lang);
nlohmann::json explain_json(const Category& category, const EditionScore& score, const ServiceScore& service,
                            Lang lang);
nlohmann::json diff_json(const Category& category, const EditionDiff& diff, Lang lang);

std::string score_table(const Category& category, const EditionScore& score, Lang lang, TextStyle style);
std::string score_csv(const EditionScore& score, Lang lang);
std::string score_markdown(const Category& category, const EditionScore& score, Lang lang);
std::string explain_text(const Category& category, const EditionScore& score, const ServiceScore& service, Lang lang,
                         TextStyle style);
std::string diff_text(const Category& category, const EditionDiff& diff, Lang lang, TextStyle style);

/// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace privascore
