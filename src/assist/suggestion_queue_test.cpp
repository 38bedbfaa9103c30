#include "assist/suggestion_queue.h"
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

namespace privascore::assist {
namespace {

Suggestion sample(const std::string& feature, const std::string& text) {
  Suggestion s;
  s.origin = "policy";
  s.service = "example-meet";
  s.feature = feature;
  s.level = "yellow";
  s.confidence = Confidence::low;
  s.summary = "because";
  s.created = "2026-01-01T00:00:00Z";
  SuggestionEvidence e;
  e.kind = "quote";
  e.text = text;
  e.url = "https://example.org/privacy";
  e.retrieved = "2026-01-02T03:04:05Z";
  e.content_sha256 = std::string(64, 'a');
  e.offset = 10;
  e.line = 2;
  s.evidence.push_back(e);
  s.caveats.push_back(k_caveat_presence);
  s.make_id();
  return s;
}

class Queue : public ::testing::Test {
 protected:
  void SetUp() override {
    char name[] = "/tmp/privascore-queue-XXXXXX";
    int fd = mkstemp(name);
    close(fd);
    unlink(name);
    m_path = name;
  }
  void TearDown() override { unlink(m_path.c_str()); }
  std::string m_path;
};

TEST_F(Queue, AddsOnceDecidesOnceAndPersists) {
  JsonlSuggestionQueue q(m_path);
  auto a = sample("metadata", "We share data.");
  auto b = sample("transparency", "The controller is X.");
  ASSERT_EQ(*q.add({a, b}), 2u);
  EXPECT_EQ(*q.add({a}), 0u) << "same content, same id";
  auto decided = q.decide(a.id, Decision::accepted, "editor-1", "checked the page");
  ASSERT_TRUE(decided) << decided.error().to_string();
  auto again = q.decide(a.id, Decision::rejected, "editor-2", "");
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().message.find("already accepted"), std::string::npos);
  EXPECT_FALSE(q.decide("0000000000000000", Decision::accepted, "e", ""));
  EXPECT_FALSE(q.decide(b.id, Decision::accepted, "", "")) << "an editor name is required";

  JsonlSuggestionQueue reopened(m_path);
  auto entries = reopened.entries();
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].decision, Decision::accepted);
  EXPECT_EQ((*entries)[0].editor, "editor-1");
  EXPECT_EQ((*entries)[1].decision, Decision::pending);
  EXPECT_EQ((*entries)[0].suggestion.evidence[0].offset, 10u);
}

TEST_F(Queue, InvalidUtf8FromAPageDoesNotBreakTheFile) {
  JsonlSuggestionQueue q(m_path);
  ASSERT_TRUE(q.add({sample("metadata", "broken \xFF\xFE text")}));
  auto entries = q.entries();
  ASSERT_TRUE(entries);
  EXPECT_EQ(entries->size(), 1u);
}

TEST_F(Queue, CorruptLineIsReportedWithItsLine) {
  std::ofstream(m_path) << "{\"event\":\"suggested\",\"suggestion\":{}}\n";
  JsonlSuggestionQueue q(m_path);
  auto entries = q.entries();
  ASSERT_FALSE(entries);
  EXPECT_NE(entries.error().message.find(":1:"), std::string::npos) << entries.error().message;
}

TEST(Suggestion, BecomesRatingEvidence) {
  auto s = sample("metadata", "We share data.");
  auto evidence = to_rating_evidence(s);
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(evidence[0].quote, "We share data.");
  EXPECT_EQ(evidence[0].url, "https://example.org/privacy");
  ASSERT_TRUE(evidence[0].retrieved);
  EXPECT_EQ(evidence[0].retrieved->to_string(), "2026-01-02");
  auto round = suggestion_from_json(to_json(s));
  ASSERT_TRUE(round);
  EXPECT_EQ(round->id, s.id);
  EXPECT_EQ(round->evidence[0].line, 2u);
}

}  // namespace
}  // namespace privascore::assist
