// An accepted assist suggestion becomes a rating draft that still needs a
// second person's review; bad suggestions are refused with the reason.
#include "editor/suggestion_draft.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "editor/draft_payload.h"
#include "editor/editor_testing.h"

namespace privascore::editor {
namespace {

assist::Suggestion e2e_suggestion() {
  assist::Suggestion s;
  s.origin = "probe";
  s.category = "video-conferencing";
  s.service = "jitsi-meet";
  s.feature = "e2e";
  s.level = "green";
  s.confidence = assist::Confidence::medium;
  s.summary = "End-to-end encryption is on by default on the probed instance.";
  s.evidence.push_back({"setting", "e2ee.enabled = true", "https://meet.example.org/config.js", "2026-11-27T10:00:00Z",
                        std::string(64, 'a'), std::nullopt, 12});
  s.make_id();
  return s;
}

TEST(SuggestionDraft, AcceptedSuggestionBecomesAReviewableRatingDraft) {
  testing::Fixture f;
  auto catalogue = f.store->load_catalogue();
  ASSERT_TRUE(catalogue);
  const Rating* current =
      catalogue->category("video-conferencing")->latest_edition()->assessment("jitsi-meet")->rating("e2e");
  ASSERT_NE(current, nullptr);
  ASSERT_NE(current->level, "green");

  const assist::Suggestion s = e2e_suggestion();
  auto draft = draft_suggestion(f.db(), *catalogue, s, f.editor, f.clock);
  ASSERT_TRUE(draft) << draft.error().to_string();
  EXPECT_EQ(draft->status, DraftStatus::open);  // nothing is approved or published by itself
  EXPECT_EQ(draft->author, "erika");
  EXPECT_EQ(draft->service, "jitsi-meet");
  EXPECT_EQ(draft->feature, "e2e");
  ASSERT_TRUE(draft->before.has_value());
  EXPECT_EQ(*draft->before, rating_json(*current));
  auto proposed = rating_from_json(draft->payload);
  ASSERT_TRUE(proposed) << proposed.error().to_string();
  EXPECT_EQ(proposed->level, "green");
  EXPECT_EQ(proposed->status, RatingStatus::sourced);
  ASSERT_EQ(proposed->evidence.size(), current->evidence.size() + 1);
  const Evidence& added = proposed->evidence.back();
  EXPECT_EQ(added.url, "https://meet.example.org/config.js");
  EXPECT_EQ(added.quote, "e2ee.enabled = true");
  EXPECT_EQ(added.retrieved, Date::parse("2026-11-27"));
  EXPECT_NE(proposed->justification.en.find(s.summary), std::string::npos);
  EXPECT_FALSE(proposed->justification.de.empty());
  EXPECT_NE(draft->reason.en.find(s.id), std::string::npos);
  EXPECT_NE(draft->reason.de.find(s.id), std::string::npos);

  // The same rating again: the open draft is named, nothing is overwritten.
  auto again = draft_suggestion(f.db(), *catalogue, s, f.editor, f.clock);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_NE(again.error().message.find("#" + std::to_string(draft->id)), std::string::npos);
}

TEST(SuggestionDraft, SuggestionsThatCannotBeARatingAreRefused) {
  testing::Fixture f;
  auto catalogue = f.store->load_catalogue();
  ASSERT_TRUE(catalogue);
  struct Case {
    const char* what;
    void (*change)(assist::Suggestion&);
    const char* message;
  };
  const Case cases[] = {
      {"evidence only", [](assist::Suggestion& s) { s.level.clear(); }, "evidence only"},
      {"an instance, no service", [](assist::Suggestion& s) { s.service.clear(); }, "names no service"},
      {"unknown feature", [](assist::Suggestion& s) { s.feature = "telepathy"; }, "feature `telepathy`"},
      {"level off the scale", [](assist::Suggestion& s) { s.level = "purple"; }, "level `purple`"},
      {"unknown category", [](assist::Suggestion& s) { s.category = "toasters"; }, "category `toasters`"},
  };
  for (const Case& c : cases) {
    assist::Suggestion s = e2e_suggestion();
    c.change(s);
    auto input = draft_input_from_suggestion(*catalogue, s);
    ASSERT_FALSE(input) << c.what;
    EXPECT_EQ(input.error().kind, ErrorKind::invalid) << c.what;
    EXPECT_NE(input.error().message.find(c.message), std::string::npos) << c.what << ": " << input.error().message;
  }
}

}  // namespace
}  // namespace privascore::editor
