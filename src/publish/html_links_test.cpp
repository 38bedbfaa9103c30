#include "publish/html_links.h"

#include <gtest/gtest.h>

namespace privascore::publish {
namespace {

TEST(HtmlLinks, FindsHrefSrcSrcsetAndActionButNotScriptsOrComments) {
  const std::string html =
      "<!DOCTYPE html><html><head><link rel=\"Canonical\" href=\"https://x.org/a\">"
      "<link rel=stylesheet href='/static/a.css'></head><body>"
      "<!-- <a href=\"/hidden\"> -->"
      "<a class=x href=\"/de/?a=1&amp;b=2#top\">x</a><img src=\"/i.png\" srcset=\"/i.png 1x, /i2.png 2x\" alt=\"\">"
      "<script>var s = '<a href=\"/in-script\">';</script>"
      "<form action=\"/search\" method=get></form><a name=anchor>no href</a></body></html>";
  const auto links = html_links(html);
  std::vector<std::string> values;
  for (const auto& l : links) values.push_back(l.attribute + "=" + l.value);
  EXPECT_EQ(values, (std::vector<std::string>{"href=https://x.org/a", "href=/static/a.css", "href=/de/?a=1&b=2#top",
                                              "src=/i.png", "srcset=/i.png", "srcset=/i2.png", "action=/search"}));
  EXPECT_EQ(links[0].tag, "link");
  EXPECT_EQ(links[0].rel, "canonical");
}

TEST(HtmlLinks, RewritesOnlyTheValuesAndEscapesThem) {
  const std::string html = "<p a=\"1\"><a href=\"/x\">/x</a> <img src='/y.png' srcset=\"/y.png 1x, /z.png 2x\"></p>";
  const std::string out = rewrite_html_links(html, [](const LinkRef& l) {
    if (l.value == "/x") return std::string("x/?a=1&b=2");
    if (l.value == "/z.png") return std::string("z.png");
    return l.value;
  });
  EXPECT_EQ(out, "<p a=\"1\"><a href=\"x/?a=1&amp;b=2\">/x</a> <img src='/y.png' srcset=\"/y.png 1x, z.png 2x\"></p>");
}

TEST(CssLinks, FindsAndRewritesUrls) {
  const std::string css = "a{background:url(/static/a.svg)} b{src:url( \"/f.woff\" )} c{x:url('data:x')}";
  const auto links = css_links(css);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[1].value, "/f.woff");
  EXPECT_EQ(rewrite_css_links(css, [](const LinkRef& l) { return l.value == "/static/a.svg" ? "a.svg" : l.value; }),
            "a{background:url(a.svg)} b{src:url( \"/f.woff\" )} c{x:url('data:x')}");
}

TEST(ResolvePath, ResolvesLikeABrowser) {
  EXPECT_EQ(resolve_path("/de/x/y", "z"), "/de/x/z");
  EXPECT_EQ(resolve_path("/de/x/", "z"), "/de/x/z");
  EXPECT_EQ(resolve_path("/de/x/y", "../a?b#c"), "/de/a?b#c");
  EXPECT_EQ(resolve_path("/de/x/y", "/static/s.css"), "/static/s.css");
  EXPECT_EQ(resolve_path("/de/x/y", "?lang=en"), "/de/x/y?lang=en");
  EXPECT_EQ(resolve_path("/de/x/y", "../../../.."), "/");
  EXPECT_EQ(resolve_path("/de/x/y", "./"), "/de/x/");
  EXPECT_EQ(resolve_path("/de/", "https://example.org/"), "");
  EXPECT_EQ(resolve_path("/de/", "//cdn.example.org/x"), "");
  EXPECT_EQ(resolve_path("/de/", "mailto:a@b"), "");
}

TEST(RelativeReference, FromTheFilesFolderToTheTarget) {
  EXPECT_EQ(relative_reference("de/x/index.html", "static/a.css"), "../../static/a.css");
  EXPECT_EQ(relative_reference("index.html", "de/index.html"), "de/index.html");
  EXPECT_EQ(relative_reference("de/x/index.html", "de/x/index.html"), "index.html");
  EXPECT_EQ(relative_reference("de/x/index.html", "de/y/index.html"), "../y/index.html");
  EXPECT_EQ(relative_reference("de/x/index.html", "de/x/grafik.svg"), "grafik.svg");
  EXPECT_EQ(relative_reference("de/index.html", "de/x/y/index.html"), "x/y/index.html");
}

TEST(SplitUrl, SeparatesPathQueryAndFragment) {
  const UrlParts p = split_url("/a/b?c=d#e?f");
  EXPECT_EQ(p.path, "/a/b");
  EXPECT_EQ(p.query, "?c=d");
  EXPECT_EQ(p.fragment, "#e?f");
}

}  // namespace
}  // namespace privascore::publish
