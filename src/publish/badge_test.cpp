#include "publish/badge.h"

#include <gtest/gtest.h>

#include "publish/test_fixture.h"
#include "publish/xml_check.h"

namespace privascore::publish {
namespace {

using testing::scores;

TEST(BadgeSvg, ShowsPointsClassWordAndEditionWithAnAccessibleTitle) {
  const auto score = scores("video-conferencing");
  const ServiceScore& s = *score.service("nextcloud-talk");
  const std::string svg = badge_svg(score, s, Lang::en);
  std::string error;
  auto root = testing::parse_xml(svg, &error);
  ASSERT_TRUE(root) << error;
  EXPECT_EQ(root->attributes.at("height"), "20");
  EXPECT_EQ(root->attributes.at("width"), std::to_string(badge_width(score, s, Lang::en)));
  EXPECT_EQ(root->first("title")->text,
            "PRIVA SCORE of Nextcloud Talk: 249 of 270 points, recommended (edition of 29 October 2024)");
  std::vector<const testing::XmlElement*> texts;
  root->find_all("text", texts);
  std::vector<std::string> words;
  for (const auto* t : texts) words.push_back(t->text);
  EXPECT_EQ(words, (std::vector<std::string>{"PRIVA SCORE", "249/270", "✓ recommended", "2024-10-29"}));
  testing::expect_golden("badge-nextcloud-talk.en.svg", svg);
}

TEST(BadgeSvg, GermanClassWord) {
  const auto score = scores("video-conferencing");
  const std::string svg = badge_svg(score, *score.service("gotomeeting"), Lang::de);
  EXPECT_NE(svg.find(">~ weniger empfehlenswert</text>"), std::string::npos);
  EXPECT_NE(svg.find("PRIVA SCORE von GoTo Meeting: 111 von 270 Punkten"), std::string::npos);
}

TEST(BadgeSnippet, LinksTheBadgeToTheServicePageWithAltText) {
  const auto score = scores("video-conferencing");
  const ServiceScore& s = *score.service("zoom");
  const std::string html = badge_snippet(score, s, Lang::en, "https://example.org/badge/en/video-conferencing/zoom.svg",
                                         "https://example.org/en/video-conferencing/zoom?a=1&b=2");
  EXPECT_EQ(html,
            "<a href=\"https://example.org/en/video-conferencing/zoom?a=1&amp;b=2\"><img "
            "src=\"https://example.org/badge/en/video-conferencing/zoom.svg\" alt=\"PRIVA SCORE of Zoom: 90 of "
            "270 points, avoid (edition of 29 October 2024)\" width=\"" +
                std::to_string(badge_width(score, s, Lang::en)) + "\" height=\"20\"></a>");
}

TEST(BadgeSvg, IdsDifferBetweenServicesSoBadgesCanShareAPage) {
  const auto score = scores("video-conferencing");
  EXPECT_NE(badge_svg(score, *score.service("zoom"), Lang::en).find("id=\"c-zoom\""), std::string::npos);
  EXPECT_NE(badge_svg(score, *score.service("skype"), Lang::en).find("id=\"c-skype\""), std::string::npos);
}

}  // namespace
}  // namespace privascore::publish
