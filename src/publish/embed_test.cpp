#include "publish/embed.h"

#include <gtest/gtest.h>

#include "publish/test_fixture.h"

namespace privascore::publish {
namespace {

using testing::bundled;
using testing::scores;

TEST(EmbedHtml, ShowsTheRankedTableAndLoadsNothingFromElsewhere) {
  const auto score = scores("video-conferencing");
  const std::string html =
      embed_html(*bundled().category("video-conferencing"), score, Lang::de, testing::test_links(""));
  EXPECT_NE(html.find("<html lang=\"de\">"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"/de/videokonferenz/2024-10-29/nextcloud-talk\" target=\"_blank\" rel=\"noopener\">"
                      "Nextcloud Talk</a></td><td class=\"n\"><b>249</b>/270</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<link rel=\"stylesheet\" href=\"/embed/embed.css\">"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos) << "no external load or link without a base URL";
  EXPECT_EQ(html.find("style="), std::string::npos) << "no inline style: the CSP allows only the stylesheet";
  const std::string css = embed_css(bundled());
  EXPECT_NE(css.find(".k-1a7f37{background:#1a7f37}"), std::string::npos);
  EXPECT_NE(html.find("class=\"badge k-1a7f37\""), std::string::npos);
}

TEST(IframeSnippet, FramesTheEmbedPage) {
  const auto score = scores("messengers");
  EXPECT_EQ(
      iframe_snippet("https://example.org/embed/en/messengers", *bundled().category("messengers"), score, Lang::en),
      "<iframe src=\"https://example.org/embed/en/messengers\" title=\"PRIVA SCORE: Messengers\" width=\"100%\" "
      "height=\"" +
          std::to_string(embed_height(score)) + "\" style=\"border:0\" loading=\"lazy\"></iframe>");
  EXPECT_STREQ(k_embed_content_security_policy,
               "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors *; base-uri 'none'; "
               "form-action 'none'");
}

}  // namespace
}  // namespace privascore::publish
