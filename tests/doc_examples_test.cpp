// Every TOML example in docs/formats.md loads without a single diagnostic,
// and the worked example scores what the page says it scores. An example is
// a ```toml block right after `<!-- example: methodology|assessment|edition -->`.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "check/check.h"
#include "loader/loader.h"
#include "scoring/scoring.h"
#include "test_support.h"

namespace privascore {
namespace {

// kind → TOML text of the examples in docs/formats.md, in order.
std::multimap<std::string, std::string> doc_examples() {
  const std::string doc = test::read_text(test::source_path("docs/formats.md"));
  std::multimap<std::string, std::string> out;
  const std::string marker = "<!-- example: ";
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    const std::size_t end = doc.find(" -->", at);
    const std::string kind = doc.substr(at + marker.size(), end - at - marker.size());
    const std::string fence = "-->\n```toml\n";
    EXPECT_EQ(doc.compare(end + 1, fence.size(), fence), 0) << "example `" << kind << "` is not followed by ```toml";
    const std::size_t open = end + 1 + fence.size();
    const std::size_t close = doc.find("\n```", open);
    out.emplace(kind, doc.substr(open, close - open + 1));
  }
  return out;
}

std::string diagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.to_string() + "\n";
  return out;
}

TEST(DocExamples, EveryKindIsShown) {
  const auto examples = doc_examples();
  EXPECT_EQ(examples.count("methodology"), 1u);
  EXPECT_EQ(examples.count("assessment"), 1u);
  EXPECT_EQ(examples.count("edition"), 1u);
  EXPECT_EQ(examples.size(), 3u) << "a new kind of example needs a case in this test";
}

TEST(DocExamples, EachExampleParsesAndValidatesCleanly) {
  const auto examples = doc_examples();
  DiagnosticSink sink;
  std::optional<Methodology> methodology;
  for (const auto& [kind, text] : examples) {
    if (kind != "methodology") continue;
    methodology = parse_methodology(text, "docs/formats.md (methodology)", sink);
    ASSERT_TRUE(methodology) << diagnostics(sink);
    validate_methodology(*methodology, sink);
  }
  ASSERT_TRUE(methodology);
  for (const auto& [kind, text] : examples) {
    if (kind == "assessment") {
      auto a = parse_assessment(text, "docs/formats.md (assessment)", sink);
      ASSERT_TRUE(a) << diagnostics(sink);
      validate_assessment(*a, *methodology, sink);
    } else if (kind == "edition") {
      EXPECT_TRUE(parse_edition(text, "docs/formats.md (edition)", sink)) << diagnostics(sink);
    }
  }
  EXPECT_TRUE(sink.items().empty()) << diagnostics(sink);
}

TEST(DocExamples, WorkedExampleScoresAsTheDocSays) {
  const auto examples = doc_examples();
  MemorySource source("<docs>");
  source.add("example-category/methodology/v1.toml", examples.find("methodology")->second);
  source.add("example-category/editions/2024-10-29/edition.toml", examples.find("edition")->second);
  source.add("example-category/editions/2024-10-29/services/example-meet.toml", examples.find("assessment")->second);
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(source, sink);
  // The edition's [[published]] figure (20 points, yellow) is cross-checked too.
  check_catalogue(catalogue, CheckOptions{Date{2024, 11, 1}, 12}, sink);
  ASSERT_TRUE(sink.items().empty()) << diagnostics(sink);

  const Category* category = catalogue.category("example-category");
  ASSERT_NE(category, nullptr);
  const Methodology& m = *category->methodology(1);
  // "With these weights the maximum is 10 × 3 + 5 × 3 = 45 and the minimum 0."
  EXPECT_EQ(m.max_points(), 45);
  EXPECT_EQ(m.min_points(), 0);
  // "The example assessment below scores 10 × 2 + 5 × 0 = 20 points: yellow, and provisional."
  const EditionScore score = score_edition(m, *category->latest_edition());
  const ServiceScore* s = score.service("example-meet");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->points, 20);
  EXPECT_EQ(s->klass->id, "yellow");
  EXPECT_TRUE(s->provisional);
  EXPECT_EQ(s->feature("open-source")->level->id, "absent");
  EXPECT_TRUE(s->knockouts.empty()) << "e2e is yellow, above the knock-out level `absent`";
}

}  // namespace
}  // namespace privascore
