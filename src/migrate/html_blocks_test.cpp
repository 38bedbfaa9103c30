#include "migrate/html_blocks.h"

#include <gtest/gtest.h>

namespace privascore::migrate {
namespace {

TEST(HtmlText, TagsEntitiesAndLineBreaks) {
  struct Case {
    const char* html;
    const char* text;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"<strong>bold</strong> and <em>em</em>", "bold and em"},
      {"that&#039;s &amp; &quot;x&quot; &lt;y&gt; &hellip;", "that's & \"x\" <y> …"},
      {"M&uuml;ller&nbsp;&nbsp;GmbH", "Müller GmbH"},
      {"one<br>two<br />three", "one\ntwo\nthree"},
      {"  spaced \n\t out  ", "spaced out"},
      {"<strong>nested <a href=\"#x\">link <em>deep</em></a></strong>", "nested link deep"},
      {"a<!-- comment <p> -->b", "ab"},
      {"x<button>Enlarge<svg><path d=\"M0\"/></svg></button>y", "xy"},
      {"a < b", "a < b"},
      {"<img src=\"a.webp\" alt=\"\">", ""},
      {"&unknownentity; stays", "&unknownentity; stays"},
  };
  for (const Case& c : cases) EXPECT_EQ(html_text(c.html), c.text) << c.html;
}

TEST(SplitBlocks, TopLevelElementsWithIdsAndOffsets) {
  const std::string body =
      "<p class=\"a\">one <strong>two</strong></p>\n\n<!-- wp:x -->\n"
      "<h2 id=\"head\">Head</h2><p id='q&amp;a'><p>inner</p></p><figure><img src=\"x\" /></figure><br>";
  auto blocks = split_blocks(body, "content.rendered");
  ASSERT_TRUE(blocks) << blocks.error().message;
  ASSERT_EQ(blocks->size(), 5u);
  EXPECT_EQ((*blocks)[0].tag, "p");
  EXPECT_EQ((*blocks)[0].inner, "one <strong>two</strong>");
  EXPECT_EQ((*blocks)[0].offset, 0u);
  EXPECT_EQ((*blocks)[1].tag, "h2");
  EXPECT_EQ((*blocks)[1].id, "head");
  EXPECT_EQ((*blocks)[1].offset, body.find("<h2"));
  EXPECT_EQ((*blocks)[2].id, "q&a");
  EXPECT_EQ((*blocks)[2].inner, "<p>inner</p>");
  EXPECT_EQ((*blocks)[3].tag, "figure");
  EXPECT_EQ((*blocks)[4].tag, "br");
}

TEST(SplitBlocks, TextOutsideElementsIsABlock) {
  auto blocks = split_blocks("loose text<p>x</p>", "content.rendered");
  ASSERT_TRUE(blocks);
  ASSERT_EQ(blocks->size(), 2u);
  EXPECT_EQ((*blocks)[0].tag, "#text");
  EXPECT_EQ((*blocks)[0].inner, "loose text");
}

TEST(SplitBlocks, BrokenMarkupNamesTheFieldAndOffset) {
  struct Case {
    const char* body;
    const char* message;
  };
  const Case cases[] = {
      {"<p>ok</p><p>never closed", "content.rendered at offset 9: <p> is never closed"},
      {"<p>ok</p><p class=\"x", "content.rendered at offset 9: the tag <p is never terminated by `>`"},
      {"<p>a</p></div>", "content.rendered at offset 8: `</div>` closes no open element"},
      {"<!-- open", "content.rendered at offset 0: the comment `<!--` is never closed"},
  };
  for (const Case& c : cases) {
    auto blocks = split_blocks(c.body, "content.rendered");
    ASSERT_FALSE(blocks) << c.body;
    EXPECT_EQ(blocks.error().message, c.message);
  }
}

TEST(LeadingStrong, NameBeforeTheText) {
  const std::string html = " <strong>Server <em>location</em></strong>: text";
  const LeadingStrong s = leading_strong(html);
  EXPECT_EQ(s.text, "Server location");
  EXPECT_EQ(html.substr(s.end), ": text");
  EXPECT_EQ(leading_strong("text <strong>late</strong>").end, std::string_view::npos);
  EXPECT_EQ(leading_strong("<strong>never closed").end, std::string_view::npos);
}

TEST(Shorten, CutsAtCodePoints) {
  EXPECT_EQ(shorten("abc", 5), "abc");
  EXPECT_EQ(shorten("äöüäöü", 3), "äöü…");
  EXPECT_EQ(shorten("a \n  b", 5), "a b");
}

}  // namespace
}  // namespace privascore::migrate
