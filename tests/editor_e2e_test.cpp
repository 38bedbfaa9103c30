// The editorial workflow end to end on the real `privascore serve` over
// HTTP: accounts made with `privascore user add`, login, wrong password,
// throttling with Retry-After, CSRF and Origin checks, roles and the
// four-eyes rule, and the cookie staying under /edit. (Session expiry needs
// a clock the test controls: src/editor/editor_app_test.cpp covers it.)
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

  /// The CSRF token of the forms on a page.
  static std::string csrf_of(const Reply& page) {
    std::smatch m;
    const std::regex token("name=\"csrf\" value=\"([^\"]+)\"");
    return std::regex_search(page.body, m, token) ? m[1].str() : std::string();
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

}  // namespace
}  // namespace privascore
