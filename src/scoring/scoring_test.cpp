// Table-driven tests of the scoring engine: points, thresholds at their
// exact bounds, knock-outs, unknowns, coverage, ties, re-scoring. The diff
// between editions is tested in diff_test.cpp.
#include "scoring/scoring.h"

#include <gtest/gtest.h>

#include <climits>

#include "loader/loader.h"
#include "loader/loader_testing.h"

namespace privascore {
namespace {

// The tiny methodology of loader/loader_testing.h: a (weight 2), b (weight 1),
// green above 6 points.
Methodology tiny_methodology() {
  DiagnosticSink sink;
  auto m = parse_methodology(test_data::k_tiny_methodology, "tiny.toml", sink);
  EXPECT_FALSE(sink.has_errors());
  return *m;
}

Assessment service(const std::string& id, const std::string& a, const std::string& b) {
  Assessment s;
  s.id = id;
  s.name = id;
  for (auto [feature, level] : {std::pair{"a", a}, std::pair{"b", b}}) {
    Rating r;
    r.feature = feature;
    r.level = level;
    s.ratings.push_back(r);
  }
  return s;
}

TEST(Scoring, PointsAreWeightTimesLevel) {
  const Methodology m = tiny_methodology();
  EXPECT_EQ(m.max_points(), 9);
  EXPECT_EQ(m.min_points(), 3);
  Edition e;
  e.assessments = {service("x", "green", "red"), service("y", "red", "green"), service("z", "green", "green")};
  const EditionScore score = score_edition(m, e);
  EXPECT_EQ(score.service("x")->points, 7);
  EXPECT_EQ(score.service("y")->points, 5);
  EXPECT_EQ(score.service("z")->points, 9);
  EXPECT_EQ(score.service("x")->klass->id, "green");  // 7 > 6
  EXPECT_EQ(score.service("y")->klass->id, "red");
  EXPECT_EQ(score.services[0].assessment->id, "z");
  EXPECT_EQ(score.services[0].rank, 1);
}

TEST(Scoring, UnknownCountsAsLowestAndIsProvisional) {
  const Methodology m = tiny_methodology();
  Edition e;
  e.assessments = {service("known-bad", "red", "red"), service("unknown", "unknown", "red")};
  const EditionScore score = score_edition(m, e);
  const ServiceScore* u = score.service("unknown");
  EXPECT_EQ(u->points, score.service("known-bad")->points);
  EXPECT_TRUE(u->provisional);
  EXPECT_FALSE(score.service("known-bad")->provisional);
  EXPECT_EQ(u->coverage_percent(), 33);                  // weight 1 of 3 known
  EXPECT_EQ(u->rank, score.service("known-bad")->rank);  // a tie, never better
}

// ---------------------------------------------------------------------------
// Methodologies built as values, checked by the validator so that every case
// runs on data the loader would accept.

Level make_level(const std::string& id, int points) {
  Level l;
  l.id = id;
  l.points = points;
  l.colour = "#000000";
  l.symbol = "x";
  l.label = {id, id};
  return l;
}

Feature make_feature(const std::string& id, int weight) {
  Feature f;
  f.id = id;
  f.anchor = id;
  f.weight = weight;
  f.name = {id, id};
  f.explanation = {id, id};
  return f;
}

ClassBand make_class(const std::string& id, std::optional<Bound> lower, std::optional<Bound> upper) {
  ClassBand c;
  c.id = id;
  c.colour = "#000000";
  c.symbol = id.substr(0, 1);
  c.label = {id, id};
  c.lower = lower;
  c.upper = upper;
  return c;
}

Bound inclusive(int value) {
  return Bound{value, true};
}
Bound exclusive(int value) {
  return Bound{value, false};
}

// A binary methodology: eight features with weights 128, 64, ..., 1 and the
// levels yes (1 point) and no (0 points), so every score from 0 to 255 is
// reached by exactly one combination: its binary digits.
Methodology binary_methodology(std::vector<ClassBand> classes) {
  Methodology m;
  m.category = "binary";
  m.version = 1;
  m.levels = {make_level("yes", 1), make_level("no", 0)};
  for (int bit = 7; bit >= 0; --bit) m.features.push_back(make_feature("f" + std::to_string(bit), 1 << bit));
  m.classes = std::move(classes);
  return m;
}

// Level indices (0 = yes, 1 = no) that score exactly `points`.
std::vector<std::uint8_t> binary_levels(int points) {
  std::vector<std::uint8_t> levels;
  for (int bit = 7; bit >= 0; --bit) levels.push_back((points >> bit) & 1 ? 0 : 1);
  return levels;
}

void expect_valid(const Methodology& m) {
  DiagnosticSink sink;
  validate_methodology(m, sink);
  for (const auto& d : sink.items()) ADD_FAILURE() << d.to_string();
}

struct BoundCase {
  const char* name;
  std::vector<ClassBand> classes;
  int points;
  const char* expected_class;
};

TEST(ScoringThresholds, ExactBoundsAreInclusiveOrExclusiveAsWritten) {
  // The published bounds: above 200 green, below 100 red, the rest yellow.
  const std::vector<ClassBand> published = {make_class("green", exclusive(200), std::nullopt),
                                            make_class("yellow", inclusive(100), inclusive(200)),
                                            make_class("red", std::nullopt, exclusive(100))};
  // The same split with the other kind of bound on each side.
  const std::vector<ClassBand> mirrored = {make_class("green", inclusive(200), std::nullopt),
                                           make_class("yellow", exclusive(99), exclusive(200)),
                                           make_class("red", std::nullopt, inclusive(99))};
  const BoundCase cases[] = {
      {"more_than = 200: exactly 200 is not green", published, 200, "yellow"},
      {"more_than = 200: 201 is green", published, 201, "green"},
      {"at_most = 200: 199 is yellow", published, 199, "yellow"},
      {"at_least = 100: exactly 100 is yellow", published, 100, "yellow"},
      {"less_than = 100: 99 is red", published, 99, "red"},
      {"the minimum is red", published, 0, "red"},
      {"the maximum is green", published, 255, "green"},
      {"at_least = 200: exactly 200 is green", mirrored, 200, "green"},
      {"less_than = 200: 199 is yellow", mirrored, 199, "yellow"},
      {"more_than = 99: exactly 99 is red", mirrored, 99, "red"},
      {"more_than = 99: 100 is yellow", mirrored, 100, "yellow"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Methodology m = binary_methodology(c.classes);
    expect_valid(m);
    const ScoringModel model(m);
    const auto levels = binary_levels(c.points);
    const ScoringModel::Result r = model.score(levels.data());
    EXPECT_EQ(r.points, c.points);
    EXPECT_EQ(m.classes[r.class_index].id, c.expected_class);
    EXPECT_EQ(r.class_index, r.computed_class_index) << "no knock-out in these cases";
    // The model's table agrees with the class's own bounds.
    EXPECT_EQ(m.class_for(c.points)->id, c.expected_class);
  }
}

TEST(ScoringThresholds, EveryScoreOfTheRangeGetsTheClassOfItsBounds) {
  const Methodology m = binary_methodology({make_class("green", exclusive(200), std::nullopt),
                                            make_class("yellow", inclusive(100), inclusive(200)),
                                            make_class("red", std::nullopt, exclusive(100))});
  const ScoringModel model(m);
  for (int points = 0; points <= 255; ++points) {
    const auto levels = binary_levels(points);
    const ScoringModel::Result r = model.score(levels.data());
    ASSERT_EQ(r.points, points);
    const char* expected = points > 200 ? "green" : points >= 100 ? "yellow" : "red";
    ASSERT_EQ(m.classes[r.class_index].id, expected) << points << " points";
  }
}

// A four-level scale with a knock-out on the first feature.
Methodology knockout_methodology(const std::string& ko_level, const std::string& cap) {
  Methodology m;
  m.category = "ko";
  m.version = 1;
  m.levels = {make_level("green", 3), make_level("yellow", 2), make_level("red", 1), make_level("absent", 0)};
  m.features = {make_feature("e2e", 10), make_feature("other", 10)};
  m.features[0].knockout = Knockout{ko_level, cap, Text{"k", "k"}, Loc{}};
  // 0..60: green above 40, yellow 21..40, red up to 20.
  m.classes = {make_class("green", exclusive(40), std::nullopt), make_class("yellow", inclusive(21), inclusive(40)),
               make_class("red", std::nullopt, inclusive(20))};
  return m;
}

Assessment rated(const std::string& id, const std::vector<std::pair<std::string, std::string>>& levels) {
  Assessment a;
  a.id = id;
  a.name = id;
  for (const auto& [feature, level] : levels) {
    Rating r;
    r.feature = feature;
    r.level = level;
    r.status = RatingStatus::sourced;
    a.ratings.push_back(r);
  }
  return a;
}

struct KnockoutCase {
  const char* e2e_level;
  const char* other_level;
  int points;
  bool fires;
  const char* klass;
  const char* computed_class;
};

TEST(ScoringKnockout, FiresAtItsLevelAndBelowButNotAbove) {
  // Knock-out at `red`, capped at red: fires for red, absent and unknown.
  const KnockoutCase cases[] = {
      {"green", "green", 60, false, "green", "green"},
      {"yellow", "green", 50, false, "green", "green"},  // one level above: no knock-out
      {"red", "green", 40, true, "red", "yellow"},       // exactly at the level: fires, points kept
      {"absent", "green", 30, true, "red", "yellow"},    // below the level
      {"unknown", "green", 30, true, "red", "yellow"},   // unknown counts as absent
      {"red", "red", 20, true, "red", "red"},            // already red: the cap changes nothing
  };
  const Methodology m = knockout_methodology("red", "red");
  expect_valid(m);
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.e2e_level) + "/" + c.other_level);
    Edition e;
    e.assessments = {rated("s", {{"e2e", c.e2e_level}, {"other", c.other_level}})};
    const EditionScore score = score_edition(m, e);
    const ServiceScore& s = score.services.at(0);
    EXPECT_EQ(s.points, c.points) << "a knock-out never changes the points";
    EXPECT_EQ(s.klass->id, c.klass);
    EXPECT_EQ(s.computed_class->id, c.computed_class);
    EXPECT_EQ(s.knockouts.size(), c.fires ? 1u : 0u);
    EXPECT_EQ(s.features[0].knockout_fired, c.fires);
    EXPECT_FALSE(s.features[1].knockout_fired);
  }
}

TEST(ScoringKnockout, CapLimitsTheClassButNeverImprovesIt) {
  const Methodology m = knockout_methodology("red", "yellow");
  expect_valid(m);
  Edition e;
  e.assessments = {rated("capped", {{"e2e", "red"}, {"other", "green"}}),       // 40 → yellow, cap yellow
                   rated("red-anyway", {{"e2e", "absent"}, {"other", "red"}}),  // 10 → red, cap yellow: stays red
                   rated("top", {{"e2e", "green"}, {"other", "green"}})};
  const EditionScore score = score_edition(m, e);
  EXPECT_EQ(score.service("capped")->klass->id, "yellow");
  EXPECT_EQ(score.service("red-anyway")->klass->id, "red");
  EXPECT_EQ(score.service("red-anyway")->computed_class->id, "red");
  EXPECT_EQ(score.service("top")->klass->id, "green");

  // A green score capped at yellow.
  Edition high;
  Methodology heavy = m;
  heavy.features[1].weight = 30;  // 0..120; e2e red + other green = 10 + 90 = 100
  heavy.classes = {make_class("green", exclusive(80), std::nullopt), make_class("yellow", inclusive(41), inclusive(80)),
                   make_class("red", std::nullopt, inclusive(40))};
  expect_valid(heavy);
  high.assessments = {rated("s", {{"e2e", "red"}, {"other", "green"}})};
  const EditionScore hs = score_edition(heavy, high);
  EXPECT_EQ(hs.services[0].points, 100);
  EXPECT_EQ(hs.services[0].computed_class->id, "green");
  EXPECT_EQ(hs.services[0].klass->id, "yellow");
}

TEST(ScoringKnockout, ModelMaskNamesTheFeatureThatFired) {
  const Methodology m = knockout_methodology("yellow", "red");
  const ScoringModel model(m);
  const std::uint8_t yellow_green[] = {1, 0};
  const std::uint8_t green_yellow[] = {0, 1};
  const std::uint8_t unknown_green[] = {model.unknown_level(), 0};
  EXPECT_EQ(model.score(yellow_green).knockout_mask, 1u);
  EXPECT_EQ(model.score(green_yellow).knockout_mask, 0u);
  EXPECT_EQ(model.score(unknown_green).knockout_mask, 1u);
  EXPECT_EQ(model.score(unknown_green).unknown_count, 1);
}

TEST(ScoringUnknown, NeverBetterThanTheLowestKnownLevel) {
  // The lowest level is listed last but need not be worth 0.
  for (int lowest_points : {0, 1, 5}) {
    SCOPED_TRACE(lowest_points);
    Methodology m;
    m.levels = {make_level("high", lowest_points + 2), make_level("mid", lowest_points + 1),
                make_level("low", lowest_points)};
    m.features = {make_feature("a", 4), make_feature("b", 1)};
    m.classes = {make_class("only", std::nullopt, std::nullopt)};
    expect_valid(m);
    Edition e;
    e.assessments = {rated("unknown", {{"a", "unknown"}, {"b", "high"}}), rated("low", {{"a", "low"}, {"b", "high"}}),
                     rated("mid", {{"a", "mid"}, {"b", "high"}})};
    const EditionScore score = score_edition(m, e);
    const ServiceScore* u = score.service("unknown");
    EXPECT_EQ(u->points, score.service("low")->points);
    EXPECT_LT(u->points, score.service("mid")->points);
    EXPECT_EQ(u->features[0].level->id, "low");
    EXPECT_TRUE(u->features[0].unknown);
    EXPECT_TRUE(u->provisional);
    EXPECT_FALSE(score.service("low")->provisional);
    // Rank: a tie with the known bad rating, listed after it by name only.
    EXPECT_EQ(u->rank, score.service("low")->rank);
  }
}

struct CoverageCase {
  const char* a;
  const char* b;
  int percent;
  int rated_features;
  bool provisional;
};

TEST(ScoringCoverage, ShareOfTheWeightWithAKnownLevel) {
  Methodology m;
  m.levels = {make_level("green", 3), make_level("red", 1)};
  m.features = {make_feature("a", 3), make_feature("b", 1)};
  m.classes = {make_class("only", std::nullopt, std::nullopt)};
  expect_valid(m);
  const CoverageCase cases[] = {
      {"green", "red", 100, 2, false},
      {"green", "unknown", 75, 1, true},
      {"unknown", "red", 25, 1, true},
      {"unknown", "unknown", 0, 0, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.a) + "/" + c.b);
    Edition e;
    e.assessments = {rated("s", {{"a", c.a}, {"b", c.b}})};
    const EditionScore score = score_edition(m, e);
    const ServiceScore& s = score.services.at(0);
    EXPECT_EQ(s.coverage_percent(), c.percent);
    EXPECT_EQ(s.rated_features, c.rated_features);
    EXPECT_EQ(s.provisional, c.provisional);
    EXPECT_EQ(s.total_weight, 4);
  }
}

TEST(ScoringMissingRating, CountsAsUnknownAndUnverified) {
  const Methodology m = tiny_methodology();
  Edition e;
  Assessment a = service("partial", "green", "green");
  a.ratings.pop_back();  // no rating for feature b
  a.ratings[0].status = RatingStatus::sourced;
  e.assessments = {a};
  const EditionScore score = score_edition(m, e);
  const ServiceScore& s = score.services.at(0);
  EXPECT_EQ(s.points, 2 * 3 + 1 * 1);
  EXPECT_TRUE(s.provisional);
  EXPECT_EQ(s.rated_features, 1);
  EXPECT_EQ(s.unverified, 1);
  EXPECT_EQ(s.coverage_percent(), 66);
  const FeatureScore* b = s.feature("b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->rating, nullptr);
  EXPECT_TRUE(b->unknown);
  EXPECT_TRUE(b->unverified());
  EXPECT_EQ(b->level->id, "red");
}

struct RankCase {
  const char* name;
  std::vector<std::pair<const char*, const char*>> services;  // levels of features a and b
  std::vector<std::pair<const char*, int>> expected;          // id, rank in listed order
};

TEST(ScoringRank, TiesShareARankAndTheNextRankSkips) {
  const Methodology m = tiny_methodology();  // a weight 2, b weight 1; green 3, red 1; green above 6
  const RankCase cases[] = {
      {"1, 2, 2, 4",
       {{"green", "green"}, {"green", "red"}, {"green", "red"}, {"red", "green"}},
       {{"s0", 1}, {"s1", 2}, {"s2", 2}, {"s3", 4}}},
      {"all tied", {{"red", "red"}, {"red", "red"}, {"red", "red"}}, {{"s0", 1}, {"s1", 1}, {"s2", 1}}},
      {"1, 1, 3", {{"green", "green"}, {"green", "green"}, {"red", "red"}}, {{"s0", 1}, {"s1", 1}, {"s2", 3}}},
      {"tie at the end", {{"green", "green"}, {"red", "green"}, {"red", "green"}}, {{"s0", 1}, {"s1", 2}, {"s2", 2}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Edition e;
    for (std::size_t i = 0; i < c.services.size(); ++i)
      e.assessments.push_back(service("s" + std::to_string(i), c.services[i].first, c.services[i].second));
    const EditionScore score = score_edition(m, e);
    ASSERT_EQ(score.services.size(), c.expected.size());
    for (std::size_t i = 0; i < c.expected.size(); ++i) {
      EXPECT_EQ(score.services[i].assessment->id, c.expected[i].first);
      EXPECT_EQ(score.services[i].rank, c.expected[i].second);
    }
  }
}

TEST(ScoringRank, ClassComesBeforePointsSoAKnockedOutServiceRanksBelow) {
  const Methodology m = knockout_methodology("red", "red");
  Edition e;
  e.assessments = {rated("knocked-out", {{"e2e", "red"}, {"other", "green"}}),  // 40 points, red by K.O.
                   rated("plain", {{"e2e", "yellow"}, {"other", "absent"}})};   // 20 points, red
  const EditionScore score = score_edition(m, e);
  EXPECT_EQ(score.services[0].assessment->id, "knocked-out");  // both red: more points first
  EXPECT_EQ(score.services[0].rank, 1);
  EXPECT_EQ(score.services[1].rank, 2);

  Edition f;
  f.assessments = {rated("knocked-out", {{"e2e", "red"}, {"other", "green"}}),  // 40, red by K.O.
                   rated("yellow", {{"e2e", "yellow"}, {"other", "red"}})};     // 30, yellow
  const EditionScore s2 = score_edition(m, f);
  EXPECT_EQ(s2.services[0].assessment->id, "yellow");
  EXPECT_EQ(s2.services[1].assessment->id, "knocked-out");
}

TEST(ScoringRescore, SameRatingsUnderAnotherMethodology) {
  const Methodology v1 = tiny_methodology();
  Methodology v2 = v1;
  v2.version = 2;
  v2.features[0].weight = 5;                    // a: 2 → 5
  v2.features.pop_back();                       // b is no longer scored
  v2.features.push_back(make_feature("c", 1));  // c is new: no rating yet
  v2.classes[0].lower = exclusive(10);          // 6..18: green above 10
  v2.classes[1].upper = inclusive(10);
  expect_valid(v2);
  Edition e;
  e.methodology = 1;
  e.assessments = {service("x", "green", "red")};
  const EditionScore original = score_edition(v1, e);
  const ServiceScore& under_v1 = original.services.at(0);
  const EditionScore rescored = score_edition(v2, e);
  const ServiceScore& under_v2 = rescored.services.at(0);
  EXPECT_EQ(under_v1.points, 2 * 3 + 1 * 1);
  EXPECT_EQ(under_v2.points, 5 * 3 + 1 * 1);  // b ignored, c unknown → lowest level
  EXPECT_EQ(rescored.max_points, 18);
  EXPECT_EQ(rescored.methodology, &v2);
  EXPECT_TRUE(under_v2.provisional);
  EXPECT_FALSE(under_v1.provisional);
  EXPECT_EQ(under_v2.klass->id, "green");
  EXPECT_EQ(under_v2.feature("b"), nullptr);
  EXPECT_TRUE(under_v2.feature("c")->unknown);
}

TEST(ScoringModel, ScoreManyMatchesScoreRowByRow) {
  const Methodology m = binary_methodology({make_class("green", exclusive(200), std::nullopt),
                                            make_class("yellow", inclusive(100), inclusive(200)),
                                            make_class("red", std::nullopt, exclusive(100))});
  const ScoringModel model(m);
  std::vector<std::uint8_t> rows;
  for (int p = 0; p <= 255; ++p) {
    auto levels = binary_levels(p);
    rows.insert(rows.end(), levels.begin(), levels.end());
  }
  std::vector<ScoringModel::Result> out(256);
  model.score_many(rows.data(), 256, out.data());
  for (int p = 0; p <= 255; ++p) {
    const auto single = model.score(rows.data() + p * 8);
    ASSERT_EQ(out[p].points, p);
    ASSERT_EQ(out[p].class_index, single.class_index);
  }
  EXPECT_EQ(model.level_index("yes"), 0);
  EXPECT_EQ(model.level_index("unknown"), model.unknown_level());
  EXPECT_EQ(model.level_index("maybe"), -1);
}

}  // namespace
}  // namespace privascore
