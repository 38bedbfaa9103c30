// The embeddable ranking: a minimal HTML page with the ranked table of a
// category (for an <iframe> on another site, e.g. WordPress), its
// stylesheet, and the copy-and-paste <iframe> snippet.
//
// The page sets no cookie, runs no script and loads nothing but its own
// stylesheet from the same site; class colours come from the data (the
// stylesheet is generated from the catalogue). Links open the full pages
// in a new tab. Pure; thread-safe.
#pragma once

#include <string>

#include "model/model.h"
#include "publish/site_links.h"
#include "scoring/scoring.h"

namespace privascore::publish {

/// The Content-Security-Policy for embed pages: own stylesheet only, and
/// any site may frame them (frame-ancestors *).
inline constexpr const char* k_embed_content_security_policy =
    "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'";

/// Where embed_css() is served.
inline constexpr const char* k_embed_css_path = "/embed/embed.css";

/// The page for score (the latest edition of category) in lang. Links are
/// root-relative site paths (links.absolute() when a base URL is set).
std::string embed_html(const Category& category, const EditionScore& score, Lang lang, const SiteLinks& links);

/// The stylesheet of every embed page, with one rule per class colour of
/// every category.
std::string embed_css(const Catalogue& catalogue);

/// Height in px that shows the whole table of score without scrolling.
int embed_height(const EditionScore& score);

/// <iframe src="embed_url" …>: the snippet to paste into another site.
std::string iframe_snippet(const std::string& embed_url, const Category& category, const EditionScore& score,
                           Lang lang);

}  // namespace privascore::publish
