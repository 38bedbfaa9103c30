#include "server/request_target.h"

#include <gtest/gtest.h>

namespace privascore::server {
namespace {

TEST(RequestTarget, SplitsPathAndQueryAndDecodesThePathOnce) {
  auto t = parse_request_target("/de/videokonferenz?edition=latest&x=%2F");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path, "/de/videokonferenz");
  EXPECT_EQ(t->query, "edition=latest&x=%2F");

  t = parse_request_target("/a%20b/%25252e");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path, "/a b/%252e");  // decoded once, not twice
  EXPECT_EQ(t->query, "");

  t = parse_request_target("/de/%C3%BCber");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path,
            "/de/\xC3\xBC"
            "ber");
}

TEST(RequestTarget, AcceptsTheAbsoluteForm) {
  auto t = parse_request_target("http://example.org/en/x?y=1");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path, "/en/x");
  EXPECT_EQ(t->query, "y=1");
  t = parse_request_target("HTTPS://example.org");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path, "/");
}

TEST(RequestTarget, RefusesPathsTheSiteCouldMistake) {
  struct Case {
    const char* target;
    const char* says;
  };
  const Case cases[] = {
      {"/..%2f..%2fetc/passwd", "`..` segment"},
      {"/../etc/passwd", "`..` segment"},
      {"/a/%2e%2e/b", "`..` segment"},
      {"/a/%2E%2e", "`..` segment"},
      {"/a/./b", "`.` segment"},
      {"/a%00b", "NUL"},
      {"/a%0d%0aSet-Cookie:x", "control character"},
      {"/a%5c..%5cwin.ini", "backslash"},
      {"/a\\b", "backslash"},
      {"/%ff", "not valid UTF-8"},
      {"/%c0%af", "not valid UTF-8"},  // overlong '/'
      {"/\xff", "not valid UTF-8"},
      {"/a%", "malformed percent-escape"},
      {"/a%2", "malformed percent-escape"},
      {"/a%zz", "malformed percent-escape"},
      {"*", "starting with `/`"},
      {"a/b", "starting with `/`"},
      {"", "starting with `/`"},
      {"/a#b", "fragment"},
  };
  for (const auto& c : cases) {
    auto t = parse_request_target(c.target);
    ASSERT_FALSE(t) << c.target;
    EXPECT_NE(t.error().find(c.says), std::string::npos) << c.target << " -> " << t.error();
  }
}

TEST(RequestTarget, DotsInsideNamesAreFine) {
  auto t = parse_request_target("/static/app.3f2a.css/...x/..y");
  ASSERT_TRUE(t) << t.error();
  EXPECT_EQ(t->path, "/static/app.3f2a.css/...x/..y");
}

TEST(RequestTarget, RawPathStopsAtTheQuery) {
  EXPECT_EQ(raw_path("/a%20b?email=x@example.org"), "/a%20b");
  EXPECT_EQ(raw_path("/a"), "/a");
}

}  // namespace
}  // namespace privascore::server
