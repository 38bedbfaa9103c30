// The API's query strings: decoded and checked once, 400s that name the
// parameter, and a cache whose keys cannot be multiplied by spelling.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "web/query.h"
#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using nlohmann::json;
using test::bundled_catalogue;
using test::get;
using test::make_site;

TEST(CheckedQuery, DecodesOnceAndRefusesWhatIsAmbiguousNamingTheParameter) {
  const QuerySpec spec{{"edition", "lang"}, {"w."}};
  auto q = parse_query_checked("lang=%65n&&edition=latest&w.e2e=more", spec);
  ASSERT_TRUE(q.has_value()) << q.error().message;
  EXPECT_EQ(q->get("lang"), "en");
  EXPECT_EQ(q->canonical(), "edition=latest&lang=en&w.e2e=more");

  struct Case {
    const char* raw;
    const char* parameter;
    const char* message;
  };
  for (const Case& c : std::vector<Case>{
           {"lang=en&lang=en", "lang", "parameter `lang` is given more than once"},
           {"lang=%ff", "lang", "query parameter `lang=%ff` is not valid UTF-8 after percent-decoding"},
           {"%ff=1", "%ff", "query parameter `%ff=1` is not valid UTF-8 after percent-decoding"},
           {"lang=%ed%a0%80", "lang", "query parameter `lang=%ed%a0%80` is not valid UTF-8 after percent-decoding"},
           {"lang=\xff", "lang", "query parameter `lang=%FF` is not valid UTF-8 after percent-decoding"},
           {"lang=%zz", "lang", "malformed percent-escape in query parameter `lang=%zz`"},
           {"colour=red", "colour", "unknown parameter `colour`"},
           {"w.=1", "w.", "unknown parameter `w.`"},
       }) {
    auto refused = parse_query_checked(c.raw, spec);
    ASSERT_FALSE(refused.has_value()) << c.raw;
    EXPECT_EQ(refused.error().parameter, c.parameter) << c.raw;
    EXPECT_EQ(refused.error().message, c.message) << c.raw;
    EXPECT_FALSE(refused.error().hint.empty()) << c.raw;
  }
  std::string many;
  for (std::size_t i = 0; i <= k_max_query_params; ++i) many += "w.f" + std::to_string(i) + "=1&";
  EXPECT_FALSE(parse_query_checked(many, spec).has_value());
  EXPECT_EQ(parse_query_checked("a=1", QuerySpec{}).error().hint, "this endpoint takes no parameters");
}

TEST(CheckedQuery, TheLenientParserRefusesInvalidUtf8Too) {
  EXPECT_FALSE(parse_query("lang=%ff").has_value());
  EXPECT_FALSE(parse_query("%c3%28=1").has_value());
  EXPECT_EQ(parse_query("a=1&a=2")->params.size(), 2u);
}

TEST(CheckedQuery, CanonicalFormIsOneSpellingPerMeaning) {
  for (const char* raw : {"lang=en&edition=latest", "edition=latest&lang=en", "&edition=lates%74&&lang=%65%6E",
                          "edition=latest&lang=e%6e"})
    EXPECT_EQ(canonical_query(raw), "edition=latest&lang=en") << raw;
  EXPECT_EQ(canonical_query("q=a+b%2F%C3%BC"), "q=a%20b%2F%C3%BC");
  EXPECT_EQ(canonical_query("bad=%zz"), "bad=%zz");
}

// Invalid UTF-8 used to reach the JSON writer and give a 500 on every
// endpoint; now each is a 400 with a JSON error naming the parameter.
TEST(ApiQuery, InvalidUtf8IsA400NamingTheParameterOnEveryEndpoint) {
  auto site = make_site(bundled_catalogue());
  const std::string base = "/api/v1/categories";
  for (const std::string& target : {
           base + "?lang=%ff",
           base + "?%ff=1",
           base + "/video-conferencing?lang=%c3%28",
           base + "/video-conferencing/editions?lang=%ff",
           base + "/video-conferencing/scores?edition=%ff",
           base + "/video-conferencing/diff?from=%c3%28",
           base + "/video-conferencing/personal?w.%ff=1",
           base + "/video-conferencing/robustness?model=%ff",
           base + "/video-conferencing/services/zoom?lang=%ed%a0%80",
       }) {
    const Response r = site->handle(get(target));
    EXPECT_EQ(r.status, 400) << target << "\n" << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8") << target;
    const json j = json::parse(r.body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << target;
    EXPECT_NE(j.value("error", "").find("not valid UTF-8"), std::string::npos) << target << "\n" << r.body;
    EXPECT_NE(j.value("hint", ""), "") << target;
  }
}

TEST(ApiQuery, RepeatedAndUnknownParametersAreRefused) {
  auto site = make_site(bundled_catalogue());
  Response r = site->handle(get("/api/v1/categories?lang=en&lang=en"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("parameter `lang` is given more than once"), std::string::npos) << r.body;
  r = site->handle(get("/api/v1/categories/video-conferencing/personal?w.e2e=more&w.e2e=less"));
  EXPECT_EQ(r.status, 400);
  r = site->handle(get("/api/v1/categories/video-conferencing/scores?edition=latest&x=1"));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("unknown parameter `x`"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("parameters here: edition, lang"), std::string::npos) << r.body;
}

// The flood of issue 18: repeated and percent-encoded spellings of one
// query each made a cache entry. Now every spelling of one meaning shares
// one entry and a refused query makes none.
TEST(ApiQuery, SpellingsOfOneQueryShareOneCacheEntryAndRefusedOnesMakeNone) {
  auto site = make_site(bundled_catalogue());
  const std::string scores = "/api/v1/categories/video-conferencing/scores";
  const Response first = site->handle(get(scores + "?edition=latest&lang=en"));
  ASSERT_EQ(first.status, 200);
  const std::size_t after_first = site->cached_responses();
  ASSERT_GE(after_first, 1u);

  int answered = 0;
  const char* hex = "0123456789ABCDEF";
  for (int i = 0; i < 5000; ++i) {
    std::string target;
    switch (i % 4) {
      case 0: {  // a different percent-encoding of the same two values
        std::string edition = "latest";
        std::string spelled;
        for (std::size_t k = 0; k < edition.size(); ++k) {
          if ((i >> k) & 1) {
            const auto byte = static_cast<unsigned char>(edition[k]);
            spelled += '%';
            spelled += hex[byte >> 4];
            spelled += hex[byte & 0xF];
          } else {
            spelled += edition[k];
          }
        }
        target = scores + "?lang=" + ((i >> 3) & 1 ? "%65n" : "en") + "&edition=" + spelled;
        break;
      }
      case 1:
        target = scores + "?" + std::string(static_cast<std::size_t>(i % 50 + 1), '&') + "lang=en&edition=latest";
        break;
      case 2: {  // repeated parameters
        target = scores + "?";
        for (int k = 0; k <= i % 40 + 1; ++k) target += "lang=en&";
        break;
      }
      default: target = scores + "?lang=en&edition=latest&x" + std::to_string(i) + "=1"; break;
    }
    const Response r = site->handle(get(target));
    if (r.status == 200) {
      ++answered;
      EXPECT_EQ(r.header("etag"), first.header("etag")) << target;
    } else {
      EXPECT_EQ(r.status, 400) << target;
    }
  }
  EXPECT_EQ(answered, 2500);
  EXPECT_EQ(site->cached_responses(), after_first);
}

}  // namespace
}  // namespace privascore::web
