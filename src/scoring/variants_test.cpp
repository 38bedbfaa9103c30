// Hosting variants: inheritance and overrides, scores and ranks per variant,
// validation of the [[variant]] tables, and the bundled Jitsi Meet example.
#include "scoring/variants.h"

#include <gtest/gtest.h>

#include "loader/file_source.h"
#include "method/method_testing.h"
#include "resources/resources.h"

namespace privascore {
namespace {

namespace testing = method::testing;
using testing::classes;
using testing::diagnostics;
using testing::feature;
using testing::methodology_head;

// Weights 10 (e2e, K.O. at absent), 5, 1: max 48.
Methodology three_features() {
  return testing::methodology(methodology_head() + feature("e2e", 10, "absent") + feature("location", 5) +
                              feature("anonymous", 1) + classes(32, 16));
}

Rating rating(const std::string& feature_id, const std::string& level) {
  Rating r;
  r.feature = feature_id;
  r.level = level;
  return r;
}

Assessment hosted_service() {
  Assessment a = testing::rated("meet", {{"e2e", "yellow"}, {"location", "green"}, {"anonymous", "red"}});
  Variant rated_variant;
  rated_variant.id = "as-rated";
  rated_variant.is_default = true;
  Variant provider;
  provider.id = "provider";
  provider.ratings = {rating("location", "red"), rating("e2e", "absent")};
  Variant own;
  own.id = "own";
  own.ratings = {rating("anonymous", "green")};
  a.variants = {provider, rated_variant, own};
  return a;
}

TEST(Variants, InheritEveryRatingAndReplaceTheOverriddenOnes) {
  const Assessment base = hosted_service();
  const Assessment provider = apply_variant(base, *base.variant("provider"));
  ASSERT_EQ(provider.ratings.size(), 3u);
  EXPECT_EQ(provider.rating("e2e")->level, "absent");
  EXPECT_EQ(provider.rating("location")->level, "red");
  EXPECT_EQ(provider.rating("anonymous")->level, "red");  // inherited
  const Assessment own = apply_variant(base, *base.variant("own"));
  EXPECT_EQ(own.rating("e2e")->level, "yellow");  // inherited
  EXPECT_EQ(own.rating("location")->level, "green");
  EXPECT_EQ(own.rating("anonymous")->level, "green");
  // The base is untouched.
  EXPECT_EQ(base.rating("anonymous")->level, "red");
}

TEST(Variants, EachVariantIsScoredAndRankedInTheEdition) {
  const Methodology m = three_features();
  Edition e;
  e.assessments = {hosted_service(),
                   testing::rated("other", {{"e2e", "green"}, {"location", "yellow"}, {"anonymous", "green"}})};
  const EditionScore official = score_edition(m, e);
  // 10 × 2 + 5 × 3 + 1 × 1 = 36: green (> 32); other: 30 + 10 + 3 = 43.
  EXPECT_EQ(official.service("meet")->points, 36);

  const auto variants = score_variants(m, e, e.assessments[0]);
  ASSERT_EQ(variants.size(), 3u);
  EXPECT_EQ(variants[0].variant->id, "as-rated") << "the default comes first";
  EXPECT_EQ(variants[0].service->points, official.service("meet")->points);
  EXPECT_EQ(variants[0].points_delta, 0);
  EXPECT_TRUE(variants[0].overridden.empty());

  EXPECT_EQ(variants[1].variant->id, "provider");
  EXPECT_EQ(variants[1].service->points, 0 + 5 + 1);
  EXPECT_EQ(variants[1].points_delta, 6 - 36);
  EXPECT_EQ(variants[1].service->klass->id, "red");
  ASSERT_EQ(variants[1].service->knockouts.size(), 1u) << "the overridden e2e fires its knock-out";
  EXPECT_EQ(variants[1].service->rank, 2);
  EXPECT_EQ(variants[1].overridden, (std::vector<std::string>{"location", "e2e"}));

  EXPECT_EQ(variants[2].variant->id, "own");
  EXPECT_EQ(variants[2].service->points, 38);
  EXPECT_EQ(variants[2].service->rank, 2);  // 38 < 43
  // Moving a VariantScore keeps its pointers valid.
  std::vector<VariantScore> moved = score_variants(m, e, e.assessments[0]);
  std::vector<VariantScore> target = std::move(moved);
  EXPECT_EQ(target[2].service->assessment->rating("anonymous")->level, "green");
}

TEST(Variants, NoVariantsNoScores) {
  const Methodology m = three_features();
  Edition e;
  e.assessments = {testing::rated("x", {{"e2e", "green"}, {"location", "green"}, {"anonymous", "green"}})};
  EXPECT_TRUE(score_variants(m, e, e.assessments[0]).empty());
  EXPECT_FALSE(e.assessments[0].depends_on_host());
}

std::string assessment_head() {
  return R"(id = "meet"
name = "Meet"
vendor = "V"
website = "https://example.org"
[[rating]]
feature = "e2e"
level = "yellow"
status = "unverified"
justification = { de = "j", en = "j" }
[[rating]]
feature = "location"
level = "green"
status = "unverified"
justification = { de = "j", en = "j" }
[[rating]]
feature = "anonymous"
level = "red"
status = "unverified"
justification = { de = "j", en = "j" }
)";
}

std::string variant(const std::string& id, bool is_default, const std::string& overrides = "") {
  return "[[variant]]\nid = \"" + id + "\"\nname = { de = \"" + id + "\", en = \"" + id + "\" }\n" +
         (is_default ? "default = true\n" : "") + overrides;
}

std::string override_rating(const std::string& feature_id, const std::string& level,
                            const std::string& status = "unverified") {
  return "[[variant.rating]]\nfeature = \"" + feature_id + "\"\nlevel = \"" + level + "\"\nstatus = \"" + status +
         "\"\njustification = { de = \"j\", en = \"j\" }\n";
}

struct VariantCase {
  const char* name;
  std::string variants;
  const char* message;  // "" = valid
  bool warning = false;
};

TEST(Variants, ValidationNamesEachDefect) {
  const Methodology m = three_features();
  const VariantCase cases[] = {
      {"valid", variant("a", true) + variant("b", false, override_rating("location", "red")), ""},
      {"unknown feature", variant("a", true) + variant("b", false, override_rating("locaton", "red")),
       "rating in variant `b` for unknown feature `locaton`"},
      {"unknown level", variant("a", true) + variant("b", false, override_rating("location", "bad")),
       "level `bad` of feature `location` is not in the scale"},
      {"duplicate variant", variant("a", true) + variant("a", false, override_rating("location", "red")),
       "duplicate variant id `a`"},
      {"two defaults", variant("a", true) + variant("b", true), "has a second default variant `b`"},
      {"no default", variant("a", false, override_rating("location", "red")), "has variants but none is the default"},
      {"default overrides", variant("a", true, override_rating("location", "red")),
       "the default variant `a` overrides ratings"},
      {"override twice",
       variant("a", true) +
           variant("b", false, override_rating("location", "red") + override_rating("location", "yellow")),
       "feature `location` is rated twice in variant `b`"},
      {"sourced without evidence",
       variant("a", true) + variant("b", false, override_rating("location", "red", "sourced")),
       "in variant `b` is marked sourced but lists no evidence"},
      {"overrides nothing", variant("a", true) + variant("b", false), "variant `b` of `meet` overrides no rating",
       true},
  };
  for (const auto& c : cases) {
    DiagnosticSink sink;
    auto a = parse_assessment(assessment_head() + c.variants, "meet.toml", sink);
    ASSERT_TRUE(a) << c.name << "\n" << diagnostics(sink);
    validate_assessment(*a, m, sink);
    const std::string all = diagnostics(sink);
    if (std::string(c.message).empty()) {
      EXPECT_TRUE(sink.items().empty()) << c.name << "\n" << all;
      continue;
    }
    EXPECT_EQ(sink.has_errors(), !c.warning) << c.name << "\n" << all;
    EXPECT_EQ(sink.warning_count() > 0, c.warning) << c.name << "\n" << all;
    EXPECT_NE(all.find(c.message), std::string::npos) << c.name << "\n" << all;
    EXPECT_NE(all.find("meet.toml:"), std::string::npos) << c.name;
  }
}

TEST(Variants, DefaultMustBeABoolean) {
  DiagnosticSink sink;
  auto a = parse_assessment(assessment_head() +
                                "[[variant]]\nid = \"a\"\nname = { de = \"a\", en = \"a\" }\n"
                                "default = \"yes\"\n",
                            "meet.toml", sink);
  EXPECT_FALSE(a);
  EXPECT_NE(diagnostics(sink).find("must be true or false"), std::string::npos) << diagnostics(sink);
}

// The bundled example: Jitsi Meet as rated, on meet.jit.si, self-hosted in the EU.
TEST(Variants, BundledJitsiMeetKeepsThePublishedTotalForTheDefault) {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(source, sink);
  ASSERT_FALSE(sink.has_errors()) << diagnostics(sink);
  const Category* vc = catalogue.category("video-conferencing");
  ASSERT_NE(vc, nullptr);
  const Edition& e = *vc->find_edition("2024-10-29");
  const Methodology& m = *vc->methodology(e.methodology);
  const Assessment& jitsi = *e.assessment("jitsi-meet");
  ASSERT_TRUE(jitsi.depends_on_host());
  EXPECT_EQ(score_edition(m, e).service("jitsi-meet")->points, 243) << "as published on 29 Oct 2024";
  const auto variants = score_variants(m, e, jitsi);
  ASSERT_EQ(variants.size(), 3u);
  EXPECT_EQ(variants[0].variant->id, "as-rated");
  EXPECT_EQ(variants[0].service->points, 243);
  EXPECT_EQ(variants[1].variant->id, "meet-jit-si");
  EXPECT_EQ(variants[1].variant->operator_name, "8x8, Inc.");
  EXPECT_EQ(variants[1].service->points, 243 - 2 * 21) << "server location red instead of green";
  EXPECT_EQ(variants[2].variant->id, "self-hosted-eu");
  EXPECT_EQ(variants[2].service->points, 243 + 2 * 3) << "anonymous participation green instead of red";
  // The variant-only cells say honestly what rests on evidence.
  EXPECT_EQ(variants[1].service->feature("server-location")->rating->status, RatingStatus::unverified);
  EXPECT_EQ(variants[2].service->feature("anonymous")->rating->status, RatingStatus::sourced);
}

}  // namespace
}  // namespace privascore
