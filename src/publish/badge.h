// Badges: a small SVG per rated service ("PRIVA SCORE | 249/270 |
// ✓ recommended | 2024-10-29") that a vendor or a journalist can show, and
// the HTML snippet that links it to the service's page.
//
// Pure functions; the same score gives the same bytes. Thread-safe.
#pragma once

#include <string>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::publish {

/// Height of every badge in px.
inline constexpr int k_badge_height = 20;

/// The badge of one service of an edition, with an accessible <title>
/// naming service, points, maximum, class and edition date in lang.
std::string badge_svg(const EditionScore& score, const ServiceScore& service, Lang lang);

/// Width of badge_svg() for the same arguments, in px (for the snippet's
/// width attribute).
int badge_width(const EditionScore& score, const ServiceScore& service, Lang lang);

/// The alternative text of the badge: "PRIVA SCORE of Zoom: 90 of 270
/// points, avoid (edition of 29 October 2024)".
std::string badge_alt(const EditionScore& score, const ServiceScore& service, Lang lang);

/// Copy-and-paste HTML: the badge image (badge_url) inside a link to the
/// service's page (page_url). Both URLs are used as given (pass absolute
/// URLs for use on other sites) and escaped for the attribute.
std::string badge_snippet(const EditionScore& score, const ServiceScore& service, Lang lang,
                          const std::string& badge_url, const std::string& page_url);

}  // namespace privascore::publish
