// The HTML pages of the site. Each function builds the page's view model
// from the data and renders it with its template (web/templates/<name>).
// Every number shown is computed here from the data, never typed.
// Pure functions of their arguments; thread-safe.
#pragma once

#include "web/http.h"
#include "web/view.h"

namespace privascore::web {

/// Every category with its latest edition, best and worst services.
Response home_page(const PageEnv& env);

/// One edition of a category: notes, ranked table, feature explanations,
/// standards, hosting note, links to the other editions. edition_in_url:
/// the page was asked for under the edition's date.
Response category_page(const PageEnv& env, const CategoryView& category, const EditionScore& score,
                       bool edition_in_url);

/// One service in one edition: class, points, every feature with its
/// level, justification and evidence, and the history across editions.
/// edition_in_url: the page was asked for under an edition's path.
Response service_page(const PageEnv& env, const CategoryView& category, const EditionScore& score,
                      const ServiceScore& service, bool edition_in_url);

/// A methodology version: levels, weights, maximum, classes, knock-outs,
/// provenance, and what changed from the previous version. version_in_url:
/// the page was asked for under ".../v<N>".
Response methodology_page(const PageEnv& env, const CategoryView& category, const Methodology& methodology,
                          bool version_in_url);

/// Every edition, newest first, with its notes and the computed diff.
Response changelog_page(const PageEnv& env, const CategoryView& category);

/// Imprint and privacy notice from the operator's configuration.
Response imprint_page(const PageEnv& env);
Response privacy_page(const PageEnv& env);

/// The 404 page in the reader's language.
Response not_found_page(const PageEnv& env, const std::string& path);

// Parts shared by several pages.

/// The notes of an edition: [{kind, kind_label, text, reason, service}].
nlohmann::json edition_notes_view(const PageEnv& env, const CategoryView& category, const Edition& edition);
/// The maximum and minimum and how they arise from the weights, and the
/// provenance of the weights.
nlohmann::json methodology_facts(const PageEnv& env, const Methodology& methodology);

}  // namespace privascore::web
