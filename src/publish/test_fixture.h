// Shared by the publish tests: the bundled catalogue loaded once, the
// scores of an edition, golden-file comparison and links for feeds.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "loader/loader.h"
#include "publish/site_links.h"
#include "scoring/scoring.h"
#include "test_support.h"

namespace privascore::publish::testing {

/// The data/ folder of the source tree, loaded once (it must be valid).
inline const Catalogue& bundled() {
  static const Catalogue* catalogue = [] {
    DiskSource source(test::source_path("data"));
    DiagnosticSink sink;
    auto* c = new Catalogue(load_catalogue(source, sink));
    EXPECT_FALSE(sink.has_errors());
    return c;
  }();
  return *catalogue;
}

inline std::shared_ptr<const Catalogue> bundled_shared() {
  return std::shared_ptr<const Catalogue>(&bundled(), [](const Catalogue*) {});
}

/// Scores of edition ("latest" or a date) of category in the bundled data.
inline EditionScore scores(const std::string& category, const std::string& edition = "latest") {
  const Category* c = bundled().category(category);
  EXPECT_NE(c, nullptr);
  const Edition* e = c->find_edition(edition);
  EXPECT_NE(e, nullptr);
  return score_edition(*c->methodology(e->methodology), *e);
}

/// Root-relative links in the site's scheme, for feeds and embeds.
inline SiteLinks test_links(std::string base_url = "https://example.org") {
  SiteLinks links;
  links.base_url = std::move(base_url);
  links.home = [](Lang l) { return std::string("/") + lang_code(l) + "/"; };
  links.category = [](Lang l, const Category& c) {
    return std::string("/") + lang_code(l) + "/" + category_slug(c, l);
  };
  links.edition = [](Lang l, const Category& c, const Date& d) {
    return std::string("/") + lang_code(l) + "/" + category_slug(c, l) + "/" + d.to_string();
  };
  links.service = [](Lang l, const Category& c, const Date& d, const std::string& s) {
    return std::string("/") + lang_code(l) + "/" + category_slug(c, l) + "/" + d.to_string() + "/" + s;
  };
  return links;
}

/// Compares actual with the golden file tests/golden/publish/<name>. With
/// PRIVASCORE_UPDATE_GOLDEN=1 in the environment, writes it instead.
inline void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = test::source_path("tests/golden/publish/" + name);
  if (const char* update = std::getenv("PRIVASCORE_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run with PRIVASCORE_UPDATE_GOLDEN=1 to create it)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  EXPECT_EQ(buffer.str(), actual) << "differs from " << path
                                  << " (if the change is intended, run with PRIVASCORE_UPDATE_GOLDEN=1)";
}

}  // namespace privascore::publish::testing
