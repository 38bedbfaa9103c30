// The static export of the real site: the plan (every page, the JSON API
// as files, every artifact) for publish::export_site, with the site
// (web::Site) and the artifacts (publish::Artifacts) answering the fetches.
//
// Used by `privascore build` and by the publishing benchmark. Deterministic:
// the same catalogue and options give byte-identical files.
#pragma once

#include <memory>
#include <string>
#include <tl/expected.hpp>

#include "config/config.h"
#include "model/model.h"
#include "publish/static_export.h"

namespace privascore {

/// Writes the whole public site for catalogue (which must be valid) to
/// out_dir, configured by site_config (the operator's pages; base_url for
/// canonical links, feeds, cards and sitemap.xml). The error says what
/// failed and how to fix it.
Result<publish::ExportSummary> build_static_site(std::shared_ptr<const Catalogue> catalogue,
                                                 const config::SiteConfig& site_config, const std::string& out_dir);

/// The API documents written as files, relative to the output root (for
/// docs and tests): "api/v1/categories.json", ….
std::vector<publish::FixedFile> api_files(const Catalogue& catalogue);

}  // namespace privascore
