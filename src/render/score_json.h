// The JSON documents of scores, explanations, hosting variants and diffs:
// the contract documented in docs/json.md, printed by the CLI (--format
// json) and served by the web API.
//
// Pure: every function returns a JSON value built from the engine's results.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "model/model.h"
#include "scoring/diff.h"
#include "scoring/scoring.h"
#include "scoring/variants.h"

namespace privascore {

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

}  // namespace privascore
