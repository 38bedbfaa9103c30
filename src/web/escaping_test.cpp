// Hostile data must never become markup: every text from the data is
// escaped, and only http(s) URLs are ever linked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using test::bundled_catalogue;
using test::get;
using test::make_site;

const char* const k_script = "<script>alert(1)</script>";
const char* const k_attr = "\"><img src=x onerror=alert(1)>";
const char* const k_js_url = "javascript:alert(1)";

std::shared_ptr<const Catalogue> hostile_catalogue() {
  auto catalogue = std::make_shared<Catalogue>(*bundled_catalogue());
  for (Category& c : catalogue->categories) {
    if (c.id != "video-conferencing") continue;
    for (auto& [version, m] : c.methodologies) {
      m.features[0].name.de = std::string("Serverstandort ") + k_script;
      m.features[0].explanation.de = k_attr;
      m.standards[0].reason.de = k_script;
      m.provenance_note.de = k_script;
      if (m.hosting_note) m.hosting_note->de = k_attr;
    }
    for (Edition& e : c.editions) {
      e.summary.de = std::string("Zusammenfassung ") + k_script;
      e.source = k_js_url;
      e.title.de = k_attr;
      for (EditionNote& n : e.notes) {
        n.text.de = k_script;
        n.reason.de = k_attr;
      }
      for (Assessment& a : e.assessments) {
        if (a.id != "zoom") continue;
        a.name = std::string("Zoom ") + k_script;
        a.vendor = k_attr;
        a.website = k_js_url;
        a.repository = "JavaScript:alert(2)";
        a.note = Text{k_script, k_script};
        for (Rating& r : a.ratings) {
          r.justification.de = std::string(k_attr) + "\n\n" + k_script;
          for (Evidence& ev : r.evidence) {
            ev.url = k_js_url;
            ev.title = k_script;
            ev.quote = std::string("</blockquote>") + k_script;
          }
          Evidence data_url;
          data_url.url = "data:text/html,<script>alert(3)</script>";
          data_url.title = "data";
          r.evidence.push_back(data_url);
          Evidence spaced;
          spaced.url = "https://example.org/a b\"onmouseover=\"alert(4)";
          spaced.title = "spaced";
          r.evidence.push_back(spaced);
        }
      }
    }
  }
  return catalogue;
}

void expect_no_markup_from_data(const std::string& body, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(body.find("<script"), std::string::npos);
  EXPECT_EQ(body.find("<img"), std::string::npos);
  EXPECT_EQ(body.find("</blockquote><script"), std::string::npos);
  EXPECT_FALSE(std::regex_search(body, std::regex("href=\"\\s*(javascript|data|vbscript):", std::regex::icase)));
  EXPECT_FALSE(std::regex_search(body, std::regex(" on[a-z]+=\"")));
}

TEST(EscapingTest, HostileTextsAreEscapedOnEveryPage) {
  auto site = make_site(hostile_catalogue());
  const char* pages[] = {"/de/",
                         "/de/videokonferenz",
                         "/de/videokonferenz/2024-08-29",
                         "/de/videokonferenz/zoom",
                         "/de/videokonferenz/2024-08-29/zoom",
                         "/de/videokonferenz/methodik",
                         "/de/videokonferenz/aenderungen"};
  for (const char* page : pages) {
    const Response r = site->handle(get(page));
    ASSERT_EQ(r.status, 200) << page;
    expect_no_markup_from_data(r.body, page);
  }
  const Response service = site->handle(get("/de/videokonferenz/zoom"));
  EXPECT_NE(service.body.find("Zoom &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(service.body.find("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  // Unsafe URLs are shown as text, not linked.
  EXPECT_NE(service.body.find("(javascript:alert(1))"), std::string::npos);
  EXPECT_NE(service.body.find("(data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;)"), std::string::npos);
  EXPECT_EQ(service.body.find("href=\"https://example.org/a b"), std::string::npos);
  const Response category = site->handle(get("/de/videokonferenz"));
  EXPECT_NE(category.body.find("Zusammenfassung &lt;script&gt;"), std::string::npos);
  EXPECT_NE(category.body.find("<title>Videokonferenz-Dienste – PRIVA SCORE</title>"), std::string::npos);
}

TEST(EscapingTest, HostileTextsStayDataInTheApi) {
  auto site = make_site(hostile_catalogue());
  const Response r = site->handle(get("/api/v1/categories/video-conferencing/services/zoom?lang=de"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  const auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["name"], std::string("Zoom ") + k_script) << "the API returns the data as it is";
}

TEST(EscapingTest, HostilePathsAreEscapedIn404Pages) {
  auto site = make_site(bundled_catalogue());
  const Response r = site->handle(get("/de/videokonferenz/%3Cscript%3Ealert(1)%3C%2Fscript%3E"));
  EXPECT_EQ(r.status, 404);
  expect_no_markup_from_data(r.body, "404");
  const Response api = site->handle(get("/api/v1/categories/%3Cscript%3E"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/json; charset=utf-8");
}

}  // namespace
}  // namespace privascore::web
