// The method on the site: hosting variants and robustness on the service
// page, the "depends on the host" marker, the personal-weights page (plain
// GET form, shareable URL, labelled as personal, clear errors), the
// literature-table section of the methodology page, and the personal and
// robustness API endpoints.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using test::bundled_catalogue;
using test::count;
using test::get;
using test::make_site;

class MethodPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { m_site = make_site(bundled_catalogue()); }
  Response fetch(const std::string& target) { return m_site->handle(get(target)); }
  std::shared_ptr<Site> m_site;
};

TEST_F(MethodPagesTest, TheServicePageShowsEveryHostingVariant) {
  const Response r = fetch("/en/video-conferencing/jitsi-meet");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Depends on the host"), std::string::npos);
  EXPECT_NE(r.body.find("Public instance meet.jit.si"), std::string::npos);
  EXPECT_NE(r.body.find("Operator: 8x8, Inc."), std::string::npos);
  EXPECT_NE(r.body.find("Self-hosted in the EU (standard installation)"), std::string::npos);
  EXPECT_NE(r.body.find("<strong>201</strong> / 270"), std::string::npos);
  EXPECT_NE(r.body.find("<strong>249</strong> / 270"), std::string::npos);
  // The headline stays the rated variant's 243.
  EXPECT_NE(r.body.find("<p class=\"result__number\"><strong>243</strong>"), std::string::npos);
  // A service without variants has no such section.
  EXPECT_EQ(fetch("/en/video-conferencing/zoom").body.find("Depends on the host"), std::string::npos);
}

TEST_F(MethodPagesTest, TheRankingMarksServicesThatDependOnTheHost) {
  const Response r = fetch("/de/videokonferenz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(count(r.body, "hängt vom Betreiber ab</a>"), 1);
  EXPECT_NE(r.body.find("/de/videokonferenz/persoenlich"), std::string::npos) << "link to the personal page";
}

TEST_F(MethodPagesTest, TheServicePageSaysHowRobustTheClassIs) {
  const Response stable = fetch("/en/video-conferencing/nextcloud-talk");
  ASSERT_EQ(stable.status, 200);
  EXPECT_NE(stable.body.find("How robust is this result?"), std::string::npos);
  EXPECT_NE(stable.body.find("<strong>Stable.</strong>"), std::string::npos);
  EXPECT_NE(stable.body.find("in 100.0\u00a0% of 10000 weightings"), std::string::npos);
  EXPECT_NE(stable.body.find("/en/video-conferencing/methodology#robustness"), std::string::npos);
  const Response de = fetch("/de/messenger/whatsapp");
  ASSERT_EQ(de.status, 200);
  EXPECT_NE(de.body.find("(grenzwertig)"), std::string::npos) << "borderline under the order model";
}

TEST_F(MethodPagesTest, PersonalPageWorksAsAPlainGetForm) {
  const Response r = fetch("/en/messengers/personal");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<form class=\"personal-form\" method=\"get\" action=\"/en/messengers/personal\""),
            std::string::npos);
  EXPECT_NE(r.body.find("<select id=\"w.e2e\" name=\"w.e2e\">"), std::string::npos);
  EXPECT_NE(r.body.find("Personal view:"), std::string::npos) << "labelled as personal";
  EXPECT_NE(r.body.find("equals the official one"), std::string::npos);
  // The script is a static file (CSP script-src 'self'), never inline.
  EXPECT_NE(r.body.find("<script src=\"/static/personal."), std::string::npos);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_EQ(r.header("cache-control"), "no-cache");
}

TEST_F(MethodPagesTest, PersonalWeightsChangeTheRankingAndTheUrlIsShareable) {
  // Without end-to-end encryption counting, Discord's knock-out no longer applies.
  const Response r = fetch("/en/messengers/personal?w.e2e=ignore&w.anonymous=more");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("href=\"/en/messengers/personal?w.e2e=ignore&amp;w.anonymous=more\""), std::string::npos);
  EXPECT_EQ(r.body.find("equals the official one"), std::string::npos);
  EXPECT_NE(r.body.find("<option value=\"ignore\" selected>"), std::string::npos);
  // Different weights, different page: nothing is served from a cache keyed without the query.
  EXPECT_NE(fetch("/en/messengers/personal").body, r.body);
}

TEST_F(MethodPagesTest, PersonalPageErrorsAreClear) {
  const Response unknown = fetch("/en/messengers/personal?w.e2ee=more");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body.find("did you mean `w.e2e`?"), std::string::npos);
  const Response all = fetch(
      "/en/messengers/"
      "personal?w.e2e=ignore&w.server-location=ignore&w.metadata=ignore&w.anonymous=ignore&w.open-source="
      "ignore&w.contact-verification=ignore&w.decentralised=ignore&w.business-model=ignore");
  EXPECT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("Every feature is set to ignore"), std::string::npos);
}

TEST_F(MethodPagesTest, TheStaticScriptIsServed) {
  const Response page = fetch("/en/messengers/personal");
  const std::size_t at = page.body.find("<script src=\"");
  ASSERT_NE(at, std::string::npos);
  const std::size_t end = page.body.find('"', at + 13);
  const Response js = fetch(page.body.substr(at + 13, end - at - 13));
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.body.find("personal-result"), std::string::npos);
}

TEST_F(MethodPagesTest, MethodologyPageSaysTheDerivationIsNotPublishedAndExplainsRobustness) {
  const Response r = fetch("/en/video-conferencing/methodology");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("The literature table for this category has not been published"), std::string::npos);
  EXPECT_NE(r.body.find("id=\"robustness\""), std::string::npos);
}

TEST_F(MethodPagesTest, PersonalApiAcceptsTheSameParameters) {
  const Response r = fetch("/api/v1/categories/messengers/personal?w.e2e=more&w.anonymous=ignore");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["personal"], true);
  EXPECT_EQ(doc["query"], "w.e2e=more&w.anonymous=ignore");
  EXPECT_EQ(doc["weights"][0]["importance"], "more");
  EXPECT_EQ(doc["weights"][0]["personal_weight"], 48.0);
  const Response published = fetch("/api/v1/categories/messengers/personal");
  const auto same = nlohmann::json::parse(published.body);
  for (const auto& s : same["services"]) {
    EXPECT_EQ(s["personal_points"], s["official_points"].get<double>());
    EXPECT_EQ(s["personal_class"], s["official_class"]);
  }
  EXPECT_EQ(fetch("/api/v1/categories/messengers/personal?w.e2e=lots").status, 400);
  EXPECT_EQ(fetch("/api/v1/categories/messengers/personal?x=1").status, 400);
  const Response none = fetch(
      "/api/v1/categories/video-conferencing/personal?w.server-location=ignore&w.e2e=ignore&w.metadata=ignore&w."
      "recording-consent=ignore&w.transparency=ignore&w.open-source=ignore&w.anonymous=ignore");
  EXPECT_EQ(none.status, 400);
  EXPECT_NE(none.body.find("every feature is set to ignore"), std::string::npos);
}

TEST_F(MethodPagesTest, RobustnessApiMatchesTheCommandLineDefaults) {
  const Response r = fetch("/api/v1/categories/messengers/robustness?model=order");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["samples"], 10000);
  EXPECT_EQ(doc["seed"], 1);
  EXPECT_EQ(doc["model"], "order");
  EXPECT_EQ(fetch("/api/v1/categories/messengers/robustness?model=wild").status, 400);
}

}  // namespace
}  // namespace privascore::web
