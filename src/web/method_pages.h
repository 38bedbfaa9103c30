// The method's parts of the site: hosting variants and robustness on the
// service page, and the personal-weights page (a GET form that works without
// JavaScript, a shareable URL, and a static script that updates it live).
//
// The official score stays the headline everywhere; the personal view is on
// its own page and labelled as such. Pure functions of their arguments;
// thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "web/http.h"
#include "web/view.h"

namespace privascore::web {

/// For a service with hosting variants: {has_variants, variants: [{name,
/// operator, points, max, class, rank_text, default, differs}]}; has_variants
/// false otherwise.
nlohmann::json variants_view(const PageEnv& env, const EditionScore& score, const ServiceScore& service);

/// The service's robustness under both documented models (10,000
/// weightings, seed 1, as `privascore robustness` by default): {verdict,
/// stable, text, order_text, href}; empty when it cannot be computed.
nlohmann::json robustness_view(const PageEnv& env, const CategoryView& category, const EditionScore& score,
                               const ServiceScore& service);

/// The literature table of a methodology and the weights derived from it:
/// {derived, rule, rows: [{name, count, rank, derived, stated, agrees}],
/// sources: [{title, year, kind, link, names}]}; derived false when the
/// methodology carries no table (the page then says the derivation is not
/// published).
nlohmann::json literature_view(const PageEnv& env, const Methodology& methodology);

/// The personal-weights page for the latest edition; `query` is the raw
/// query string (w.<feature>=ignore|less|published|more). An unknown
/// feature or value answers 400 with the message and the form.
Response personal_page(const PageEnv& env, const CategoryView& category, const std::string& query);

}  // namespace privascore::web
