#include "web/query.h"

#include <gtest/gtest.h>

#include "web/responses.h"
#include "web/urls.h"

namespace privascore::web {
namespace {

TEST(QueryTest, ParsesAndDecodes) {
  auto q = parse_query("edition=latest&lang=de&name=a+b%21&flag&=x");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->get("edition"), "latest");
  EXPECT_EQ(q->get("name"), "a b!");
  EXPECT_EQ(q->get("flag"), "");
  EXPECT_EQ(q->get("missing"), std::nullopt);
  EXPECT_EQ(q->unknown({"edition", "lang", "name", "flag", ""}), "");
  EXPECT_EQ(q->unknown({"edition"}), "lang");
}

TEST(QueryTest, MalformedEscapesAreErrors) {
  for (const char* raw : {"a=%", "a=%4", "a=%zz", "%g0=1"}) EXPECT_FALSE(parse_query(raw).has_value()) << raw;
  EXPECT_EQ(percent_decode("%2F%2e", false), "/.");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(UrlsTest, OnlyHttpUrlsAreSafe) {
  EXPECT_EQ(safe_external_url("https://example.org/a?b=c#d"), "https://example.org/a?b=c#d");
  EXPECT_EQ(safe_external_url("http://example.org"), "http://example.org");
  for (const char* bad :
       {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "//example.org", "https:///x", "https://",
        "https://a b", "https://a\"b", "https://a<b", "ftp://x", " https://example.org", "https://example.org/\n"}) {
    EXPECT_EQ(safe_external_url(bad), "") << bad;
  }
  EXPECT_EQ(url_host("https://www.example.org/path"), "example.org");
  EXPECT_EQ(url_host("https://user@host.example:8080/x"), "host.example:8080");
  EXPECT_EQ(url_host("javascript:alert(1)"), "");
}

TEST(ResponsesTest, ContentHashIsStableAndDistinct) {
  EXPECT_EQ(content_hash(""), "cbf29ce484222325");
  EXPECT_EQ(content_hash("a"), content_hash("a"));
  EXPECT_NE(content_hash("a"), content_hash("b"));
}

}  // namespace
}  // namespace privascore::web
