// Table-driven tests of the scoring engine. See tests/engine_cases_test.cpp
// for more cases.
#include "scoring/scoring.h"

#include <gtest/gtest.h>

#include "loader/loader.h"

namespace privascore {
namespace {

// A tiny methodology built from inline TOML.
Methodology tiny_methodology() {
  DiagnosticSink sink;
  auto m = parse_methodology(R"(
category = "t"
version = 1
effective = 2024-01-01
name = { de = "T", en = "T" }
summary = { de = "T", en = "T" }
slug = { de = "t", en = "t" }
weights_provenance = "published"
provenance_note = { de = "x", en = "x" }
[[level]]
id = "green"
points = 3
colour = "#00ff00"
symbol = "G"
label = { de = "g", en = "g" }
[[level]]
id = "red"
points = 1
colour = "#ff0000"
symbol = "R"
label = { de = "r", en = "r" }
[[feature]]
id = "a"
anchor = "a"
weight = 2
name = { de = "A", en = "A" }
explanation = { de = "A", en = "A" }
[[feature]]
id = "b"
anchor = "b"
weight = 1
name = { de = "B", en = "B" }
explanation = { de = "B", en = "B" }
[[class]]
id = "green"
colour = "#00ff00"
symbol = "G"
label = { de = "g", en = "g" }
more_than = 6
[[class]]
id = "red"
colour = "#ff0000"
symbol = "R"
label = { de = "r", en = "r" }
at_most = 6
)",
                             "tiny.toml", sink);
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

}  // namespace
}  // namespace privascore
