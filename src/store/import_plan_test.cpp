#include "store/import_plan.h"

#include <gtest/gtest.h>

#include "store/store_testing.h"

namespace privascore::store {
namespace {

/// The bundled data with one more edition (a copy of 2024-10-29 dated
/// 2024-12-01) and, when `change`, one justification of the published
/// 2024-10-29 edition changed.
MemorySource changed_source(bool add, bool change) {
  MemorySource source("<changed>");
  const std::string old_dir = "video-conferencing/editions/2024-10-29/";
  for (const auto& file : resources::files("data")) {
    std::string path(file.path);
    std::string content(file.content);
    if (change && path == old_dir + "services/zoom.toml") {
      const std::size_t at = content.find("justification");
      EXPECT_NE(at, std::string::npos);
      const std::size_t quote = content.find('"', content.find("de", at));
      content.insert(quote + 1, "Geändert: ");
    }
    source.add(path, content);
    if (add && path.rfind(old_dir, 0) == 0) {
      std::string copy = content;
      if (path == old_dir + "edition.toml") {
        const std::size_t at = copy.find("date = 2024-10-29");
        EXPECT_NE(at, std::string::npos);
        copy.replace(at, 17, "date = 2024-12-01");
      }
      source.add("video-conferencing/editions/2024-12-01/" + path.substr(old_dir.size()), copy);
    }
  }
  return source;
}

/// Counts of the bundled data, which grows with every category added.
struct Counts {
  int categories = 0, methodologies = 0, editions = 0;
};
Counts counts_of(const Catalogue& catalogue) {
  Counts c;
  for (const Category& category : catalogue.categories) {
    ++c.categories;
    c.methodologies += static_cast<int>(category.methodologies.size());
    c.editions += static_cast<int>(category.editions.size());
  }
  return c;
}

Catalogue load(const FileSource& source) {
  DiagnosticSink sink;
  Catalogue catalogue = load_catalogue(source, sink);
  for (const auto& d : sink.items()) {
    if (d.severity == Severity::error) ADD_FAILURE() << d.to_string();
  }
  return catalogue;
}

TEST(ImportPlan, SameDataChangesNothing) {
  const Catalogue bundled = testing::bundled_catalogue();
  const ImportPlan plan = plan_import(bundled, bundled);
  EXPECT_FALSE(plan.adds());
  EXPECT_FALSE(plan.refuses());
  EXPECT_EQ(plan.counts(), "");
  const Counts c = counts_of(bundled);
  EXPECT_GE(c.editions, 2);
  EXPECT_EQ(plan.unchanged_editions, c.editions);
  EXPECT_EQ(plan.unchanged_methodologies, c.methodologies);
}

TEST(ImportPlan, EverythingIsNewForAnEmptyDatabase) {
  const Catalogue bundled = testing::bundled_catalogue();
  const Counts c = counts_of(bundled);
  ASSERT_GE(c.categories, 2);
  ASSERT_GE(c.methodologies, 2);
  const ImportPlan plan = plan_import(Catalogue{}, bundled);
  EXPECT_EQ(plan.new_categories.size(), static_cast<std::size_t>(c.categories));
  EXPECT_EQ(plan.counts(), std::to_string(c.categories) + " new categories, " + std::to_string(c.methodologies) +
                               " new methodology versions, " + std::to_string(c.editions) + " new editions");
}

TEST(ImportPlan, NewAndChangedEditions) {
  const Catalogue bundled = testing::bundled_catalogue();
  const ImportPlan plan = plan_import(bundled, load(changed_source(true, true)));
  ASSERT_EQ(plan.new_editions.size(), 1u);
  EXPECT_EQ(plan.new_editions[0].what, "edition 2024-12-01");
  ASSERT_EQ(plan.refused.size(), 1u);
  EXPECT_EQ(plan.refused[0].what, "edition 2024-10-29");
  EXPECT_NE(plan.refused[0].difference.find("services/zoom.toml"), std::string::npos) << plan.refused[0].difference;
  EXPECT_NE(plan.refused[0].difference.find("Geändert: "), std::string::npos) << plan.refused[0].difference;
  EXPECT_EQ(plan.counts(), "1 new edition, 1 published element with different content (refused)");
  const std::string text = plan.to_text();
  EXPECT_NE(text.find("+ edition 2024-12-01 of video-conferencing (video-conferencing/editions/2024-12-01/)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("! edition 2024-10-29 of video-conferencing is published with different content, refused "
                      "(video-conferencing/editions/2024-10-29/services/zoom.toml"),
            std::string::npos)
      << text;
}

TEST(ImportPlan, EditionsOnlyInTheDatabaseAreNotCounted) {
  // What the editor published is not in the files; the plan leaves it alone.
  const ImportPlan plan = plan_import(load(changed_source(true, false)), testing::bundled_catalogue());
  EXPECT_FALSE(plan.adds());
  EXPECT_FALSE(plan.refuses());
}

}  // namespace
}  // namespace privascore::store
