// The composed route table of `privascore serve`: the site's routes, the
// editor's and the probe page's, and the artifacts of the bundled data.
// No two of them may match the same path, decided segment by segment from
// the patterns (not by trying paths), so a new route that would shadow or be
// shadowed by another fails here, whatever order the parts mount in.
#include <gtest/gtest.h>

#include <set>

#include "assist_web/probe_page.h"
#include "cli/site_artifacts.h"
#include "cli/site_build.h"
#include "editor_web/editor_app.h"
#include "model/date.h"
#include "model/url_words.h"
#include "web/router.h"
#include "web/site.h"
#include "web/site_test_support.h"

namespace privascore {
namespace {

using web::Router;

// Whether a fixed word can stand where a pattern segment is.
bool word_fits(const std::string& segment, const std::string& word) {
  if (segment.empty() || (segment[0] != ':' && segment != "*")) return segment == word;
  if (segment == "*") return true;
  if (segment == ":date") return Date::parse(word).has_value();
  if (segment == ":version") return is_version_segment(word);
  if (segment == ":asset") return !word.empty();
  return is_slug(word);
}

// Whether two parameter types share a value.
bool types_meet(const std::string& a, const std::string& b) {
  auto type = [](const std::string& s) {
    if (s == ":date" || s == ":version" || s == ":asset") return s;
    return std::string(":slug");
  };
  const std::string ta = type(a), tb = type(b);
  return ta == tb || ta == ":asset" || tb == ":asset";
}

// Whether some path matches both expanded patterns (neither ends in *).
bool overlap(const Router::Expanded& a, const Router::Expanded& b) {
  if (a.segments.size() != b.segments.size()) return false;
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const std::string& x = a.segments[i];
    const std::string& y = b.segments[i];
    const bool px = !x.empty() && x[0] == ':', py = !y.empty() && y[0] == ':';
    if (!px && !py && x != y) return false;
    if (px && !py && !word_fits(x, y)) return false;
    if (!px && py && !word_fits(y, x)) return false;
    if (px && py && !types_meet(x, y)) return false;
  }
  return true;
}

std::string joined(const Router::Expanded& e) {
  std::string out;
  for (const auto& s : e.segments) out += "/" + s;
  return out;
}

class ComposedRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    m_site = web::test::make_site(web::test::bundled_catalogue());
    ASSERT_NE(m_site, nullptr);
    m_site->set_artifacts(artifact_factory(""));
    // Only the patterns are looked at: no handler is called.
    m_site->mount(editor::routes(nullptr));
    m_site->mount(assist::routes(nullptr));
  }
  std::shared_ptr<web::Site> m_site;
};

TEST_F(ComposedRoutes, EveryPatternParses) {
  EXPECT_TRUE(m_site->router().problems().empty()) << m_site->router().problems().front();
  EXPECT_GT(m_site->router().routes().size(), 50u);
}

TEST_F(ComposedRoutes, NoTwoPatternsMatchTheSamePath) {
  const std::vector<Router::Expanded> all = m_site->router().expanded();
  const auto& routes = m_site->router().routes();
  int pairs = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      const Router::Expanded& a = all[i];
      const Router::Expanded& b = all[j];
      // A catch-all (* at the end) answers only what no other pattern
      // takes: the editor's 404 below /edit/.
      if (a.segments.back() == "*" || b.segments.back() == "*") continue;
      ++pairs;
      if (!overlap(a, b)) continue;
      // One path may have several routes, one per method.
      const bool same_path = a.segments == b.segments;
      const bool methods_apart = (routes[a.route].methods & routes[b.route].methods) == 0;
      EXPECT_TRUE(same_path && methods_apart) << joined(a) << " (" << routes[a.route].pattern << ") and " << joined(b)
                                              << " (" << routes[b.route].pattern << ") match the same path";
    }
  }
  EXPECT_GT(pairs, 1000);
}

TEST_F(ComposedRoutes, TheOverlapCheckSeesAFixedWordThatIsASlug) {
  // "ueber" is no path word yet: /de/ueber would meet /de/:category.
  Router::Expanded page{{"de", "ueber"}, Lang::de, 0};
  Router::Expanded category{{"de", ":category"}, Lang::de, 0};
  Router::Expanded imprint{{"de", "impressum"}, Lang::de, 0};
  Router::Expanded date{{"de", ":category", ":date"}, Lang::de, 0};
  Router::Expanded service{{"de", ":category", ":service"}, Lang::de, 0};
  EXPECT_TRUE(overlap(page, category));
  EXPECT_FALSE(overlap(imprint, category));
  EXPECT_FALSE(overlap(date, service));
}

TEST_F(ComposedRoutes, NoPatternMatchesAnArtifact) {
  int artifacts = 0;
  for (const web::SitePath& p : m_site->paths()) {
    if (p.kind != web::SitePath::Kind::artifact) continue;
    ++artifacts;
    const web::RouteMatch m = m_site->router().match("GET", p.path);
    EXPECT_EQ(m.path_route, nullptr) << p.path << " is also " << m.path_route->pattern;
  }
  EXPECT_GT(artifacts, 100);
}

TEST_F(ComposedRoutes, TheMountedRoutesAreSlowAndTheSiteIsNot) {
  EXPECT_TRUE(m_site->is_slow(web::test::get("/edit")));
  EXPECT_TRUE(m_site->is_slow(web::test::get("/edit/nothing/here")));
  EXPECT_TRUE(m_site->is_slow(web::test::request("POST", "/de/melden")));
  EXPECT_TRUE(m_site->is_slow(web::test::get("/en/reports/video-conferencing")));
  EXPECT_TRUE(m_site->is_slow(web::test::get("/de/pruefen")));
  EXPECT_FALSE(m_site->is_slow(web::test::get("/de/videokonferenz")));
  EXPECT_FALSE(m_site->is_slow(web::test::get("/de/videokonferenz/grafik.svg")));
  EXPECT_FALSE(m_site->is_slow(web::test::get("/api/v1/categories")));
  EXPECT_FALSE(m_site->is_slow(web::test::get("/de/meldungen")));
}

// Each slow part has a pool of its own, so a probe of a slow host never
// delays an editor's login or a reader's report.
TEST_F(ComposedRoutes, TheEditorAndTheProbeRunOnPoolsOfTheirOwn) {
  EXPECT_EQ(m_site->slow_kind(web::test::get("/edit")), "editor");
  EXPECT_EQ(m_site->slow_kind(web::test::request("POST", "/edit/login")), "editor");
  EXPECT_EQ(m_site->slow_kind(web::test::request("POST", "/en/report")), "editor");
  EXPECT_EQ(m_site->slow_kind(web::test::get("/de/pruefen")), "probe");
  EXPECT_EQ(m_site->slow_kind(web::test::get("/en/probe")), "probe");
  EXPECT_EQ(m_site->slow_kind(web::test::get("/en/video-conferencing")), "");
}

// Every id of the bundled data can be a path segment: none is a path word,
// a date or a version, which the router would take for something else.
TEST_F(ComposedRoutes, EveryIdOfTheDataIsASlug) {
  for (const Category& c : web::test::bundled_catalogue()->categories) {
    EXPECT_TRUE(is_slug(c.id)) << c.id;
    EXPECT_TRUE(is_slug(category_slug(c, Lang::de))) << c.id;
    EXPECT_TRUE(is_slug(category_slug(c, Lang::en))) << c.id;
    for (const auto& [version, m] : c.methodologies)
      for (const Feature& f : m.features) EXPECT_TRUE(is_slug(f.id)) << f.id;
    for (const Edition& e : c.editions)
      for (const auto& a : e.assessments) EXPECT_TRUE(is_slug(a.id)) << a.id;
  }
}

// What the site lists answers: pages 200 (the root redirects), the API and
// the assets 200, and every API document of the static export is listed.
TEST(SitePaths, EveryListedPathAnswers) {
  auto site = web::test::make_site(web::test::bundled_catalogue());
  ASSERT_NE(site, nullptr);
  site->set_artifacts(artifact_factory(""));
  std::set<std::string> api;
  std::set<std::string> seen;
  int pages = 0;
  for (const web::SitePath& p : site->paths()) {
    EXPECT_TRUE(seen.insert(p.path).second) << p.path << " is listed twice";
    if (p.kind == web::SitePath::Kind::artifact) continue;  // generating every PNG is the build test's
    if (p.kind == web::SitePath::Kind::api) api.insert(p.path);
    if (p.kind == web::SitePath::Kind::page) ++pages;
    const web::Response r = site->handle(web::test::get(p.query.empty() ? p.path : p.path + "?" + p.query));
    EXPECT_EQ(r.status, p.path == "/" ? 302 : 200) << p.path;
  }
  EXPECT_GT(pages, 100);
  EXPECT_TRUE(seen.count("/de/impressum") && seen.count("/en/privacy") && seen.count("/de/videokonferenz/persoenlich"));
  for (const publish::FixedFile& f : api_files(*web::test::bundled_catalogue()))
    EXPECT_TRUE(api.count(f.path)) << f.path << " is exported but not listed";
}

}  // namespace
}  // namespace privascore
