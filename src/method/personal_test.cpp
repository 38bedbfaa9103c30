// Personal weights: the published setting reproduces the official ranking,
// each importance changes the weights as documented, ignored knock-outs do
// not fire, all-ignore is a clear error, and the URL parameters round-trip.
#include "method/personal.h"

#include <gtest/gtest.h>

#include "method/method_testing.h"

namespace privascore::method {
namespace {

using testing::classes;
using testing::feature;
using testing::methodology_head;

// e2e 10 (K.O. at absent), location 5, anonymous 1: max 48, min 0.
Methodology small() {
  return testing::methodology(methodology_head() + feature("e2e", 10, "absent") + feature("location", 5) +
                              feature("anonymous", 1) + classes(32, 16));
}

Edition edition() {
  Edition e;
  e.assessments = {
      testing::rated("private", {{"e2e", "green"}, {"location", "red"}, {"anonymous", "red"}}),     // 30+5+1 = 36
      testing::rated("local", {{"e2e", "yellow"}, {"location", "green"}, {"anonymous", "green"}}),  // 20+15+3 = 38
      testing::rated("leaky", {{"e2e", "absent"}, {"location", "green"}, {"anonymous", "green"}}),  // 0+15+3 = 18, K.O.
  };
  return e;
}

PersonalWeights weights(const Methodology& m, const std::vector<std::pair<std::string, std::string>>& params) {
  auto w = parse_personal_weights(m, params);
  EXPECT_TRUE(w) << (w ? "" : w.error().message);
  return w ? *w : PersonalWeights::as_published(m);
}

TEST(Personal, AsPublishedReproducesTheOfficialScore) {
  const Methodology m = small();
  const Edition e = edition();
  const EditionScore official = score_edition(m, e);
  const auto r = personal_ranking(official, PersonalWeights::as_published(m));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->services.size(), official.services.size());
  for (std::size_t i = 0; i < official.services.size(); ++i) {
    const auto& o = official.services[i];
    const auto& p = r->services[i];
    EXPECT_EQ(p.official, &o);
    EXPECT_EQ(p.scaled_tenths, o.points * 10);
    EXPECT_EQ(p.klass, o.klass);
    EXPECT_EQ(p.rank, o.rank);
    EXPECT_EQ(p.knockouts.size(), o.knockouts.size());
  }
  EXPECT_EQ(personal_query(m, r->weights), "");
}

TEST(Personal, ImportanceMultipliesThePublishedWeight) {
  EXPECT_EQ(importance_halves(Importance::ignore), 0);
  EXPECT_EQ(importance_halves(Importance::less), 1);
  EXPECT_EQ(importance_halves(Importance::published), 2);
  EXPECT_EQ(importance_halves(Importance::more), 4);
  const Methodology m = small();
  const Edition e = edition();
  const EditionScore official = score_edition(m, e);
  // e2e less (5), location more (10), anonymous as published (1): max 48.
  const auto r = personal_ranking(official, weights(m, {{"w.e2e", "less"}, {"w.location", "more"}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->half_weights, (std::vector<int>{10, 20, 2}));
  EXPECT_EQ(r->half_max, 96);
  const PersonalServiceScore* local = r->service("local");
  const PersonalServiceScore* priv = r->service("private");
  ASSERT_TRUE(local && priv);
  // local: 5×2 + 10×3 + 1×3 = 43 of 48; private: 15 + 10 + 1 = 26 of 48.
  EXPECT_EQ(local->half_points, 86);
  EXPECT_EQ(local->scaled_tenths, 430);
  EXPECT_EQ(local->permille, 896);  // 43 / 48 = 0.8958
  EXPECT_EQ(local->klass->id, "green");
  EXPECT_EQ(priv->scaled_tenths, 260);
  EXPECT_EQ(priv->klass->id, "yellow");
  EXPECT_EQ(local->rank, 1);
  EXPECT_EQ(priv->rank, 2);
  EXPECT_EQ(personal_query(m, r->weights), "w.e2e=less&w.location=more");
}

TEST(Personal, PointsAreRescaledToTheOfficialMaximum) {
  const Methodology m = small();
  const Edition e = edition();
  const EditionScore official = score_edition(m, e);
  // Only anonymous counts: green everywhere but `private` → 48 on the official scale.
  const auto r = personal_ranking(official, weights(m, {{"w.e2e", "ignore"}, {"w.location", "ignore"}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->service("local")->scaled_tenths, 480);
  EXPECT_EQ(r->service("private")->scaled_tenths, 160);   // red: 1 of 3
  EXPECT_EQ(r->service("private")->klass->id, "yellow");  // 16 is yellow (at least 16)
}

TEST(Personal, AnIgnoredKnockOutDoesNotFire) {
  const Methodology m = small();
  const Edition e = edition();
  const EditionScore official = score_edition(m, e);
  ASSERT_EQ(official.service("leaky")->klass->id, "red");
  const auto kept = personal_ranking(official, weights(m, {{"w.anonymous", "more"}}));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->service("leaky")->knockouts.size(), 1u);
  EXPECT_EQ(kept->service("leaky")->klass->id, "red");
  const auto ignored = personal_ranking(official, weights(m, {{"w.e2e", "ignore"}}));
  ASSERT_TRUE(ignored);
  EXPECT_TRUE(ignored->service("leaky")->knockouts.empty());
  // Without e2e, leaky has location and anonymous green: the maximum.
  EXPECT_EQ(ignored->service("leaky")->scaled_tenths, 480);
  EXPECT_EQ(ignored->service("leaky")->klass->id, "green");
}

TEST(Personal, IgnoringEveryFeatureIsAClearErrorNotADivisionByZero) {
  const Methodology m = small();
  const Edition e = edition();
  const EditionScore official = score_edition(m, e);
  const auto r = personal_ranking(
      official, weights(m, {{"w.e2e", "ignore"}, {"w.location", "ignore"}, {"w.anonymous", "ignore"}}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("every feature is set to ignore"), std::string::npos) << r.error().message;
}

TEST(Personal, ParametersAreCheckedAndOthersIgnored) {
  const Methodology m = small();
  auto unknown = parse_personal_weights(m, {{"w.locaton", "more"}});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("did you mean `w.location`?"), std::string::npos) << unknown.error().message;
  auto bad = parse_personal_weights(m, {{"w.e2e", "lots"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("ignore, less, published, more"), std::string::npos) << bad.error().message;
  auto other = parse_personal_weights(m, {{"lang", "de"}, {"w.anonymous", "ignore"}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->importance[2], Importance::ignore);
  EXPECT_EQ(personal_query(m, *other), "w.anonymous=ignore");
  // The query round-trips.
  auto again = parse_personal_weights(m, {{"w.anonymous", "ignore"}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->importance, other->importance);
}

TEST(Personal, WeightsOfAnotherMethodologyAreRejected) {
  const Methodology m = small();
  const EditionScore official = score_edition(m, edition());
  PersonalWeights two;
  two.importance = {Importance::more, Importance::less};
  EXPECT_FALSE(personal_ranking(official, two));
}

}  // namespace
}  // namespace privascore::method
