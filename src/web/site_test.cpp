#include "web/site.h"

#include <gtest/gtest.h>

#include <regex>

#include "web/site_test_support.h"

namespace privascore::web {
namespace {

using test::bundled_catalogue;
using test::count;
using test::get;
using test::make_site;

class SiteTest : public ::testing::Test {
 protected:
  void SetUp() override { m_site = make_site(bundled_catalogue()); }
  Response fetch(const std::string& target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    return m_site->handle(get(target, std::move(headers)));
  }
  std::shared_ptr<Site> m_site;
};

struct PagePair {
  const char* de;
  const char* en;
};

// Every page of the site in both languages.
const PagePair k_pages[] = {
    {"/de/", "/en/"},
    {"/de/videokonferenz", "/en/video-conferencing"},
    {"/de/videokonferenz/2024-08-29", "/en/video-conferencing/2024-08-29"},
    {"/de/videokonferenz/2024-10-29", "/en/video-conferencing/2024-10-29"},
    {"/de/videokonferenz/zoom", "/en/video-conferencing/zoom"},
    {"/de/videokonferenz/nextcloud-talk", "/en/video-conferencing/nextcloud-talk"},
    {"/de/videokonferenz/2024-08-29/jitsi-meet", "/en/video-conferencing/2024-08-29/jitsi-meet"},
    {"/de/videokonferenz/methodik", "/en/video-conferencing/methodology"},
    {"/de/videokonferenz/methodik/v1", "/en/video-conferencing/methodology/v1"},
    {"/de/videokonferenz/aenderungen", "/en/video-conferencing/changelog"},
    {"/de/messenger", "/en/messengers"},
    {"/de/messenger/signal", "/en/messengers/signal"},
    {"/de/messenger/methodik/v1", "/en/messengers/methodology/v1"},
    {"/de/messenger/aenderungen", "/en/messengers/changelog"},
    {"/de/impressum", "/en/imprint"},
    {"/de/datenschutz", "/en/privacy"},
};

TEST_F(SiteTest, EveryPageAnswersInBothLanguagesWithLangAttributeAndSwitch) {
  for (const auto& page : k_pages) {
    for (int i = 0; i < 2; ++i) {
      const std::string self = i == 0 ? page.de : page.en;
      const std::string other = i == 0 ? page.en : page.de;
      const Response r = fetch(self);
      SCOPED_TRACE(self);
      ASSERT_EQ(r.status, 200) << r.body.substr(0, 400);
      EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
      EXPECT_NE(r.body.find(std::string("<html lang=\"") + (i == 0 ? "de" : "en") + "\">"), std::string::npos);
      EXPECT_NE(r.body.find("class=\"lang-switch\" href=\"" + other + "\""), std::string::npos)
          << "language switch to " << other;
      EXPECT_NE(r.body.find("<main id=\"main\""), std::string::npos);
      EXPECT_NE(r.body.find("href=\"#main\""), std::string::npos) << "skip link";
      // The other language's page exists too.
      EXPECT_EQ(fetch(other).status, 200);
    }
  }
}

TEST_F(SiteTest, CategoryPageHasTheSeedAnchorsAndComputedFigures) {
  const Response r = fetch("/de/videokonferenz");
  ASSERT_EQ(r.status, 200);
  for (const char* anchor :
       {"serverstandort", "e2e", "metadaten", "aufzeichnung", "transparenz", "opensource", "anonym"}) {
    EXPECT_EQ(count(r.body, std::string("id=\"") + anchor + "\""), 1) << anchor;
    EXPECT_NE(r.body.find(std::string("href=\"#") + anchor + "\""), std::string::npos) << anchor;
  }
  // The maximum and how it arises, computed from the methodology.
  EXPECT_NE(r.body.find(">270<"), std::string::npos);
  EXPECT_NE(r.body.find("7 Datenschutzfunktionen, Gewichtssumme 90, × 3 Punkte für „gut“ = 270 Punkte"),
            std::string::npos);
  // The ranking: caption, header cells with scope, the published totals.
  EXPECT_NE(r.body.find("<caption id=\"ranking-caption\">"), std::string::npos);
  EXPECT_GE(count(r.body, "<th scope=\"col\""), 11);
  EXPECT_EQ(count(r.body, "<th scope=\"row\" class=\"ranking__service\">"), 9);
  for (const char* points : {"<strong>249</strong>", "<strong>243</strong>", "<strong>228</strong>",
                             "<strong>225</strong>", "<strong>209</strong>", "<strong>90</strong>"}) {
    EXPECT_NE(r.body.find(points), std::string::npos) << points;
  }
  // Levels as text and symbol, not colour alone.
  EXPECT_NE(
      r.body.find("<span class=\"cell__symbol\" aria-hidden=\"true\">●</span> <span class=\"cell__label\">gut</span>"),
      std::string::npos);
  EXPECT_NE(r.body.find("class-badge__label\">empfehlenswert<"), std::string::npos);
  // Standards not scored, hosting note, earlier editions.
  EXPECT_NE(r.body.find("Rollenkonzepte"), std::string::npos);
  EXPECT_NE(r.body.find("Wer hostet, entscheidet mit"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"/de/videokonferenz/2024-08-29\""), std::string::npos);
  // Unverified marks are visible.
  EXPECT_NE(r.body.find("unverified-mark"), std::string::npos);
}

TEST_F(SiteTest, ServicePageShowsEvidenceHistoryAndExplanation) {
  const Response r = fetch("/en/video-conferencing/jitsi-meet");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("243 of 270 points"), std::string::npos);
  EXPECT_NE(r.body.find("Rank 2 of 9"), std::string::npos);
  EXPECT_NE(
      fetch("/en/video-conferencing/zoom")
          .body.find(
              "<blockquote class=\"evidence__quote\"><p>zoom apparently has no European servers</p></blockquote>"),
      std::string::npos);
  EXPECT_NE(r.body.find("rel=\"noopener noreferrer\""), std::string::npos);
  // The history across both editions: 222 then 243 (+21).
  EXPECT_NE(r.body.find("<strong>222</strong> / 270"), std::string::npos);
  EXPECT_NE(r.body.find("+21"), std::string::npos);
  // Points earned and lost add up to the maximum.
  EXPECT_NE(r.body.find("<td class=\"num\"><strong>243</strong></td>"), std::string::npos);
  EXPECT_NE(r.body.find("\u221227"), std::string::npos);
  // Sourced / unverified status per feature.
  EXPECT_NE(r.body.find("status--"), std::string::npos);
}

TEST_F(SiteTest, MethodologyPageExplainsBoundsAndProvenance) {
  const Response r = fetch("/de/videokonferenz/methodik");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("mehr als 200 Punkte – also 201 bis 270 Punkte"), std::string::npos);
  EXPECT_NE(r.body.find("100 bis 200 Punkte, beide Grenzen eingeschlossen"), std::string::npos);
  EXPECT_NE(r.body.find("weniger als 100 Punkte – also 90 bis 99 Punkte"), std::string::npos);
  EXPECT_NE(r.body.find("Gewichte rekonstruiert"), std::string::npos);
  EXPECT_NE(r.body.find("nicht die offizielle Tabelle"), std::string::npos);
  EXPECT_NE(r.body.find("keine K.O.-Kriterien"), std::string::npos);
  const Response messengers = fetch("/en/messengers/methodology");
  ASSERT_EQ(messengers.status, 200);
  EXPECT_NE(messengers.body.find("Weight of “Centralised / decentralised”: 11 → 9"), std::string::npos)
      << "methodology changes between versions";
}

TEST_F(SiteTest, ChangelogShowsComputedDiff) {
  const Response r = fetch("/en/video-conferencing/changelog");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Compared with the edition of 29 August 2024"), std::string::npos);
  EXPECT_NE(r.body.find("222 → 243"), std::string::npos);
  EXPECT_NE(r.body.find("OpenTalk"), std::string::npos);
  EXPECT_NE(r.body.find("First edition, with"), std::string::npos);
}

TEST_F(SiteTest, RootRedirectsByAcceptLanguage) {
  Response r = fetch("/");
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("location"), "/de/");
  EXPECT_EQ(r.header("vary"), "Accept-Language");
  r = fetch("/", {{"accept-language", "en-GB,en;q=0.9,de;q=0.5"}});
  EXPECT_EQ(r.header("location"), "/en/");
  r = fetch("/", {{"accept-language", "fr-FR, de;q=0.3, en;q=0.7"}});
  EXPECT_EQ(r.header("location"), "/en/");
  r = fetch("/", {{"accept-language", "fr"}});
  EXPECT_EQ(r.header("location"), "/de/");
  r = fetch("/", {{"accept-language", "en;q=garbage, de"}});
  EXPECT_EQ(r.header("location"), "/de/");
}

TEST_F(SiteTest, CanonicalRedirects) {
  EXPECT_EQ(fetch("/de").header("location"), "/de/");
  EXPECT_EQ(fetch("/de/videokonferenz/").header("location"), "/de/videokonferenz");
  Response r = fetch("/de/video-conferencing");
  EXPECT_EQ(r.status, 301);
  EXPECT_EQ(r.header("location"), "/de/videokonferenz");
  r = fetch("/en/videokonferenz/zoom");
  EXPECT_EQ(r.header("location"), "/en/video-conferencing/zoom");
  r = fetch("/de/messengers/methodik");
  EXPECT_EQ(r.header("location"), "/de/messenger/methodik");
}

TEST_F(SiteTest, UnknownThingsAre404InTheReadersLanguage) {
  for (const char* path : {"/de/videokonferenz/no-such-service", "/de/no-such-category",
                           "/de/videokonferenz/2020-01-01", "/de/videokonferenz/2020-01-01/zoom",
                           "/de/videokonferenz/2024-08-29/opentalk", "/de/videokonferenz/methodik/v9",
                           "/de/videokonferenz/zoom/extra", "/nowhere", "/static/nothing.css", "/de//videokonferenz"}) {
    SCOPED_TRACE(path);
    const Response r = fetch(path);
    EXPECT_EQ(r.status, 404);
    EXPECT_NE(r.body.find("<html lang=\"de\">"), std::string::npos);
    EXPECT_NE(r.body.find("Seite nicht gefunden"), std::string::npos);
  }
  Response r = fetch("/en/video-conferencing/no-such-service");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(r.body.find("Page not found"), std::string::npos);
  r = fetch("/nowhere", {{"accept-language", "en"}});
  EXPECT_NE(r.body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(SiteTest, ServiceThatLeftRedirectsToItsLastEdition) {
  // Every service of 2024-08-29 is still in 2024-10-29, so build a case:
  // a catalogue whose latest edition lacks zoom.
  auto catalogue = std::make_shared<Catalogue>(*bundled_catalogue());
  for (auto& c : catalogue->categories) {
    if (c.id != "video-conferencing") continue;
    Edition& latest = c.editions.back();
    std::erase_if(latest.assessments, [](const Assessment& a) { return a.id == "zoom"; });
    std::erase(latest.services, "zoom");
  }
  m_site->set_catalogue(catalogue);
  const Response r = fetch("/de/videokonferenz/zoom");
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("location"), "/de/videokonferenz/2024-08-29/zoom");
  const Response old = fetch("/de/videokonferenz/2024-08-29/zoom");
  EXPECT_EQ(old.status, 200);
  EXPECT_NE(old.body.find("nicht mehr enthalten"), std::string::npos);
}

TEST_F(SiteTest, SecurityHeadersAndNoCookieOnEveryResponse) {
  std::vector<Response> responses;
  for (const char* path : {"/", "/de/", "/de", "/de/videokonferenz", "/nowhere", "/api/v1/categories",
                           "/api/v1/categories/nope", "/api/v1/nothing", "/favicon.ico"}) {
    responses.push_back(fetch(path));
  }
  responses.push_back(m_site->handle(test::request("POST", "/de/")));
  responses.push_back(m_site->handle(test::request("DELETE", "/api/v1/categories")));
  responses.push_back(m_site->handle(test::request("OPTIONS", "/api/v1/categories")));
  const Response first = fetch("/en/");
  responses.push_back(fetch("/en/", {{"if-none-match", first.header("etag")}}));
  for (const Response& r : responses) {
    SCOPED_TRACE(r.status);
    EXPECT_EQ(r.header("content-security-policy"),
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; "
              "form-action 'self'; frame-ancestors 'none'");
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.header("referrer-policy"), "same-origin");
    EXPECT_EQ(r.header("permissions-policy"), "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    EXPECT_EQ(r.header("cross-origin-opener-policy"), "same-origin");
    for (const auto& [name, value] : r.headers) EXPECT_NE(name, "set-cookie");
  }
}

TEST_F(SiteTest, NoInlineScriptOrStyleAndNothingFromOtherOrigins) {
  for (const auto& page : k_pages) {
    for (const char* path : {page.de, page.en}) {
      const Response r = fetch(path);
      SCOPED_TRACE(path);
      EXPECT_EQ(r.body.find("<script"), std::string::npos);
      EXPECT_EQ(r.body.find("<style"), std::string::npos);
      EXPECT_EQ(r.body.find(" style="), std::string::npos);
      EXPECT_FALSE(std::regex_search(r.body, std::regex(" on[a-z]+=")));
      EXPECT_EQ(r.body.find("src=\"http"), std::string::npos);
      EXPECT_EQ(r.body.find("<link rel=\"stylesheet\" href=\"http"), std::string::npos);
      EXPECT_EQ(r.body.find("//fonts."), std::string::npos);
    }
  }
}

TEST_F(SiteTest, EtagAndNotModified) {
  const Response r = fetch("/de/videokonferenz");
  const std::string etag = r.header("etag");
  ASSERT_EQ(etag.size(), 18u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(fetch("/de/videokonferenz").header("etag"), etag) << "stable";
  Response again = fetch("/de/videokonferenz", {{"if-none-match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  again = fetch("/de/videokonferenz", {{"if-none-match", "\"other\", " + etag}});
  EXPECT_EQ(again.status, 304);
  again = fetch("/de/videokonferenz", {{"if-none-match", "W/" + etag}});
  EXPECT_EQ(again.status, 304);
  again = fetch("/de/videokonferenz", {{"if-none-match", "\"0000000000000000\""}});
  EXPECT_EQ(again.status, 200);
  EXPECT_NE(fetch("/en/video-conferencing").header("etag"), etag);
}

// The HTTP server sends Response::content(); it gets the cached body itself
// instead of a copy. Everyone else gets the body in Response::body.
TEST_F(SiteTest, CachedBodiesAreSharedOnlyWithCallersThatTakeThem) {
  Request shared = get("/en/video-conferencing");
  shared.takes_shared_body = true;
  const Response first = m_site->handle(shared);  // rendered, then cached
  const Response second = m_site->handle(shared);
  ASSERT_EQ(first.status, 200);
  ASSERT_TRUE(first.shared_body && second.shared_body);
  EXPECT_EQ(first.shared_body, second.shared_body) << "one body, not a copy";
  EXPECT_TRUE(second.body.empty());
  EXPECT_NE(second.content().find("<html lang=\"en\">"), std::string::npos);

  const Response copied = fetch("/en/video-conferencing");
  EXPECT_FALSE(copied.shared_body);
  EXPECT_EQ(copied.body, second.content());
  EXPECT_EQ(copied.header("etag"), second.header("etag"));

  // Pages that are not cached carry their own body either way.
  shared = get("/en/video-conferencing/personal");
  shared.takes_shared_body = true;
  const Response personal = m_site->handle(shared);
  EXPECT_FALSE(personal.shared_body);
  EXPECT_FALSE(personal.body.empty());
}

TEST_F(SiteTest, StaticAssetsAreContentHashedAndCachedLong) {
  const Response page = fetch("/de/");
  const std::size_t at = page.body.find("href=\"/static/site.");
  ASSERT_NE(at, std::string::npos);
  const std::size_t start = at + 6;
  const std::string url = page.body.substr(start, page.body.find('"', start) - start);
  EXPECT_EQ(url.size(), std::string("/static/site.0123456789abcdef.css").size()) << url;
  const Response css = fetch(url);
  ASSERT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_NE(css.body.find("--c-text-fg"), std::string::npos);
  // An outdated hash still gets the stylesheet, but only briefly cached.
  const Response stale = fetch("/static/site.0000000000000000.css");
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.header("cache-control"), "no-cache");
  EXPECT_EQ(fetch("/favicon.ico").status, 301);
}

TEST_F(SiteTest, OtherMethodsAreRefused) {
  Response r = m_site->handle(test::request("POST", "/de/videokonferenz"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, HEAD");
  r = m_site->handle(test::request("HEAD", "/de/videokonferenz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(r.body.empty()) << "the transport drops the body of HEAD";
  r = m_site->handle(test::request("OPTIONS", "/api/v1/categories"));
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.header("access-control-allow-origin"), "*");
}

TEST_F(SiteTest, SwappingTheCatalogueChangesWhatIsServed) {
  const Response before = fetch("/en/video-conferencing");
  ASSERT_NE(before.body.find(">Nextcloud Talk</a>"), std::string::npos);
  auto catalogue = std::make_shared<Catalogue>(*bundled_catalogue());
  for (auto& c : catalogue->categories)
    for (auto& e : c.editions)
      for (auto& a : e.assessments)
        if (a.id == "nextcloud-talk") a.name = "Renamed Talk";
  m_site->set_catalogue(catalogue);
  const Response after = fetch("/en/video-conferencing");
  EXPECT_EQ(after.body.find(">Nextcloud Talk</a>"), std::string::npos);
  EXPECT_NE(after.body.find(">Renamed Talk</a>"), std::string::npos);
  EXPECT_NE(after.header("etag"), before.header("etag"));
  EXPECT_EQ(m_site->catalogue().get(), catalogue.get());
}

TEST_F(SiteTest, ArtifactsAreServedBeforeThePageRoutes) {
  int made = 0;
  m_site->set_artifacts([&made](std::shared_ptr<const Catalogue> catalogue) -> ArtifactLookup {
    ++made;
    const std::size_t categories = catalogue->categories.size();
    return [categories](std::string_view path) -> std::optional<Response> {
      if (path == "/embed/de/video-conferencing") {
        Response r{200, {{"content-type", "text/html; charset=utf-8"}}, "embed"};
        r.set_header("content-security-policy", "default-src 'self'; frame-ancestors *");
        return r;
      }
      if (path != "/de/videokonferenz/grafik.svg") return std::nullopt;
      return Response{200, {{"content-type", "image/svg+xml"}}, "<svg>" + std::to_string(categories) + "</svg>"};
    };
  });
  EXPECT_EQ(made, 1);
  Response r = fetch("/de/videokonferenz/grafik.svg");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<svg>8</svg>");
  EXPECT_EQ(r.header("content-security-policy").rfind("default-src 'self'; img-src", 0), 0u);
  EXPECT_EQ(fetch("/de/videokonferenz/grafik.svg", {{"if-none-match", r.header("etag")}}).status, 304);
  EXPECT_EQ(fetch("/embed/de/video-conferencing").header("content-security-policy"),
            "default-src 'self'; frame-ancestors *");
  EXPECT_EQ(fetch("/de/videokonferenz/zoom").status, 200) << "pages still answer";
  m_site->set_catalogue(std::make_shared<const Catalogue>());
  EXPECT_EQ(made, 2);
  EXPECT_EQ(fetch("/de/videokonferenz/grafik.svg").body, "<svg>0</svg>");
}

// An artifact is looked up (and its ETag computed) once per published
// state; the server gets the lookup's own bytes, everyone else a copy.
TEST_F(SiteTest, ArtifactsAreLookedUpOnceAndTheirBytesShared) {
  auto bytes = std::make_shared<const std::string>("<svg>graphic</svg>");
  auto lookups = std::make_shared<int>(0);
  m_site->set_artifacts([bytes, lookups](std::shared_ptr<const Catalogue>) -> ArtifactLookup {
    return [bytes, lookups](std::string_view path) -> std::optional<Response> {
      if (path != "/de/videokonferenz/grafik.svg") return std::nullopt;
      ++*lookups;
      Response r{200, {{"content-type", "image/svg+xml"}}, ""};
      r.shared_body = bytes;
      return r;
    };
  });
  Request server = get("/de/videokonferenz/grafik.svg");
  server.takes_shared_body = true;
  const Response first = m_site->handle(server);
  const Response second = m_site->handle(server);
  EXPECT_EQ(*lookups, 1);
  EXPECT_EQ(first.shared_body, bytes);
  EXPECT_EQ(second.shared_body, bytes);
  EXPECT_EQ(second.header("etag"), first.header("etag"));
  EXPECT_EQ(second.header("etag").size(), 18u);

  const Response copied = fetch("/de/videokonferenz/grafik.svg");
  EXPECT_EQ(copied.body, "<svg>graphic</svg>");
  EXPECT_FALSE(copied.shared_body);
  EXPECT_EQ(fetch("/de/videokonferenz/grafik.svg", {{"if-none-match", first.header("etag")}}).status, 304);
  EXPECT_EQ(*lookups, 1);
}

TEST_F(SiteTest, EmptyCatalogueStillServesTheFrame) {
  m_site->set_catalogue(std::make_shared<const Catalogue>());
  Response r = fetch("/de/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Noch keine Kategorie"), std::string::npos);
  EXPECT_EQ(fetch("/de/videokonferenz").status, 404);
  EXPECT_EQ(fetch("/api/v1/categories").status, 200);
}

TEST_F(SiteTest, ImprintSaysWhenNotConfigured) {
  Response r = fetch("/de/impressum");
  EXPECT_NE(r.body.find("noch nicht ausgefüllt"), std::string::npos);
  config::SiteConfig config;
  config.operator_name = "Beispiel e. V.";
  config.address = "Musterstraße 1\n12345 Musterstadt";
  config.email = "kontakt@example.org";
  config.imprint = {"Vertreten durch den Vorstand.", "Represented by the board."};
  config.privacy = {"Wir speichern keine IP-Adressen.\n\nZweiter Absatz.", "We store no IP addresses."};
  auto site = make_site(bundled_catalogue(), config);
  r = site->handle(get("/de/impressum"));
  EXPECT_EQ(r.body.find("noch nicht ausgefüllt"), std::string::npos);
  EXPECT_NE(r.body.find("Beispiel e. V.<br>Musterstraße 1<br>12345 Musterstadt"), std::string::npos);
  EXPECT_NE(r.body.find("href=\"mailto:kontakt@example.org\""), std::string::npos);
  EXPECT_NE(r.body.find("<p>Vertreten durch den Vorstand.</p>"), std::string::npos);
  r = site->handle(get("/en/privacy"));
  EXPECT_NE(r.body.find("<p>We store no IP addresses.</p>"), std::string::npos);
  r = site->handle(get("/de/datenschutz"));
  EXPECT_NE(r.body.find("<p>Zweiter Absatz.</p>"), std::string::npos);
}

TEST_F(SiteTest, LinkPreviewTagsNameTheCategoryCard) {
  // Without a base URL only the texts are given (previews need absolute addresses).
  Response r = fetch("/en/video-conferencing");
  EXPECT_NE(r.body.find("<meta property=\"og:title\""), std::string::npos);
  EXPECT_EQ(r.body.find("og:image"), std::string::npos);
  config::SiteConfig config;
  config.base_url = "https://example.org/ps";
  auto site = make_site(bundled_catalogue(), config);
  r = site->handle(get("/de/messenger/signal"));
  EXPECT_NE(r.body.find("<meta property=\"og:image\" content=\"https://example.org/ps/og/de/messengers.png\">"),
            std::string::npos);
  EXPECT_NE(r.body.find("<meta property=\"og:url\" content=\"https://example.org/ps/de/messenger/signal\">"),
            std::string::npos);
  EXPECT_NE(r.body.find("<meta name=\"twitter:card\" content=\"summary_large_image\">"), std::string::npos);
  EXPECT_NE(r.body.find("<meta property=\"og:locale\" content=\"de_DE\">"), std::string::npos);
  // The home page shows the first category's card.
  r = site->handle(get("/en/"));
  EXPECT_NE(r.body.find("content=\"https://example.org/ps/og/en/"), std::string::npos);
}

}  // namespace
}  // namespace privascore::web
