#include "web/router.h"

#include <gtest/gtest.h>

#include "model/url_words.h"

namespace privascore::web {
namespace {

Route route(Methods methods, std::string pattern, int tag) {
  return Route{methods, std::move(pattern), "", tag, {}};
}

int tag_of(const Router& router, std::string_view path, std::string_view method = "GET") {
  const RouteMatch m = router.match(method, path);
  return m.route ? m.route->tag : (m.path_route ? -2 : -1);
}

TEST(Router, FixedWordsWinOverParametersWhateverTheOrder) {
  Router router;
  router.add(route(k_get, "/:lang/:category", 1));
  router.add(route(k_get, "/:lang/:category/:service", 2));
  router.add(route(k_get, "/:lang/:category/:date", 3));
  router.add(route(k_get, "/:lang/:category/{methodology}", 4));
  router.add(route(k_get, "/:lang/{imprint}", 5));
  EXPECT_TRUE(router.problems().empty());
  EXPECT_EQ(tag_of(router, "/de/videokonferenz"), 1);
  EXPECT_EQ(tag_of(router, "/de/impressum"), 5);
  EXPECT_EQ(tag_of(router, "/en/imprint"), 5);
  EXPECT_EQ(tag_of(router, "/en/impressum"), -1) << "a word of the other language is no slug either";
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/zoom"), 2);
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/2024-08-29"), 3);
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/methodik"), 4);
  EXPECT_EQ(tag_of(router, "/en/video-conferencing/methodology"), 4);
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/methodology"), -1);
}

// Adding a page under /:lang/ after /:lang/:category: the word is not
// taken for a category.
TEST(Router, AFixedWordAddedLaterIsNotSwallowedByTheCategory) {
  for (bool word_first : {false, true}) {
    Router router;
    if (word_first) router.add(route(k_get, "/de/ueber", 7));
    router.add(route(k_get, "/:lang/:category", 1));
    if (!word_first) router.add(route(k_get, "/de/ueber", 7));
    EXPECT_EQ(tag_of(router, "/de/ueber"), 7) << word_first;
    EXPECT_EQ(tag_of(router, "/en/ueber"), 1) << word_first;
    EXPECT_EQ(tag_of(router, "/de/uebersicht"), 1) << word_first;
  }
}

TEST(Router, ParametersAreTyped) {
  Router router;
  router.add(route(k_get, "/:lang/:category/{methodology}/:version", 1));
  router.add(route(k_get, "/static/:asset", 2));
  router.add(route(k_get, "/x/:date/:service", 3));
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/methodik/v2"), 1);
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/methodik/v0"), -1);
  EXPECT_EQ(tag_of(router, "/de/videokonferenz/methodik/2"), -1);
  EXPECT_EQ(tag_of(router, "/static/site.0123.css"), 2);
  EXPECT_EQ(tag_of(router, "/static/"), -1);
  EXPECT_EQ(tag_of(router, "/x/2024-02-30/zoom"), -1) << "no such date";
  EXPECT_EQ(tag_of(router, "/x/2024-02-29/Zoom"), -1) << "no slug";
  const RouteMatch m = router.match("GET", "/x/2024-02-29/zoom");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.param("date"), "2024-02-29");
  EXPECT_EQ(m.param("service"), "zoom");
  EXPECT_EQ(m.param("category"), "");
  EXPECT_EQ(router.match("GET", "/de/videokonferenz/methodik/v2").lang, Lang::de);
}

TEST(Router, AKnownPathWithAnotherMethodNamesTheAllowedOnes) {
  Router router;
  router.add(route(k_get, "/edit", 1));
  router.add(route(k_post, "/edit/login", 2));
  router.add(route(k_get, "/edit/login", 3));
  router.add(route(k_post, "/:lang/{report}", 4));
  EXPECT_EQ(tag_of(router, "/edit", "HEAD"), 1) << "HEAD is answered as GET";
  EXPECT_EQ(tag_of(router, "/edit", "POST"), -2);
  EXPECT_EQ(router.match("POST", "/edit").allow, "GET, HEAD");
  EXPECT_EQ(tag_of(router, "/edit/login", "POST"), 2);
  EXPECT_EQ(tag_of(router, "/edit/login", "GET"), 3);
  EXPECT_EQ(router.match("DELETE", "/edit/login").allow, "GET, HEAD, POST");
  EXPECT_EQ(tag_of(router, "/de/melden", "GET"), -2);
  EXPECT_EQ(tag_of(router, "/en/report", "POST"), 4);
  EXPECT_EQ(tag_of(router, "/nowhere", "GET"), -1);
}

TEST(Router, TheRestPatternTakesWhatNoOtherDoes) {
  Router router;
  router.add(route(k_any, "/edit/*", 9));
  router.add(route(k_get, "/edit/drafts/:id", 1));
  EXPECT_EQ(tag_of(router, "/edit/drafts/12"), 1);
  EXPECT_EQ(tag_of(router, "/edit/drafts/12/x"), 9);
  EXPECT_EQ(tag_of(router, "/edit/", "PUT"), 9);
  EXPECT_EQ(tag_of(router, "/edit"), -1) << "* takes at least one segment";
  EXPECT_EQ(tag_of(router, "/editor/x"), -1);
  EXPECT_EQ(router.match("GET", "/edit/a/b").param("*"), "a/b");
}

TEST(Router, PatternsThatDoNotParseAreNamed) {
  Router router;
  router.add(route(k_get, "/:lang/{nonsense}", 1));
  router.add(route(k_get, "/x/{imprint}", 2));
  router.add(route(k_get, "/x/*/y", 3));
  router.add(route(k_get, "/x/:lang", 4));
  router.add(route(k_get, "no-slash", 5));
  ASSERT_EQ(router.problems().size(), 5u);
  EXPECT_NE(router.problems()[0].find("{nonsense}"), std::string::npos);
  EXPECT_EQ(tag_of(router, "/x/impressum"), -1);
}

TEST(Router, LanguageFromThePathThenAcceptLanguageWeights) {
  Request r;
  r.path = "/en/x";
  r.headers = {{"accept-language", "de"}};
  EXPECT_EQ(choose_language(r), Lang::en);
  r.path = "/";
  EXPECT_EQ(choose_language(r), Lang::de);
  r.headers = {{"accept-language", "de;q=0.4, en-GB;q=0.8"}};
  EXPECT_EQ(choose_language(r), Lang::en) << "the weight decides, not the order";
  r.headers = {{"accept-language", "fr, de;q=x"}};
  EXPECT_EQ(choose_language(r), Lang::de);
  r.headers = {{"accept-language", "EN"}};
  EXPECT_EQ(choose_language(r), Lang::en);
}

TEST(UrlWords, SlugsAreNeitherPathWordsNorDatesNorVersions) {
  EXPECT_TRUE(is_slug("videokonferenz"));
  EXPECT_TRUE(is_slug("e2ee"));
  for (const PathWordSpelling& w : k_path_words) {
    EXPECT_FALSE(is_slug(w.de)) << w.de;
    EXPECT_FALSE(is_slug(w.en)) << w.en;
    EXPECT_EQ(path_word_named(w.name), w.word);
    EXPECT_EQ(path_word(w.word, Lang::de), w.de);
  }
  EXPECT_FALSE(is_slug("2024-08-29"));
  EXPECT_FALSE(is_slug("v1"));
  EXPECT_TRUE(is_slug("v0"));
  EXPECT_FALSE(is_slug("Zoom"));
  EXPECT_FALSE(is_slug(""));
}

}  // namespace
}  // namespace privascore::web
