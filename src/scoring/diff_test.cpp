// Tests of the diff between two editions: joined and left, per-feature
// causes, and the split of a change into its ratings and methodology parts.
#include "scoring/diff.h"

#include <gtest/gtest.h>

namespace privascore {
namespace {

Level make_level(const std::string& id, int points) {
  Level l;
  l.id = id;
  l.points = points;
  l.label = {id, id};
  return l;
}

Feature make_feature(const std::string& id, int weight) {
  Feature f;
  f.id = id;
  f.anchor = id;
  f.weight = weight;
  f.name = {id, id};
  return f;
}

// green 3 / yellow 2 / red 1; one class "all" holds every score, a second
// class "top" exists in some tests.
Methodology methodology(int version, std::vector<Feature> features) {
  Methodology m;
  m.category = "c";
  m.version = version;
  m.levels = {make_level("green", 3), make_level("yellow", 2), make_level("red", 1)};
  m.features = std::move(features);
  ClassBand all;
  all.id = "all";
  all.label = {"all", "all"};
  m.classes = {all};
  return m;
}

Assessment service(const std::string& id, const std::vector<std::pair<std::string, std::string>>& levels,
                   RatingStatus status = RatingStatus::sourced) {
  Assessment a;
  a.id = id;
  a.name = id;
  for (const auto& [feature, level] : levels) {
    Rating r;
    r.feature = feature;
    r.level = level;
    r.status = status;
    a.ratings.push_back(r);
  }
  return a;
}

Edition edition(int day, int methodology_version, std::vector<Assessment> assessments) {
  Edition e;
  e.category = "c";
  e.date = Date{2024, 1, day};
  e.methodology = methodology_version;
  for (const auto& a : assessments) e.services.push_back(a.id);
  e.assessments = std::move(assessments);
  return e;
}

TEST(Diff, JoinedLeftAndCauses) {
  Category c;
  c.id = "c";
  c.methodologies.emplace(1, methodology(1, {make_feature("a", 10), make_feature("b", 1)}));
  c.editions.push_back(
      edition(1, 1,
              {service("stays", {{"a", "red"}, {"b", "green"}}), service("same", {{"a", "green"}, {"b", "green"}}),
               service("goes", {{"a", "green"}, {"b", "green"}})}));
  c.editions.push_back(
      edition(2, 1,
              {service("stays", {{"a", "yellow"}, {"b", "green"}}), service("same", {{"a", "green"}, {"b", "green"}}),
               service("new", {{"a", "green"}, {"b", "red"}})}));
  const EditionDiff d = diff_editions(c, c.editions[0], c.editions[1]);
  EXPECT_FALSE(d.methodology_changed());
  EXPECT_EQ(d.joined, std::vector<std::string>{"new"});
  EXPECT_EQ(d.left, std::vector<std::string>{"goes"});
  ASSERT_EQ(d.changed.size(), 1u);
  const ServiceChange& s = d.changed[0];
  EXPECT_EQ(s.id, "stays");
  EXPECT_EQ(s.from_points, 13);
  EXPECT_EQ(s.to_points, 23);
  EXPECT_EQ(s.delta(), 10);
  EXPECT_EQ(s.delta_from_ratings, 10);
  EXPECT_EQ(s.delta_from_methodology, 0);
  ASSERT_EQ(s.causes.size(), 1u);
  EXPECT_EQ(s.causes[0].feature, "a");
  EXPECT_EQ(s.causes[0].from_level, "red");
  EXPECT_EQ(s.causes[0].to_level, "yellow");
  EXPECT_EQ(s.causes[0].delta(), 10);
  EXPECT_EQ(d.unchanged, 1);  // "same": same points, class and rank
}

TEST(Diff, StatusChangeAloneIsACauseWithoutPoints) {
  Category c;
  c.id = "c";
  c.methodologies.emplace(1, methodology(1, {make_feature("a", 1)}));
  c.editions.push_back(edition(1, 1, {service("s", {{"a", "red"}}, RatingStatus::unverified)}));
  c.editions.push_back(edition(2, 1, {service("s", {{"a", "red"}}, RatingStatus::sourced)}));
  const EditionDiff d = diff_editions(c, c.editions[0], c.editions[1]);
  ASSERT_EQ(d.changed.size(), 1u);
  ASSERT_EQ(d.changed[0].causes.size(), 1u);
  const FeatureChange& f = d.changed[0].causes[0];
  EXPECT_TRUE(f.status_changed);
  EXPECT_EQ(f.from_status, "unverified");
  EXPECT_EQ(f.to_status, "sourced");
  EXPECT_EQ(f.delta(), 0);
  EXPECT_EQ(d.changed[0].delta(), 0);
}

struct SplitCase {
  const char* name;
  const char* from_a;  // level of feature a in the old edition
  const char* to_a;    // ... in the new edition
  int new_weight;      // weight of a in methodology v2 (v1: 10)
  int delta_ratings;   // new ratings under v1 minus old ratings under v1
  int delta_methodology;
};

TEST(Diff, MethodologyChangeSplitsTheDelta) {
  // v1: a weight 10, b weight 1. v2: a re-weighted, b unchanged, c added.
  const SplitCase cases[] = {
      {"weight only", "green", "green", 5, 0, -14},   // 33 → 19 (c is unknown: 1 point)
      {"rating only", "red", "green", 10, 20, 1},     // 13 → 33 under v1, then c adds 1
      {"both", "red", "yellow", 20, 10, 21},          // 13 → 23 under v1 → 44 under v2
      {"both cancel", "yellow", "green", 7, 10, -8},  // 23 → 33 → 25
  };
  for (const auto& sc : cases) {
    SCOPED_TRACE(sc.name);
    Category c;
    c.id = "c";
    c.methodologies.emplace(1, methodology(1, {make_feature("a", 10), make_feature("b", 1)}));
    c.methodologies.emplace(
        2, methodology(2, {make_feature("a", sc.new_weight), make_feature("b", 1), make_feature("c", 1)}));
    c.editions.push_back(edition(1, 1, {service("s", {{"a", sc.from_a}, {"b", "green"}})}));
    c.editions.push_back(edition(2, 2, {service("s", {{"a", sc.to_a}, {"b", "green"}})}));
    const EditionDiff d = diff_editions(c, c.editions[0], c.editions[1]);
    EXPECT_TRUE(d.methodology_changed());
    ASSERT_EQ(d.changed.size(), 1u);
    const ServiceChange& s = d.changed[0];
    EXPECT_EQ(s.delta_from_ratings, sc.delta_ratings);
    EXPECT_EQ(s.delta_from_methodology, sc.delta_methodology);
    EXPECT_EQ(s.delta(), s.delta_from_ratings + s.delta_from_methodology);
  }
}

TEST(Diff, MethodologyChangesAreListed) {
  Methodology v1 = methodology(1, {make_feature("a", 10), make_feature("b", 1)});
  Methodology v2 = methodology(2, {make_feature("a", 12), make_feature("c", 1)});
  v2.levels.push_back(make_level("absent", 0));
  const std::vector<MethodologyChange> changes = diff_methodologies(v1, v2);
  auto has = [&](const std::string& kind, const std::string& subject, const std::string& from, const std::string& to) {
    for (const auto& c : changes)
      if (c.kind == kind && c.subject == subject && c.from == from && c.to == to) return true;
    return false;
  };
  EXPECT_TRUE(has("weight", "a", "10", "12"));
  EXPECT_TRUE(has("feature-removed", "b", "1", ""));
  EXPECT_TRUE(has("feature-added", "c", "", "1"));
  EXPECT_TRUE(has("level", "absent", "", "0"));
  EXPECT_EQ(changes.size(), 4u);
  EXPECT_TRUE(diff_methodologies(v1, v1).empty());
}

}  // namespace
}  // namespace privascore
