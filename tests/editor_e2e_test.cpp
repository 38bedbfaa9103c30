// The editorial workflow end to end on the real `privascore serve` over
// HTTP: accounts made with `privascore user add`, login, wrong password,
// throttling with Retry-After, CSRF and Origin checks, roles and the
// four-eyes rule, concurrent saves of one rating, and the cookie staying
// under /edit. (Session expiry needs a clock the test controls, and a crash
// during publication its own process: src/editor_web/editor_app_test.cpp and
// tests/editor_publish_crash_test.cpp.)
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "e2e_support.h"
#include "test_support.h"

namespace privascore {
namespace {

using test::Reply;
using test::request_once;
using test::ServeProcess;

/// Percent-encodes a form value (application/x-www-form-urlencoded).
std::string form_encode(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class EditorE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(m_serve.port(), 0) << m_serve.first_line() << m_serve.stderr_text();
    m_origin = "http://127.0.0.1:" + std::to_string(m_serve.port());
  }

  /// Adds a user with `privascore user add --generate`; returns the password it printed.
  std::string add_user(const std::string& name, const std::string& role) {
    auto r = test::run_privascore({"user", "add", name, "--role", role, "--generate", "--db", m_serve.database()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    const std::regex line("password \\(shown only now\\): (\\S+)");
    EXPECT_TRUE(std::regex_search(r.out, m, line)) << r.out;
    return m.size() > 1 ? m[1].str() : std::string();
  }

  Reply get(const std::string& path, const std::string& cookie = {}) {
    return request_once(m_serve.port(), test::get(path, cookie.empty() ? "" : "Cookie: " + cookie + "\r\n"));
  }

  Reply post(const std::string& path, const std::string& body, const std::string& cookie = {},
             const std::string& origin = "same") {
    std::string request =
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(m_serve.port()) +
        "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n";
    if (origin == "same")
      request += "Origin: " + m_origin + "\r\n";
    else if (!origin.empty())
      request += "Origin: " + origin + "\r\n";
    if (!cookie.empty()) request += "Cookie: " + cookie + "\r\n";
    return request_once(m_serve.port(), request + "\r\n" + body);
  }

  /// Logs in; the "psedit=…" cookie, or "" when the login failed.
  std::string login(const std::string& name, const std::string& password) {
    Reply r = post("/edit/login", "username=" + form_encode(name) + "&password=" + form_encode(password));
    const std::string set = r.header("set-cookie");
    if (r.status != 303 || set.empty()) return {};
    return set.substr(0, set.find(';'));
  }

  /// The value of the hidden field `name` on a page (the first one).
  static std::string hidden(const Reply& page, const std::string& name) {
    std::smatch m;
    const std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
    return std::regex_search(page.body, m, field) ? m[1].str() : std::string();
  }
  /// The CSRF token of the forms on a page.
  static std::string csrf_of(const Reply& page) { return hidden(page, "csrf"); }

  /// Saves Zoom's end-to-end rating from the rating form as it was shown in `form`.
  Reply save_zoom_e2e(const Reply& form, const std::string& cookie, const std::string& level, const std::string& why) {
    const std::string body =
        "csrf=" + form_encode(csrf_of(form)) + "&base_draft=" + hidden(form, "base_draft") +
        "&base_version=" + hidden(form, "base_version") + "&base_edition=" + hidden(form, "base_edition") +
        "&variant=&level=" + level + "&status=unverified&note_kind=reassessment" +
        "&justification_de=" + form_encode("Begründung: " + why) +
        "&justification_en=" + form_encode("Justification: " + why) + "&reason_de=" + form_encode("Grund: " + why) +
        "&reason_en=" + form_encode("Reason: " + why);
    return post("/edit/c/video-conferencing/s/zoom/r/e2e", body, cookie);
  }

  ServeProcess m_serve{{"--access-log", "off"}};
  std::string m_origin;
};

TEST_F(EditorE2E, LoginWrongPasswordAndACookieOnlyUnderEdit) {
  const std::string password = add_user("erika", "editor");
  ASSERT_FALSE(password.empty());

  Reply wrong = post("/edit/login", "username=erika&password=" + form_encode(password + "x"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.header("set-cookie"), "");
  Reply unknown = post("/edit/login", "username=nobody&password=whatever-it-is");
  EXPECT_EQ(unknown.status, wrong.status);  // an unknown name is not revealed

  Reply ok = post("/edit/login", "username=erika&password=" + form_encode(password));
  ASSERT_EQ(ok.status, 303) << ok.body;
  const std::string set = ok.header("set-cookie");
  EXPECT_NE(set.find("Path=/edit"), std::string::npos) << set;
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
  const std::string cookie = set.substr(0, set.find(';'));
  Reply dashboard = get("/edit", cookie);
  EXPECT_EQ(dashboard.status, 200);
  EXPECT_NE(dashboard.body.find("erika"), std::string::npos);
  // Public pages and the API never set a cookie, logged in or not.
  for (const char* path : {"/en/", "/de/videokonferenz", "/api/v1/categories", "/en/video-conferencing/zoom"}) {
    Reply r = get(path, cookie);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.header("set-cookie"), "") << path;
  }
  // Logging out ends the session on the server.
  Reply logout = post("/edit/logout", "csrf=" + form_encode(csrf_of(dashboard)), cookie);
  EXPECT_EQ(logout.status, 303);
  EXPECT_EQ(get("/edit", cookie).body.find("name=\"password\"") != std::string::npos, true);
}

TEST_F(EditorE2E, RepeatedFailuresAreThrottledWithRetryAfter) {
  const std::string password = add_user("rolf", "reviewer");
  int status = 0;
  Reply r;
  for (int i = 0; i < 12 && status != 429; ++i) {
    r = post("/edit/login", "username=rolf&password=wrong-password-" + std::to_string(i));
    status = r.status;
  }
  ASSERT_EQ(status, 429) << "no throttling after repeated failures";
  const std::string retry = r.header("retry-after");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 0);
  // While throttled, even the right password is not tried.
  EXPECT_EQ(post("/edit/login", "username=rolf&password=" + form_encode(password)).status, 429);
}

TEST_F(EditorE2E, PostsWithoutTokenOrFromAnotherOriginAreRefused) {
  const std::string password = add_user("ada", "admin");
  const std::string cookie = login("ada", password);
  ASSERT_FALSE(cookie.empty());
  const Reply dashboard = get("/edit", cookie);
  const std::string csrf = csrf_of(dashboard);
  ASSERT_FALSE(csrf.empty());
  // A login form posted from another site.
  EXPECT_EQ(post("/edit/login", "username=ada&password=" + form_encode(password), "", "https://evil.example").status,
            403);
  // Logout (state-changing) without the token, with a wrong one, from another origin.
  EXPECT_EQ(post("/edit/logout", "", cookie).status, 403);
  EXPECT_EQ(post("/edit/logout", "csrf=not-the-token", cookie).status, 403);
  EXPECT_EQ(post("/edit/logout", "csrf=" + form_encode(csrf), cookie, "https://evil.example").status, 403);
  // The session survived every refused attempt.
  EXPECT_EQ(get("/edit", cookie).body.find("name=\"password\""), std::string::npos);
}

TEST_F(EditorE2E, AnEditorCannotPublishOrChangeTheMethodology) {
  const std::string cookie = login("erika", add_user("erika", "editor"));
  ASSERT_FALSE(cookie.empty());
  const std::string csrf = csrf_of(get("/edit", cookie));
  Reply publish = post("/edit/c/video-conferencing/publish", "csrf=" + form_encode(csrf), cookie);
  EXPECT_EQ(publish.status, 403) << publish.body.substr(0, 400);
  Reply methodology = get("/edit/c/video-conferencing/methodology", cookie);
  EXPECT_EQ(methodology.status, 403);
  // Without a session the editor's pages ask for the login.
  Reply anonymous = get("/edit/c/video-conferencing");
  EXPECT_TRUE(anonymous.status == 303 || anonymous.body.find("name=\"password\"") != std::string::npos)
      << anonymous.status;
}

TEST_F(EditorE2E, TheSecondOfTwoConcurrentSavesGetsAConflictShowingBothVersions) {
  const std::string erika = login("erika", add_user("erika", "editor"));
  const std::string ada = login("ada", add_user("ada", "admin"));
  ASSERT_FALSE(erika.empty());
  ASSERT_FALSE(ada.empty());
  // Both open the same rating before either saves.
  const Reply erika_form = get("/edit/c/video-conferencing/s/zoom/r/e2e", erika);
  const Reply ada_form = get("/edit/c/video-conferencing/s/zoom/r/e2e", ada);
  ASSERT_EQ(erika_form.status, 200);
  ASSERT_EQ(ada_form.status, 200);
  ASSERT_EQ(hidden(ada_form, "base_draft"), "0");

  Reply first = save_zoom_e2e(erika_form, erika, "yellow", "first save");
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 600);
  EXPECT_NE(first.header("location").find("/edit/drafts/"), std::string::npos);

  Reply second = save_zoom_e2e(ada_form, ada, "green", "second save");
  EXPECT_EQ(second.status, 409) << second.body.substr(0, 600);
  EXPECT_NE(second.body.find("Begründung: first save"), std::string::npos);   // theirs
  EXPECT_NE(second.body.find("Begründung: second save"), std::string::npos);  // mine, not lost
}

TEST_F(EditorE2E, NobodyApprovesTheirOwnDraft) {
  const std::string rolf_password = add_user("rolf", "reviewer");
  const std::string rita_password = add_user("rita", "reviewer");
  const std::string rolf = login("rolf", rolf_password);
  ASSERT_FALSE(rolf.empty());
  const Reply form = get("/edit/c/video-conferencing/s/zoom/r/e2e", rolf);
  Reply saved = save_zoom_e2e(form, rolf, "yellow", "a reviewer's own change");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 600);
  const std::string draft = saved.header("location");  // /edit/drafts/N
  ASSERT_NE(draft.find("/edit/drafts/"), std::string::npos);

  const Reply own = get(draft, rolf);
  Reply refused = post(
      draft + "/review",
      "csrf=" + form_encode(csrf_of(own)) + "&version=" + hidden(own, "version") + "&decision=approve&comment=mine",
      rolf);
  EXPECT_EQ(refused.status, 403) << refused.body.substr(0, 600);
  EXPECT_NE(refused.body.find("cannot review it"), std::string::npos);

  const std::string rita = login("rita", rita_password);
  ASSERT_FALSE(rita.empty());
  const Reply theirs = get(draft, rita);
  Reply approved = post(draft + "/review",
                        "csrf=" + form_encode(csrf_of(theirs)) + "&version=" + hidden(theirs, "version") +
                            "&decision=approve&comment=checked",
                        rita);
  EXPECT_EQ(approved.status, 303) << approved.body.substr(0, 600);
}

}  // namespace
}  // namespace privascore
