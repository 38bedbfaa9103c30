// docs/adding-data.md: every TOML example, placed at the path its marker
// names (`<!-- guide: PATH -->` before a ```toml block), together with the
// copy the guide tells the reader to make, is valid data that scores what
// the page says, and the dry run shows what the page says it shows.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "check/check.h"
#include "loader/loader.h"
#include "scoring/scoring.h"
#include "store/import_plan.h"
#include "test_support.h"

namespace privascore {
namespace {

std::map<std::string, std::string> guide_examples() {
  const std::string doc = test::read_text(test::source_path("docs/adding-data.md"));
  std::map<std::string, std::string> out;
  const std::string marker = "<!-- guide: ";
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    const std::size_t end = doc.find(" -->", at);
    const std::string path = doc.substr(at + marker.size(), end - at - marker.size());
    const std::string fence = " -->\n```toml\n";
    EXPECT_EQ(doc.compare(end, fence.size(), fence), 0) << "example " << path << " is not followed by ```toml";
    const std::size_t open = end + fence.size();
    const std::size_t close = doc.find("\n```", open);
    EXPECT_TRUE(out.emplace(path, doc.substr(open, close - open + 1)).second) << path << " is shown twice";
  }
  return out;
}

std::string diagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.to_string() + "\n";
  return out;
}

class GuideExamples : public testing::Test {
 protected:
  void SetUp() override {
    const auto examples = guide_examples();
    ASSERT_EQ(examples.size(), 5u) << "a new example needs a look at this test";
    MemorySource source("<docs/adding-data.md>");
    for (const auto& [path, text] : examples) source.add(path, text);
    // "cp -r …/2025-01-15 …/2025-03-01": the first service comes along.
    const std::string first = "example-notes/editions/2025-01-15/services/example-notes-app.toml";
    ASSERT_TRUE(examples.count(first));
    source.add("example-notes/editions/2025-03-01/services/example-notes-app.toml", examples.at(first));
    DiagnosticSink sink;
    m_catalogue = load_catalogue(source, sink);
    check_catalogue(m_catalogue, CheckOptions{Date{2025, 3, 15}, 12}, sink);
    ASSERT_TRUE(sink.items().empty()) << diagnostics(sink);
  }
  Catalogue m_catalogue;
};

TEST_F(GuideExamples, ScoreWhatThePageSays) {
  const Category* category = m_catalogue.category("example-notes");
  ASSERT_NE(category, nullptr);
  const Methodology& m = *category->methodology(1);
  // "The maximum (… 4 × 3 + 2 × 3 = 18) and the minimum (4 × 1 + 2 × 1 = 6)"
  EXPECT_EQ(m.max_points(), 18);
  EXPECT_EQ(m.min_points(), 6);

  // "Example Notes scores 4 × 3 + 2 × 1 = 14 of 18: yellow."
  const EditionScore first = score_edition(m, *category->edition(Date{2025, 1, 15}));
  const ServiceScore* notes = first.service("example-notes-app");
  ASSERT_NE(notes, nullptr);
  EXPECT_EQ(notes->points, 14);
  EXPECT_EQ(notes->klass->id, "yellow");

  // "Open Pad scores 4 × 1 (unknown counts as red) + 2 × 3 = 10 of 18: yellow, provisional."
  const EditionScore second = score_edition(m, *category->edition(Date{2025, 3, 1}));
  const ServiceScore* pad = second.service("open-pad");
  ASSERT_NE(pad, nullptr);
  EXPECT_EQ(pad->points, 10);
  EXPECT_EQ(pad->klass->id, "yellow");
  EXPECT_TRUE(pad->provisional);
  EXPECT_EQ(second.service("example-notes-app")->points, 14);
}

TEST_F(GuideExamples, DryRunShowsWhatThePageSays) {
  // Step 4: into a database without the category.
  const std::string added = store::plan_import(Catalogue{}, m_catalogue).to_text();
  EXPECT_NE(added.find("+ category example-notes\n"), std::string::npos) << added;
  EXPECT_NE(added.find("+ methodology v1 of example-notes"), std::string::npos) << added;
  EXPECT_NE(added.find("+ edition 2025-01-15 of example-notes"), std::string::npos) << added;
  // "Add a service": into a database that holds the first edition.
  Catalogue before = m_catalogue;
  auto& editions = before.categories.front().editions;
  editions.erase(std::remove_if(editions.begin(), editions.end(),
                                [](const Edition& e) {
                                  return e.date == Date{2025, 3, 1};
                                }),
                 editions.end());
  const store::ImportPlan plan = store::plan_import(before, m_catalogue);
  EXPECT_NE(plan.to_text().find("+ edition 2025-03-01 of example-notes"), std::string::npos) << plan.to_text();
  EXPECT_EQ(plan.counts(), "1 new edition");
}

}  // namespace
}  // namespace privascore
