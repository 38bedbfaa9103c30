// Renderings of scores, explanations and diffs for the command line and the
// JSON API: JSON documents, terminal tables, CSV and Markdown.
//
// Pure: every function returns text or a JSON value built from the engine's
// results. The JSON shapes are documented in docs/json.md; the web API serves
// the same documents.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "model/model.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"
#include "scoring/variants.h"

namespace privascore {

struct TextStyle {
  bool colour = false;  // ANSI colours (only on a terminal)
};

nlohmann::json score_json(const Category& category, const EditionScore& score, Lang lang);
/// One service explained. score must be the edition as published (not a
/// VariantScore's copy); for a service with hosting variants the document
/// also has `variant` (the default's id) and `variants[]` (every variant
/// scored in this edition).
nlohmann::json explain_json(const Category& category, const EditionScore& score, const ServiceScore& service,
                            Lang lang);
/// One hosting variant explained: its points, class, rank and ratings in
/// the edition, `variant` = its id, and every variant in `variants[]`.
nlohmann::json explain_variant_json(const Category& category, const VariantScore& shown,
                                    const std::vector<VariantScore>& all, Lang lang);
/// Every variant: id, name, operator, url, default, note, points, class,
/// rank, overridden features, difference to the default.
nlohmann::json variants_json(const std::vector<VariantScore>& variants, Lang lang);
nlohmann::json diff_json(const Category& category, const EditionDiff& diff, Lang lang);

std::string score_table(const Category& category, const EditionScore& score, Lang lang, TextStyle style);
std::string score_csv(const EditionScore& score, Lang lang);
std::string score_markdown(const Category& category, const EditionScore& score, Lang lang);
/// As explain_json: lists the hosting variants after the explanation.
std::string explain_text(const Category& category, const EditionScore& score, const ServiceScore& service, Lang lang,
                         TextStyle style);
std::string explain_variant_text(const Category& category, const VariantScore& shown,
                                 const std::vector<VariantScore>& all, Lang lang, TextStyle style);
std::string variants_text(const std::vector<VariantScore>& variants, Lang lang);
std::string diff_text(const Category& category, const EditionDiff& diff, Lang lang, TextStyle style);

/// CSV field quoting (RFC 4180).
std::string csv_field(const std::string& value);

}  // namespace privascore
