// Content comparison: locations never count, every other field does, and
// the first difference is named with both values.
#include "store/content_diff.h"

#include <gtest/gtest.h>

#include <functional>

#include "store/store_testing.h"

namespace privascore::store {
namespace {

const DiffLabels k_labels{"in A", "in B"};

TEST(ContentDiff, IgnoresSourceLocations) {
  const Catalogue a = testing::bundled_catalogue();
  Catalogue b = a;
  for (auto& c : b.categories) {
    for (auto& [v, m] : c.methodologies) {
      m.loc = Loc{"elsewhere.toml", 9, 9};
      for (auto& f : m.features) f.loc = Loc{"elsewhere.toml", 1, 2};
    }
    for (auto& e : c.editions) {
      e.loc = Loc{"x", 1, 1};
      for (auto& l : e.service_locs) l = Loc{"y", 2, 2};
      for (auto& s : e.assessments) {
        s.loc = Loc{"z", 3, 3};
        for (auto& r : s.ratings) r.loc = r.level_loc = Loc{"r", 4, 4};
      }
    }
  }
  EXPECT_EQ(catalogue_difference(a, b, k_labels), std::nullopt);
}

TEST(ContentDiff, NamesTheFirstDifferenceWithBothValues) {
  const Catalogue a = testing::bundled_catalogue();
  Catalogue b = a;
  Edition& e = b.categories.front().editions.back();
  Assessment& s = e.assessments.front();
  Rating* with_evidence = nullptr;
  for (auto& r : s.ratings) {
    if (!r.evidence.empty()) with_evidence = &r;
  }
  ASSERT_NE(with_evidence, nullptr);
  with_evidence->evidence.front().title = "Another title";
  auto diff = catalogue_difference(a, b, k_labels);
  ASSERT_TRUE(diff);
  EXPECT_NE(diff->find(b.categories.front().id + "/editions/" + e.date.to_string()), std::string::npos) << *diff;
  EXPECT_NE(diff->find("services/" + s.id + ".toml"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("`" + with_evidence->feature + "`"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("evidence 1 title"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("\"Another title\" in B"), std::string::npos) << *diff;
}

TEST(ContentDiff, SeesEveryKindOfChange) {
  const Catalogue base = testing::bundled_catalogue();
  const Category& c0 = base.categories.front();
  ASSERT_FALSE(c0.editions.empty());
  using Change = std::function<void(Catalogue&)>;
  const std::vector<std::pair<std::string, Change>> changes = {
      {"edition.toml: title.de", [](Catalogue& c) { c.categories[0].editions[0].title.de += "!"; }},
      {"edition.toml: source", [](Catalogue& c) { c.categories[0].editions[0].source = "https://example.org/x"; }},
      {"edition.toml: number of notes",
       [](Catalogue& c) { c.categories[0].editions[0].notes.push_back(EditionNote{}); }},
      {"edition.toml: number of published figures",
       [](Catalogue& c) { c.categories[0].editions[0].published.push_back(PublishedFigure{}); }},
      {"vendor", [](Catalogue& c) { c.categories[0].editions[0].assessments[0].vendor += "x"; }},
      {"note",
       [](Catalogue& c) {
         auto& a = c.categories[0].editions[0].assessments[0];
         a.note = a.note ? std::nullopt : std::optional<Text>(Text{"x", "y"});
       }},
      {"level", [](Catalogue& c) { c.categories[0].editions[0].assessments[0].ratings[0].level = "unknown"; }},
      {"status",
       [](Catalogue& c) {
         auto& r = c.categories[0].editions[0].assessments[0].ratings[0];
         r.status = r.status == RatingStatus::sourced ? RatingStatus::unverified : RatingStatus::sourced;
       }},
      {"hosting_note",
       [](Catalogue& c) {
         auto& m = c.categories[0].methodologies.begin()->second;
         m.hosting_note = m.hosting_note ? std::nullopt : std::optional<Text>(Text{"x", "y"});
       }},
      {"lower bound",
       [](Catalogue& c) {
         for (auto& k : c.categories[0].methodologies.begin()->second.classes) {
           if (k.lower) {
             k.lower->inclusive = !k.lower->inclusive;
             return;
           }
         }
       }},
      {"symbol", [](Catalogue& c) { c.categories[0].methodologies.begin()->second.levels[0].symbol = "?"; }},
      {"editions", [](Catalogue& c) { c.categories[0].editions.pop_back(); }},
      {"methodology versions",
       [](Catalogue& c) { c.categories[0].methodologies.erase(c.categories[0].methodologies.begin()); }},
      {"categories", [](Catalogue& c) { c.categories.pop_back(); }},
  };
  for (const auto& [expected, change] : changes) {
    Catalogue changed = base;
    change(changed);
    auto diff = catalogue_difference(base, changed, k_labels);
    ASSERT_TRUE(diff) << expected;
    EXPECT_NE(diff->find(expected), std::string::npos) << "expected \"" << expected << "\" in: " << *diff;
  }
}

TEST(ContentDiff, SeesChangesToSourcesDerivationAndVariants) {
  const Catalogue base = testing::docs_example_catalogue();
  using Change = std::function<void(Catalogue&)>;
  auto m = [](Catalogue& c) -> Methodology& { return c.categories[0].methodologies.begin()->second; };
  auto a = [](Catalogue& c) -> Assessment& { return c.categories[0].editions[0].assessments[0]; };
  const std::vector<std::pair<std::string, Change>> changes = {
      {"names", [&](Catalogue& c) { m(c).sources[0].names.pop_back(); }},
      {"year", [&](Catalogue& c) { m(c).sources[0].year += 1; }},
      {"derivation step", [&](Catalogue& c) { m(c).derivation->step += 1; }},
      {"derivation is present", [&](Catalogue& c) { m(c).derivation.reset(); }},
      {"default", [&](Catalogue& c) { a(c).variants[0].is_default = !a(c).variants[0].is_default; }},
      {"operator", [&](Catalogue& c) { a(c).variants.back().operator_name += "x"; }},
      {"evidence 1 url", [&](Catalogue& c) { a(c).variants.back().ratings.at(0).evidence.at(0).url += "x"; }},
      {"number of variants", [&](Catalogue& c) { a(c).variants.pop_back(); }},
  };
  for (const auto& [expected, change] : changes) {
    Catalogue changed = base;
    change(changed);
    auto diff = catalogue_difference(base, changed, k_labels);
    ASSERT_TRUE(diff) << expected;
    EXPECT_NE(diff->find(expected), std::string::npos) << "expected \"" << expected << "\" in: " << *diff;
  }
}

TEST(ContentDiff, ShowsAnExcerptOfLongTexts) {
  Edition a;
  a.summary.de = std::string(500, 'x') + "alt" + std::string(500, 'y');
  Edition b = a;
  b.summary.de = std::string(500, 'x') + "neu" + std::string(500, 'y');
  auto diff = edition_difference(a, b, k_labels);
  ASSERT_TRUE(diff);
  EXPECT_NE(diff->find("alt"), std::string::npos) << *diff;
  EXPECT_NE(diff->find("neu"), std::string::npos) << *diff;
  EXPECT_LT(diff->size(), 300u) << *diff;
}

}  // namespace
}  // namespace privascore::store
