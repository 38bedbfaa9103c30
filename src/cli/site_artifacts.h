// The bridge between the site and publish/: the artifact lookup that
// web::Site::set_artifacts takes, serving publish::Artifacts (graphics,
// cards, badges, feeds, open data, embed pages) for every catalogue the
// site is given, with the site's own URL scheme for links.
//
// Lives in cli/ because it joins the site and the artifacts: web knows
// publish's artifact names (its pages link to them, web/view.cpp) but does
// not render or serve artifacts itself; this bridge hands it the lookup.
// Thread-safe: lookups may run on many threads.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"
#include "publish/site_links.h"
#include "web/site.h"
#include "web/site_data.h"

namespace privascore {

/// The site's page paths (web/urls.h) for publish/, with base_url ("" =
/// root-relative) in front of absolute links. data must outlive the links.
publish::SiteLinks site_links(std::shared_ptr<const web::SiteData> data, const std::string& base_url);

/// Artifacts for each catalogue the site is set to; each gets its own
/// cache, so PNGs are rendered once per catalogue version. A PNG that
/// cannot be rendered is a 500 with the reason.
web::ArtifactFactory artifact_factory(std::string base_url);

/// The public site for catalogue with its artifacts, both from the one
/// configuration: pages (canonical links, previews), feeds, badges and
/// cards all use config.base_url. The error says why the site cannot start.
Result<std::shared_ptr<web::Site>> public_site(const config::SiteConfig& config,
                                               std::shared_ptr<const Catalogue> catalogue);

}  // namespace privascore
