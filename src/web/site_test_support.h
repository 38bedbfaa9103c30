// Helpers for the site's unit tests (header-only, so that the test glob
// needs no extra source): the bundled catalogue, a site over it, and
// requests as plain values.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "loader/file_source.h"
#include "loader/loader.h"
#include "model/model.h"
#include "resources/resources.h"
#include "web/http.h"
#include "web/query.h"
#include "web/site.h"

namespace privascore::web::test {

/// The data compiled into the binary, loaded and valid.
inline std::shared_ptr<const Catalogue> bundled_catalogue() {
  static const std::shared_ptr<const Catalogue> k_catalogue = [] {
    MemorySource source("<bundled>");
    for (const auto& f : resources::files("data")) source.add(std::string(f.path), std::string(f.content));
    DiagnosticSink sink;
    Catalogue catalogue = load_catalogue(source, sink);
    EXPECT_FALSE(sink.has_errors());
    return std::make_shared<const Catalogue>(std::move(catalogue));
  }();
  return k_catalogue;
}

/// A site over catalogue with the built-in assets and the given config.
inline std::shared_ptr<Site> make_site(std::shared_ptr<const Catalogue> catalogue, config::SiteConfig config = {}) {
  auto site = Site::create(std::move(config), std::move(catalogue));
  EXPECT_TRUE(site.has_value()) << (site ? "" : site.error().to_string());
  return site ? *site : nullptr;
}

/// A request for target ("/de/?x=1") with extra headers (names lowercase).
inline Request request(const std::string& method, const std::string& target,
                       std::vector<std::pair<std::string, std::string>> headers = {}) {
  Request r;
  r.method = method;
  r.target = target;
  const std::size_t q = target.find('?');
  r.path = percent_decode(target.substr(0, q), false).value_or(target.substr(0, q));
  r.query = q == std::string::npos ? "" : target.substr(q + 1);
  r.headers = std::move(headers);
  return r;
}

inline Request get(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
  return request("GET", target, std::move(headers));
}

/// The number of times needle occurs in haystack.
inline int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace privascore::web::test
