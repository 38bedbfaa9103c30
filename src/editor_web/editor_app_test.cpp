// The editor as a web::Handler, called as a function with a manual clock:
// login, throttling, sessions and their expiry, CSRF and origin checks,
// roles, four-eyes review, conflicts, publication, readers' reports, and
// cookies only under /edit.
#include "editor_web/editor_app.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <regex>

#include "editor/editor_testing.h"
#include "editor_web/form.h"
#include "store/catalogue_reader.h"

namespace privascore::editor {
namespace {

using testing::TempFolder;

constexpr const char* k_host = "editor.test";
constexpr const char* k_origin = "http://editor.test";
const char* k_pw = testing::Fixture::k_password;

std::string form_body(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + percent_encode(k) + "=" + percent_encode(v);
  return out;
}

// A server under test: a database with the bundled data and four users.
struct Server {
  explicit Server(config::EditorConfig config = {}) {
    db_path = tmp.path() + "/db.sqlite";
    {
      testing::Fixture f(db_path);  // creates the database and the users
    }
    config.open_data_dir = tmp.path() + "/open-data";
    Editor::Options options;
    options.config = config;
    options.clock = clock;
    auto opened = Editor::open(db_path, options, [this](std::shared_ptr<const Catalogue> c) { published = c; });
    EXPECT_TRUE(opened) << (opened ? "" : opened.error().to_string());
    editor = *opened;
  }

  TempFolder tmp;
  std::string db_path;
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::shared_ptr<Editor> editor;
  std::shared_ptr<const Catalogue> published;
};

// One browser: keeps its session cookie, sends Origin like a browser does.
struct Browser {
  Server& server;
  std::string client = "198.51.100.7";
  std::string cookie;  // "name=value"
  std::vector<std::pair<std::string, std::string>> extra_headers;

  web::Request request(const std::string& method, const std::string& target, const std::string& body) const {
    web::Request r;
    r.method = method;
    r.target = target;
    const std::size_t q = target.find('?');
    r.path = percent_decode(target.substr(0, q), false);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.headers = {{"host", k_host}};
    if (method == "POST") {
      r.headers.emplace_back("origin", k_origin);
      r.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    }
    if (!cookie.empty()) r.headers.emplace_back("cookie", cookie);
    for (const auto& h : extra_headers) r.headers.push_back(h);
    r.body = body;
    r.client = client;
    return r;
  }

  web::Response send(const web::Request& r) {
    web::Response response = server.editor->handle(r);
    const std::string& set = response.header("set-cookie");
    if (!set.empty()) {
      const std::string pair = set.substr(0, set.find(';'));
      cookie = pair.substr(pair.find('=') + 1).empty() ? "" : pair;
    }
    return response;
  }
  web::Response get(const std::string& target) { return send(request("GET", target, "")); }
  web::Response post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                     bool with_csrf = true) {
    if (with_csrf) fields.emplace_back("csrf", csrf());
    return send(request("POST", target, form_body(fields)));
  }

  std::string csrf() {
    const web::Response page = server.editor->handle(request("GET", "/edit", ""));
    std::smatch m;
    static const std::regex k_csrf("name=\"csrf\" value=\"([^\"]+)\"");
    return std::regex_search(page.body, m, k_csrf) ? m[1].str() : std::string();
  }

  web::Response login(const std::string& name, const std::string& password = k_pw) {
    return post("/edit/login", {{"username", name}, {"password", password}}, false);
  }
};

std::vector<std::pair<std::string, std::string>> rating_form(const std::string& level, const std::string& text,
                                                             const std::string& base_draft = "0",
                                                             const std::string& base_version = "0") {
  return {{"level", level},
          {"status", "sourced"},
          {"justification_de", text + " (de)"},
          {"justification_en", text},
          {"evidence_url_0", "https://example.org/source"},
          {"evidence_title_0", "Source"},
          {"evidence_quote_0", "A quote."},
          {"evidence_retrieved_0", "2024-11-01"},
          {"note_kind", "reassessment"},
          {"reason_de", "Grund"},
          {"reason_en", "Reason"},
          {"base_draft", base_draft},
          {"base_version", base_version},
          {"base_edition", "2024-10-29"}};
}

const char* k_rating = "/edit/c/video-conferencing/s/zoom/r/e2e";

std::string draft_id_of(const web::Response& r) {
  const std::string& location = r.header("location");
  const std::string prefix = "/edit/drafts/";
  return location.rfind(prefix, 0) == 0 ? location.substr(prefix.size()) : "";
}

TEST(EditorApp, LoginSetsAStrictCookieOnlyForEdit) {
  Server server;
  Browser b{server};
  const web::Response form = b.get("/edit");
  EXPECT_EQ(form.status, 200);
  EXPECT_EQ(form.header("set-cookie"), "") << "the login form sets no cookie";
  EXPECT_NE(form.body.find("name=\"username\""), std::string::npos);
  const web::Response r = b.login("erika");
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string& cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("psedit=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Path=/edit"), std::string::npos);
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP without a TLS proxy";
  EXPECT_EQ(cookie.find("Max-Age"), std::string::npos) << "a session cookie";
  EXPECT_EQ(r.header("cache-control"), "no-store");
  const web::Response home = b.get("/edit");
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("erika"), std::string::npos);
}

TEST(EditorApp, SecureCookieBehindATrustedTlsProxy) {
  config::EditorConfig config;
  config.trusted_proxies = {"127.0.0.1"};
  Server server(config);
  Browser b{server};
  b.client = "127.0.0.1";
  b.extra_headers = {{"x-forwarded-proto", "https"}, {"x-forwarded-for", "203.0.113.9"}};
  // The browser's Origin is https now.
  web::Request login = b.request("POST", "/edit/login", form_body({{"username", "erika"}, {"password", k_pw}}));
  for (auto& h : login.headers)
    if (h.first == "origin") h.second = "https://editor.test";
  const web::Response r = b.send(login);
  ASSERT_EQ(r.status, 303) << r.body;
  const std::string& cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("__Secure-psedit=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(cookie.find("; Path=/edit"), std::string::npos);

  // The same headers from an untrusted peer are ignored.
  Browser other{server};
  other.client = "198.51.100.1";
  other.extra_headers = {{"x-forwarded-proto", "https"}};
  const web::Response plain = other.login("erika");
  EXPECT_EQ(plain.header("set-cookie").rfind("psedit=", 0), 0u) << plain.header("set-cookie");
}

TEST(EditorApp, ConfiguredSecureCookies) {
  config::EditorConfig config;
  config.secure_cookies = true;
  Server server(config);
  Browser b{server};
  web::Request login = b.request("POST", "/edit/login", form_body({{"username", "erika"}, {"password", k_pw}}));
  for (auto& h : login.headers)
    if (h.first == "origin") h.second = "https://editor.test";
  const web::Response r = b.send(login);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_NE(r.header("set-cookie").find("; Secure"), std::string::npos);
}

TEST(EditorApp, WrongPasswordAndUnknownUserLookTheSame) {
  Server server;
  Browser b{server};
  const web::Response wrong = b.login("erika", "not the password");
  const web::Response unknown = b.login("nobody", "not the password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.header("set-cookie"), "");
  EXPECT_NE(wrong.body.find("Benutzername oder Passwort ist falsch."), std::string::npos);
  EXPECT_NE(unknown.body.find("Benutzername oder Passwort ist falsch."), std::string::npos);
  EXPECT_EQ(b.get("/edit/drafts").status, 303) << "not logged in: sent to the login page";
}

// GET /edit/login answered 405: a bookmarked or retyped login address now
// leads to the login form at /edit.
TEST(EditorApp, GetLoginLeadsToTheLoginForm) {
  Server server;
  Browser b{server};
  const web::Response r = b.get("/edit/login");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/edit");
  EXPECT_EQ(b.get("/edit/logout").status, 405);
  EXPECT_EQ(b.get("/edit/logout").header("allow"), "POST");
  EXPECT_EQ(b.get("/edit/nowhere").status, 404);
}

TEST(EditorApp, ThrottlingAfterRepeatedFailuresWithRetryAfter) {
  Server server;
  Browser b{server};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(b.login("erika", "wrong password " + std::to_string(i)).status, 401);
  web::Response throttled = b.login("erika");  // even the right password
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.header("retry-after"), "30");
  EXPECT_EQ(throttled.header("set-cookie"), "");
  // From another client the account is locked as well.
  Browser elsewhere{server};
  elsewhere.client = "203.0.113.50";
  EXPECT_EQ(elsewhere.login("erika").status, 429);
  server.clock->advance(30);
  EXPECT_EQ(b.login("erika").status, 303) << "the lock ends after Retry-After";
  // Per client: many names from one address.
  Browser spray{server};
  spray.client = "192.0.2.99";
  for (int i = 0; i < 20; ++i) spray.login("user" + std::to_string(i), "x");
  web::Response blocked = spray.login("rolf");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_FALSE(blocked.header("retry-after").empty());
}

TEST(EditorApp, SessionExpiresWhenIdleAndAfterTwelveHours) {
  Server server;
  Browser b{server};
  ASSERT_EQ(b.login("erika").status, 303);
  server.clock->advance(29 * 60);
  EXPECT_EQ(b.get("/edit/drafts").status, 200);
  server.clock->advance(30 * 60);
  EXPECT_EQ(b.get("/edit/drafts").status, 303) << "30 minutes idle";
  ASSERT_EQ(b.login("erika").status, 303);
  for (int i = 0; i < 47; ++i) {
    server.clock->advance(15 * 60);
    ASSERT_EQ(b.get("/edit/drafts").status, 200) << i;
  }
  server.clock->advance(15 * 60);
  EXPECT_EQ(b.get("/edit/drafts").status, 303) << "12 hours after login, however active";
}

TEST(EditorApp, LogoutAndLogoutEverywhere) {
  Server server;
  Browser laptop{server};
  Browser phone{server};
  phone.client = "203.0.113.7";
  ASSERT_EQ(laptop.login("erika").status, 303);
  ASSERT_EQ(phone.login("erika").status, 303);
  const std::string old_cookie = laptop.cookie;
  web::Response out = laptop.post("/edit/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  laptop.cookie = old_cookie;  // a stolen copy of the cookie is useless now
  EXPECT_EQ(laptop.get("/edit/drafts").status, 303);
  EXPECT_EQ(phone.get("/edit/drafts").status, 200);
  ASSERT_EQ(laptop.login("erika").status, 303);
  EXPECT_EQ(laptop.post("/edit/logout-everywhere", {}).status, 303);
  EXPECT_EQ(phone.get("/edit/drafts").status, 303) << "every session ended";
}

TEST(EditorApp, CsrfTokenAndOriginAreChecked) {
  Server server;
  Browser b{server};
  ASSERT_EQ(b.login("erika").status, 303);
  // No token.
  web::Response no_token = b.post(k_rating, rating_form("yellow", "x"), false);
  EXPECT_EQ(no_token.status, 403);
  // A wrong token.
  auto fields = rating_form("yellow", "x");
  fields.emplace_back("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  EXPECT_EQ(b.send(b.request("POST", k_rating, form_body(fields))).status, 403);
  // The right token from another site's page.
  fields.back().second = b.csrf();
  web::Request cross = b.request("POST", k_rating, form_body(fields));
  for (auto& h : cross.headers)
    if (h.first == "origin") h.second = "https://evil.example";
  EXPECT_EQ(b.send(cross).status, 403);
  web::Request fetch_site = b.request("POST", k_rating, form_body(fields));
  fetch_site.headers.erase(std::remove_if(fetch_site.headers.begin(), fetch_site.headers.end(),
                                          [](const auto& h) { return h.first == "origin"; }),
                           fetch_site.headers.end());
  fetch_site.headers.emplace_back("sec-fetch-site", "cross-site");
  EXPECT_EQ(b.send(fetch_site).status, 403);
  // Login from another site is refused too.
  web::Request login = b.request("POST", "/edit/login", form_body({{"username", "erika"}, {"password", k_pw}}));
  for (auto& h : login.headers)
    if (h.first == "origin") h.second = "https://evil.example";
  EXPECT_EQ(b.send(login).status, 403);
  // Nothing was saved.
  EXPECT_EQ(b.post(k_rating, rating_form("yellow", "x")).status, 303) << "with token and origin it works";
}

TEST(EditorApp, RolesAndFourEyes) {
  Server server;
  Browser erika{server};
  ASSERT_EQ(erika.login("erika").status, 303);
  const web::Response saved = erika.post(k_rating, rating_form("yellow", "E2E for all"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  const std::string id = draft_id_of(saved);
  ASSERT_FALSE(id.empty());
  // An editor can neither approve nor publish.
  EXPECT_EQ(erika.post("/edit/drafts/" + id + "/review", {{"decision", "approve"}, {"comment", "ok"}, {"version", "1"}})
                .status,
            403);
  EXPECT_EQ(erika.get("/edit/c/video-conferencing/publish").status, 403);
  EXPECT_EQ(
      erika
          .post(
              "/edit/c/video-conferencing/publish",
              {{"date", "2025-01-15"}, {"title_de", "T"}, {"title_en", "T"}, {"summary_de", "S"}, {"summary_en", "S"}})
          .status,
      403);
  // A reviewer cannot approve a draft they edited.
  Browser rolf{server};
  rolf.client = "198.51.100.8";
  ASSERT_EQ(rolf.login("rolf").status, 303);
  auto edit = rating_form("yellow", "E2E for all, checked", id, "1");
  ASSERT_EQ(rolf.post(k_rating, edit).status, 303);
  web::Response own =
      rolf.post("/edit/drafts/" + id + "/review", {{"decision", "approve"}, {"comment", "ok"}, {"version", "2"}});
  EXPECT_EQ(own.status, 403);
  // Another reviewer can.
  Browser rita{server};
  rita.client = "198.51.100.9";
  ASSERT_EQ(rita.login("rita").status, 303);
  EXPECT_EQ(rita.post("/edit/drafts/" + id + "/review",
                      {{"decision", "approve"}, {"comment", "source checked"}, {"version", "2"}})
                .status,
            303);
  // Only an admin may change the methodology.
  EXPECT_EQ(rita.get("/edit/c/video-conferencing/methodology").status, 403);
}

TEST(EditorApp, SecondSaveGetsAConflictShowingBothVersions) {
  Server server;
  Browser erika{server};
  Browser rolf{server};
  rolf.client = "198.51.100.8";
  ASSERT_EQ(erika.login("erika").status, 303);
  ASSERT_EQ(rolf.login("rolf").status, 303);
  // Both open the form while no draft exists (base 0/0).
  ASSERT_EQ(erika.post(k_rating, rating_form("yellow", "Erika wrote this")).status, 303);
  const web::Response second = rolf.post(k_rating, rating_form("green", "Rolf wrote that"));
  ASSERT_EQ(second.status, 409);
  EXPECT_NE(second.body.find("Erika wrote this"), std::string::npos) << "their version";
  EXPECT_NE(second.body.find("Rolf wrote that"), std::string::npos) << "his own version, kept";
  // The form now sits on Erika's draft: saving again is deliberate and works.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(second.body, m, std::regex("name=\"base_draft\" value=\"(\\d+)\"")));
  const std::string base = m[1];
  ASSERT_TRUE(std::regex_search(second.body, m, std::regex("name=\"base_version\" value=\"(\\d+)\"")));
  EXPECT_EQ(m[1].str(), "1");
  EXPECT_EQ(rolf.post(k_rating, rating_form("green", "merged", base, "1")).status, 303);
}

TEST(EditorApp, PublishShowsTheNewEditionAndWritesOpenData) {
  Server server;
  Browser erika{server};
  Browser rolf{server};
  rolf.client = "198.51.100.8";
  ASSERT_EQ(erika.login("erika").status, 303);
  ASSERT_EQ(rolf.login("rolf").status, 303);
  const std::string id = draft_id_of(erika.post(k_rating, rating_form("yellow", "E2E for all")));
  ASSERT_EQ(rolf.post("/edit/drafts/" + id + "/review", {{"decision", "approve"}, {"comment", "ok"}, {"version", "1"}})
                .status,
            303);
  const web::Response preview = rolf.get("/edit/c/video-conferencing/preview");
  ASSERT_EQ(preview.status, 200);
  EXPECT_NE(preview.body.find("+21"), std::string::npos) << "the preview shows Zoom's gain";
  const web::Response done = rolf.post("/edit/c/video-conferencing/publish", {{"date", "2025-01-15"},
                                                                              {"title_de", "Titel"},
                                                                              {"title_en", "Title"},
                                                                              {"summary_de", "Zusammenfassung"},
                                                                              {"summary_en", "Summary"}});
  ASSERT_EQ(done.status, 200) << done.body;
  ASSERT_TRUE(server.published);
  EXPECT_EQ(server.published->category("video-conferencing")->latest_edition()->date.to_string(), "2025-01-15");
  EXPECT_EQ(server.editor->catalogue()->category("video-conferencing")->latest_edition()->date.to_string(),
            "2025-01-15");
  EXPECT_TRUE(std::filesystem::exists(server.tmp.path() +
                                      "/open-data/video-conferencing/editions/2025-01-15/services/zoom.toml"));
  // The audit trail has the publication, filterable per service, as JSON.
  const web::Response audit = rolf.get("/edit/audit.json?service=zoom");
  ASSERT_EQ(audit.status, 200);
  EXPECT_EQ(audit.header("content-type"), "application/json; charset=utf-8");
  auto json = nlohmann::json::parse(audit.body);
  std::vector<std::string> actions;
  for (const auto& e : json["events"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"approve", "draft-create"}));
  const web::Response all = rolf.get("/edit/audit.json");
  EXPECT_NE(all.body.find("\"publish\""), std::string::npos);
}

TEST(EditorApp, PublicReportSetsNoCookieAndIsProtected) {
  Server server;
  Browser reader{server};
  const std::vector<std::pair<std::string, std::string>> report = {{"category", "video-conferencing"},
                                                                   {"service", "zoom"},
                                                                   {"feature", "e2e"},
                                                                   {"message", "E2E is on by default since 2024."},
                                                                   {"contact", ""},
                                                                   {"website", ""}};
  web::Response sent = reader.post("/en/report", report, false);
  EXPECT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("set-cookie"), "");
  EXPECT_EQ(sent.header("location"), "/en/reports/video-conferencing?received=1");
  web::Response list = reader.get("/en/reports/video-conferencing?received=1");
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.header("set-cookie"), "");
  EXPECT_NE(list.body.find("1 reports are being checked"), std::string::npos) << list.body.substr(0, 2000);

  // The honeypot: looks accepted, is not stored.
  auto bot = report;
  bot.back().second = "http://spam.example";
  EXPECT_EQ(reader.post("/en/report", bot, false).status, 303);
  // Another site's form is refused.
  web::Request cross = reader.request("POST", "/en/report", form_body(report));
  for (auto& h : cross.headers)
    if (h.first == "origin") h.second = "https://evil.example";
  EXPECT_EQ(reader.send(cross).status, 403);
  // Too long.
  auto long_report = report;
  long_report[3].second = std::string(5001, 'x');
  web::Response too_long = reader.post("/en/report", long_report, false);
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(too_long.body.find(std::string(100, 'x')), std::string::npos) << "the text is kept for the reader";
  // Rate limit per client: 5 per hour (two used above plus the too-long one).
  reader.post("/en/report", report, false);
  reader.post("/en/report", report, false);
  web::Response limited = reader.post("/en/report", report, false);
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.header("retry-after").empty());

  // Editors see the three stored reports (not the bot's), and answer one.
  Browser erika{server};
  ASSERT_EQ(erika.login("erika").status, 303);
  web::Response queue = erika.get("/edit/corrections");
  ASSERT_EQ(queue.status, 200);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(queue.body, m, std::regex("action=\"/edit/corrections/(\\d+)\"")));
  EXPECT_EQ(queue.body.find("spam.example"), std::string::npos);
  EXPECT_EQ(erika
                .post("/edit/corrections/" + m[1].str(),
                      {{"status", "declined"}, {"answer", "Only for paid accounts."}, {"show_message", "1"}})
                .status,
            303);
  web::Response handled = reader.get("/en/reports/video-conferencing");
  EXPECT_NE(handled.body.find("Only for paid accounts."), std::string::npos);
  EXPECT_NE(handled.body.find("E2E is on by default since 2024."), std::string::npos);
}

TEST(EditorApp, EverythingIsEscaped) {
  Server server;
  Browser erika{server};
  ASSERT_EQ(erika.login("erika").status, 303);
  const std::string payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
  auto fields = rating_form("yellow", payload);
  fields[1] = {"status", "unverified"};
  const std::string id = draft_id_of(erika.post(k_rating, fields));
  ASSERT_FALSE(id.empty());
  for (const std::string& page : {"/edit/drafts/" + id, std::string(k_rating), std::string("/edit/audit")}) {
    const web::Response r = erika.get(page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("<img src=x"), std::string::npos) << page;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << page;
    EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  }
}

TEST(EditorApp, OnlyEditorPathsAreHandled) {
  auto request = [](const std::string& path) {
    web::Request r;
    r.path = path;
    return r;
  };
  EXPECT_TRUE(Editor::handles(request("/edit")));
  EXPECT_TRUE(Editor::handles(request("/edit/drafts/3")));
  EXPECT_TRUE(Editor::handles(request("/en/report")));
  EXPECT_TRUE(Editor::handles(request("/de/meldungen/videokonferenz")));
  EXPECT_FALSE(Editor::handles(request("/editor")));
  EXPECT_FALSE(Editor::handles(request("/en/video-conferencing/zoom")));
  EXPECT_FALSE(Editor::handles(request("/")));
}

}  // namespace
}  // namespace privascore::editor
