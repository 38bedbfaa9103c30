// The JSON API under /api/v1/ (documented in docs/api.md).
//
// GET /api/v1/categories
// GET /api/v1/categories/{id}
// GET /api/v1/categories/{id}/editions
// GET /api/v1/categories/{id}/scores?edition=latest|DATE&lang=de|en
// GET /api/v1/categories/{id}/services/{service}?edition=…&lang=…
// GET /api/v1/categories/{id}/diff?from=DATE&to=latest|DATE&lang=…
// GET /api/v1/categories/{id}/personal?edition=…&lang=…&w.<feature>=ignore|less|published|more
// GET /api/v1/categories/{id}/robustness?edition=…&model=pm25|order&lang=…
//
// The scores, service and diff documents are exactly those of
// `privascore score|explain|diff --format json`. Errors are JSON
// {"error": …, "hint": …} with 400 (bad parameter) or 404 (unknown
// category, edition or service). Pure functions; thread-safe.
#pragma once

#include <string>

#include "web/http.h"
#include "web/site_data.h"

namespace privascore::web {

Response api_categories(const SiteData& data, const std::string& query);
Response api_category(const SiteData& data, const std::string& id, const std::string& query);
Response api_editions(const SiteData& data, const std::string& id, const std::string& query);
Response api_scores(const SiteData& data, const std::string& id, const std::string& query);
Response api_service(const SiteData& data, const std::string& id, const std::string& service, const std::string& query);
Response api_diff(const SiteData& data, const std::string& id, const std::string& query);
/// A personal ranking (docs/methodology.md, "Personal weights"); never cached by the site.
Response api_personal(const SiteData& data, const std::string& id, const std::string& query);
/// Robustness of an edition's ranking, 10,000 weightings, seed 1.
Response api_robustness(const SiteData& data, const std::string& id, const std::string& query);
/// 404 for a path under /api/ that names no endpoint.
Response api_not_found(const std::string& path);

}  // namespace privascore::web
