#include "web/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"
#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using nlohmann::json;
using test::bundled_catalogue;
using test::get;
using test::make_site;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override { m_site = make_site(bundled_catalogue()); }
  Response fetch(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return m_site->handle(get(target, std::move(headers)));
  }
  json fetch_json(const std::string& target, int status = 200) {
    const Response r = fetch(target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8") << target;
    EXPECT_EQ(r.header("access-control-allow-origin"), "*") << target;
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << target;
    return j;
  }
  std::shared_ptr<Site> m_site;
};

TEST_F(ApiTest, ScoresEqualTheCommandLineDocument) {
  for (const char* lang : {"de", "en"}) {
    for (const char* edition : {"latest", "2024-08-29"}) {
      SCOPED_TRACE(std::string(lang) + " " + edition);
      const auto cli = privascore::test::run_privascore(
          {"score", "--category", "video-conferencing", "--edition", edition, "--format", "json", "--lang", lang});
      ASSERT_EQ(cli.exit_code, 0) << cli.err;
      const Response api =
          fetch(std::string("/api/v1/categories/video-conferencing/scores?edition=") + edition + "&lang=" + lang);
      ASSERT_EQ(api.status, 200);
      EXPECT_EQ(api.body, cli.out);
    }
  }
  // Without parameters: the latest edition in English, as the CLI with LANG=C.
  const auto cli = privascore::test::run_privascore({"score", "--category", "messengers", "--format", "json"});
  EXPECT_EQ(fetch("/api/v1/categories/messengers/scores").body, cli.out);
}

TEST_F(ApiTest, ServiceAndDiffEqualTheCommandLineDocuments) {
  const auto explain = privascore::test::run_privascore(
      {"explain", "zoom", "--category", "video-conferencing", "--format", "json", "--lang", "de"});
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_EQ(fetch("/api/v1/categories/video-conferencing/services/zoom?lang=de").body, explain.out);
  const auto diff = privascore::test::run_privascore(
      {"diff", "--category", "video-conferencing", "2024-08-29", "2024-10-29", "--format", "json"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_EQ(fetch("/api/v1/categories/video-conferencing/diff?from=2024-08-29&to=2024-10-29").body, diff.out);
}

TEST_F(ApiTest, CategoriesListsEveryCategoryWithLinks) {
  const json j = fetch_json("/api/v1/categories");
  ASSERT_EQ(j["categories"].size(), 8u);
  const json& vc = j["categories"][6];  // sorted by id
  EXPECT_EQ(vc["id"], "video-conferencing");
  EXPECT_EQ(vc["name"], "Video conferencing services");
  EXPECT_EQ(vc["slug"]["de"], "videokonferenz");
  EXPECT_EQ(vc["latest_edition"], "2024-10-29");
  EXPECT_EQ(vc["max_points"], 270);
  EXPECT_EQ(vc["links"]["scores"], "/api/v1/categories/video-conferencing/scores?edition=latest");
  EXPECT_EQ(fetch_json("/api/v1/categories?lang=de")["categories"][6]["name"], "Videokonferenz-Dienste");
}

TEST_F(ApiTest, CategoryAndEditions) {
  const json c = fetch_json("/api/v1/categories/video-conferencing?lang=de");
  EXPECT_EQ(c["methodology"]["max_points"], 270);
  EXPECT_EQ(c["methodology"]["weight_sum"], 90);
  EXPECT_EQ(c["methodology"]["features"].size(), 7u);
  EXPECT_EQ(c["methodology"]["classes"][0]["lower"]["inclusive"], false);
  EXPECT_EQ(c["editions"], json::array({"2024-08-29", "2024-10-29"}));
  const json e = fetch_json("/api/v1/categories/messengers/editions");
  ASSERT_EQ(e["editions"].size(), 2u);
  EXPECT_EQ(e["editions"][1]["methodology"], 2);
  EXPECT_EQ(e["editions"][1]["max_points"], 324);
}

TEST_F(ApiTest, ServiceDocumentHasEvidence) {
  const json s = fetch_json("/api/v1/categories/video-conferencing/services/zoom?edition=2024-10-29");
  EXPECT_EQ(s["points"], 90);
  EXPECT_EQ(s["class"], "red");
  EXPECT_FALSE(s["features"][0]["evidence"].empty());
}

TEST_F(ApiTest, DiffDefaultsToThePreviousEdition) {
  const json d = fetch_json("/api/v1/categories/video-conferencing/diff");
  EXPECT_EQ(d["from"]["edition"], "2024-08-29");
  EXPECT_EQ(d["to"]["edition"], "2024-10-29");
  EXPECT_EQ(d["joined"], json::array({"opentalk"}));
  const json first = fetch_json("/api/v1/categories/video-conferencing/diff?to=2024-08-29", 400);
  EXPECT_NE(first["error"].get<std::string>().find("no earlier edition"), std::string::npos);
}

TEST_F(ApiTest, ErrorsAreJsonWith400Or404) {
  struct Case {
    const char* target;
    int status;
    const char* error;
  };
  const Case cases[] = {
      {"/api/v1/categories/nope", 404, "unknown category `nope`"},
      {"/api/v1/categories/nope/scores", 404, "unknown category `nope`"},
      {"/api/v1/categories/video-conferencing/scores?edition=2020-01-01", 404, "has no edition 2020-01-01"},
      {"/api/v1/categories/video-conferencing/scores?edition=yesterday", 400, "`edition` must be latest or a date"},
      {"/api/v1/categories/video-conferencing/scores?lang=fr", 400, "unknown language `fr`"},
      {"/api/v1/categories/video-conferencing/scores?colour=red", 400, "unknown parameter `colour`"},
      {"/api/v1/categories/video-conferencing/scores?edition=%zz", 400,
       "malformed percent-escape in query parameter `edition=%zz`"},
      {"/api/v1/categories/video-conferencing/services/nope", 404, "has no service `nope`"},
      {"/api/v1/categories/video-conferencing/diff?from=2031-01-01", 404, "has no edition 2031-01-01"},
      {"/api/v1/categories/video-conferencing/editions?x=1", 400, "unknown parameter `x`"},
      {"/api/v1/nothing", 404, "no API endpoint"},
      {"/api/v2/categories", 404, "no API endpoint"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    const json j = fetch_json(c.target, c.status);
    ASSERT_TRUE(j.contains("error"));
    EXPECT_NE(j["error"].get<std::string>().find(c.error), std::string::npos) << j["error"];
    EXPECT_TRUE(j.contains("hint"));
  }
}

TEST_F(ApiTest, CachingHeaders) {
  const Response r = fetch("/api/v1/categories/video-conferencing/scores?edition=latest");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=60");
  const std::string etag = r.header("etag");
  ASSERT_FALSE(etag.empty());
  const Response again =
      fetch("/api/v1/categories/video-conferencing/scores?edition=latest", {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("access-control-allow-origin"), "*");
  // Errors are not cached.
  EXPECT_EQ(fetch("/api/v1/categories/nope").header("cache-control"), "no-store");
}

}  // namespace
}  // namespace privascore::web
