#include "publish/graphic.h"

#include <gtest/gtest.h>

#include "loader/loader.h"
#include "publish/test_fixture.h"
#include "publish/xml_check.h"

namespace privascore::publish {
namespace {

using testing::bundled;
using testing::scores;

std::string text_of(const testing::XmlElement& root) {
  std::vector<const testing::XmlElement*> texts;
  root.find_all("text", texts);
  std::string all;
  for (const auto* t : texts) all += t->text + "\n";
  return all;
}

TEST(ComparisonSvg, MatchesGoldenFilesInBothLanguages) {
  const auto score = scores("video-conferencing");
  const Category& c = *bundled().category("video-conferencing");
  testing::expect_golden("video-conferencing-2024-10-29.de.svg", comparison_svg(c, score, Lang::de));
  testing::expect_golden("video-conferencing-2024-10-29.en.svg", comparison_svg(c, score, Lang::en));
  const auto messengers = scores("messengers");
  testing::expect_golden("messengers-2024-10-07.en.svg",
                         comparison_svg(*bundled().category("messengers"), messengers, Lang::en));
}

TEST(ComparisonSvg, IsWellFormedWithTitleDescriptionAndRealText) {
  const auto score = scores("video-conferencing");
  const std::string svg = comparison_svg(*bundled().category("video-conferencing"), score, Lang::en);
  std::string error;
  auto root = testing::parse_xml(svg, &error);
  ASSERT_TRUE(root) << error;
  EXPECT_EQ(root->name, "svg");
  EXPECT_EQ(root->attributes.at("role"), "img");
  ASSERT_NE(root->first("title"), nullptr);
  EXPECT_EQ(root->first("title")->text, score.edition->title.en);
  ASSERT_NE(root->first("desc"), nullptr);
  EXPECT_NE(root->first("desc")->text.find("1. Nextcloud Talk, 249 of 270 points, recommended"), std::string::npos);
  EXPECT_NE(root->attributes.at("font-family").find("DejaVu Sans"), std::string::npos);

  const std::string text = text_of(*root);
  for (const auto& s : score.services) {
    EXPECT_NE(text.find(s.assessment->name), std::string::npos) << s.assessment->name;
    EXPECT_NE(text.find(std::to_string(s.points) + "\n/270"), std::string::npos) << s.assessment->name;
  }
  for (const auto& f : score.methodology->features) {
    EXPECT_NE(text.find(f.name.en), std::string::npos);
    EXPECT_NE(text.find("×" + std::to_string(f.weight)), std::string::npos);
  }
  EXPECT_NE(text.find("Maximum: 270 points"), std::string::npos);
  EXPECT_NE(text.find("privascore · Video conferencing services · edition 2024-10-29 · weights reconstructed"),
            std::string::npos);
  EXPECT_NE(text.find("† unverified"), std::string::npos);
}

TEST(ComparisonSvg, GermanUsesGermanWords) {
  const auto score = scores("video-conferencing");
  const std::string svg = comparison_svg(*bundled().category("video-conferencing"), score, Lang::de);
  EXPECT_NE(svg.find("Ausgabe vom 29. Oktober 2024"), std::string::npos);
  EXPECT_NE(svg.find("empfehlenswert"), std::string::npos);
  EXPECT_NE(svg.find("Höchstwert: 270 Punkte"), std::string::npos);
  EXPECT_NE(svg.find("Ausgabe 2024-10-29 · Gewichte rekonstruiert"), std::string::npos);
  EXPECT_EQ(svg.find("recommended"), std::string::npos);
}

// Every number comes from the data: the same service with one feature
// rated lower shows the lower total, and knock-outs and unknowns are marked.
TEST(ComparisonSvg, NumbersFollowTheData) {
  MemorySource source;
  const std::string methodology = R"(category = "c"
version = 1
effective = 2024-01-01
name = { de = "Kat", en = "Cat" }
summary = { de = "s", en = "s" }
slug = { de = "kat", en = "cat" }
weights_provenance = "published"
provenance_note = { de = "p", en = "p" }
[[level]]
id = "green"
points = 3
colour = "#1a7f37"
symbol = "●"
label = { de = "gut", en = "good" }
[[level]]
id = "red"
points = 1
colour = "#c62828"
symbol = "○"
label = { de = "schlecht", en = "poor" }
[[feature]]
id = "a"
anchor = "a"
weight = 7
name = { de = "A", en = "Feature A" }
explanation = { de = "a", en = "a" }
knockout = { level = "red", cap = "red", reason = { de = "r", en = "r" } }
[[feature]]
id = "b"
anchor = "b"
weight = 5
name = { de = "B", en = "Feature B" }
explanation = { de = "b", en = "b" }
[[class]]
id = "green"
colour = "#1a7f37"
symbol = "✓"
label = { de = "gut", en = "fine" }
at_least = 30
[[class]]
id = "red"
colour = "#c62828"
symbol = "✗"
label = { de = "schlecht", en = "bad" }
less_than = 30
)";
  source.add("c/methodology/v1.toml", methodology);
  source.add("c/editions/2024-02-01/edition.toml", R"(category = "c"
date = 2024-02-01
methodology = 1
title = { de = "T", en = "T" }
summary = { de = "S", en = "S" }
services = ["x"]
)");
  source.add("c/editions/2024-02-01/services/x.toml", R"(id = "x"
name = "Xservice"
vendor = "V"
website = "https://example.org"
[[rating]]
feature = "a"
level = "red"
status = "unverified"
justification = { de = "j", en = "j" }
[[rating]]
feature = "b"
level = "unknown"
status = "unverified"
justification = { de = "j", en = "j" }
)");
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(source, sink);
  ASSERT_FALSE(sink.has_errors()) << (sink.items().empty() ? "" : sink.items()[0].to_string());
  const Category& c = catalogue.categories.at(0);
  const EditionScore score = score_edition(*c.methodology(1), c.editions.at(0));
  ASSERT_EQ(score.services.at(0).points, 12);  // 7 × 1 + 5 × 1 (unknown counts as red)
  const std::string svg = comparison_svg(c, score, Lang::en);
  std::string error;
  ASSERT_TRUE(testing::parse_xml(svg, &error)) << error;
  EXPECT_NE(svg.find(">12</text>"), std::string::npos);
  EXPECT_NE(svg.find("/36* K.O.</text>"), std::string::npos);  // maximum 36, provisional, knock-out
  EXPECT_NE(svg.find("Maximum: 36 points"), std::string::npos);
  EXPECT_NE(svg.find("* provisional"), std::string::npos);
  EXPECT_NE(svg.find("K.O.: a knock-out"), std::string::npos);
  EXPECT_NE(svg.find("? unknown (counts as ‘poor’)"), std::string::npos);
  EXPECT_NE(svg.find("weights published"), std::string::npos);
  EXPECT_EQ(svg.find("reconstruction"), std::string::npos);
}

TEST(CardSvg, Is1200By630WithTheBestServices) {
  const auto score = scores("video-conferencing");
  const std::string svg = card_svg(*bundled().category("video-conferencing"), score, Lang::de);
  std::string error;
  auto root = testing::parse_xml(svg, &error);
  ASSERT_TRUE(root) << error;
  EXPECT_EQ(root->attributes.at("width"), "1200");
  EXPECT_EQ(root->attributes.at("height"), "630");
  const std::string text = text_of(*root);
  EXPECT_NE(text.find("Videokonferenz-\nDienste"), std::string::npos);  // wrapped after the hyphen
  EXPECT_NE(text.find("Ausgabe vom 29. Oktober 2024"), std::string::npos);
  EXPECT_NE(text.find("Nextcloud Talk"), std::string::npos);
  EXPECT_NE(text.find("249/270"), std::string::npos);
  EXPECT_NE(text.find("und 4 weitere"), std::string::npos);
  EXPECT_EQ(text.find("Skype"), std::string::npos);  // only the top five
  testing::expect_golden("video-conferencing-2024-10-29.card.de.svg", svg);
}

TEST(SourceLine, NamesCategoryEditionAndProvenance) {
  EXPECT_EQ(source_line(scores("messengers", "2023-12-10"), Lang::en),
            "privascore · Messengers · edition 2023-12-10 · weights reconstructed");
}

}  // namespace
}  // namespace privascore::publish
