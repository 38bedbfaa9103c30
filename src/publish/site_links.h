// SiteLinks: how publish/ names the site's pages (category, edition,
// service) without knowing the site's URL scheme, which belongs to src/web.
//
// The site fills one in from its own URL functions and hands it to the
// feeds, badges and the artifact table. All paths are root-relative
// ("/de/videokonferenz"); absolute() prefixes the configured base URL.
// Plain value; the functions must be pure and thread-safe.
#pragma once

#include <functional>
#include <string>

#include "model/model.h"
#include "model/url_words.h"

namespace privascore::publish {

struct SiteLinks {
  /// "https://example.org" or "https://example.org/sub", no trailing '/';
  /// "" when unknown (links then stay root-relative).
  std::string base_url;
  std::function<std::string(Lang)> home;
  std::function<std::string(Lang, const Category&)> category;
  std::function<std::string(Lang, const Category&, const Date&)> edition;
  std::function<std::string(Lang, const Category&, const Date&, const std::string& service)> service;

  /// base_url + path (path itself when base_url is empty).
  std::string absolute(const std::string& path) const { return base_url + path; }
};

// The URL segment of a category: privascore::category_slug
// (model/url_words.h), the site's rule.

}  // namespace privascore::publish
