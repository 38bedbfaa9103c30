// Drafts: saving, optimistic locking, review rules, withdrawal, audit.
#include "editor/drafts.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "editor/audit.h"
#include "editor/draft_payload.h"
#include "editor/editor_testing.h"

namespace privascore::editor {
namespace {

using testing::Fixture;

Rating e2e_rating(const std::string& level, const std::string& justification) {
  Rating r;
  r.feature = "e2e";
  r.level = level;
  r.status = RatingStatus::sourced;
  r.justification = Text{justification + " (de)", justification};
  r.evidence.push_back(Evidence{"https://example.org/e2e", "Vendor blog", "E2E for everyone.", Date{2024, 11, 2}, {}});
  return r;
}

DraftInput rating_input(const Rating& r, std::int64_t base_draft = 0, int base_version = 0) {
  DraftInput in;
  in.category = "video-conferencing";
  in.kind = DraftKind::rating;
  in.service = "zoom";
  in.feature = "e2e";
  in.payload = rating_json(r);
  in.reason = Text{"Zoom hat E2E eingeführt.", "Zoom introduced E2E."};
  in.base_draft = base_draft;
  in.base_version = base_version;
  return in;
}

TEST(Drafts, CreateThenUpdateWithTheRightBase) {
  Fixture f;
  auto created = save_draft(f.db(), rating_input(e2e_rating("yellow", "first")), f.editor, f.clock);
  ASSERT_TRUE(created) << created.error().to_string();
  ASSERT_EQ(created->kind, SaveOutcome::Kind::created);
  const Draft& d = *created->draft;
  EXPECT_EQ(d.version, 1);
  EXPECT_EQ(d.status, DraftStatus::open);
  EXPECT_EQ(d.author, "erika");
  EXPECT_EQ(d.payload["level"], "yellow");

  auto updated = save_draft(f.db(), rating_input(e2e_rating("green", "second"), d.id, 1), f.editor, f.clock);
  ASSERT_TRUE(updated);
  ASSERT_EQ(updated->kind, SaveOutcome::Kind::updated);
  EXPECT_EQ(updated->draft->id, d.id);
  EXPECT_EQ(updated->draft->version, 2);
  EXPECT_EQ(updated->draft->payload["level"], "green");
}

TEST(Drafts, SecondSaveOnAStaleBaseIsAConflictAndLosesNothing) {
  Fixture f;
  auto first = save_draft(f.db(), rating_input(e2e_rating("yellow", "Erika's text")), f.editor, f.clock);
  ASSERT_TRUE(first);
  // Rolf opened the form before Erika saved: his base is "no draft".
  auto second = save_draft(f.db(), rating_input(e2e_rating("green", "Rolf's text")), f.reviewer, f.clock);
  ASSERT_TRUE(second);
  ASSERT_EQ(second->kind, SaveOutcome::Kind::conflict);
  ASSERT_TRUE(second->draft);
  EXPECT_EQ(second->draft->payload["justification"]["en"], "Erika's text") << "the conflict shows the current version";
  // Erika's draft is unchanged.
  auto current = get_draft(f.db(), first->draft->id);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->version, 1);
  EXPECT_EQ(current->payload["level"], "yellow");
  // An outdated version is a conflict as well.
  auto stale = save_draft(f.db(), rating_input(e2e_rating("green", "x"), first->draft->id, 0), f.reviewer, f.clock);
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->kind, SaveOutcome::Kind::conflict);
}

TEST(Drafts, NobodyApprovesTheirOwnChange) {
  Fixture f;
  // A reviewer writes a draft; they cannot approve it.
  auto own = save_draft(f.db(), rating_input(e2e_rating("yellow", "by rolf")), f.reviewer, f.clock);
  ASSERT_TRUE(own);
  auto self = review_draft(f.db(), own->draft->id, 1, true, "looks fine", f.reviewer, f.clock);
  ASSERT_FALSE(self);
  EXPECT_EQ(self.error().kind, ErrorKind::forbidden);
  // Someone else who only edited a later version cannot either.
  auto edited =
      save_draft(f.db(), rating_input(e2e_rating("yellow", "by rita"), own->draft->id, 1), f.reviewer2, f.clock);
  ASSERT_TRUE(edited);
  auto coauthor = review_draft(f.db(), own->draft->id, 2, true, "ok", f.reviewer2, f.clock);
  ASSERT_FALSE(coauthor);
  EXPECT_EQ(coauthor.error().kind, ErrorKind::forbidden);
  // An editor may not review at all.
  auto editor = review_draft(f.db(), own->draft->id, 2, true, "ok", f.editor, f.clock);
  ASSERT_FALSE(editor);
  EXPECT_EQ(editor.error().kind, ErrorKind::forbidden);
  // The admin, who wrote nothing, may.
  auto approved = review_draft(f.db(), own->draft->id, 2, true, "checked the source", f.admin, f.clock);
  ASSERT_TRUE(approved) << approved.error().to_string();
  EXPECT_EQ(approved->status, DraftStatus::approved);
  EXPECT_EQ(approved->reviewer, "ada");
}

TEST(Drafts, ReviewNeedsACommentAndTheCurrentVersion) {
  Fixture f;
  auto d = save_draft(f.db(), rating_input(e2e_rating("yellow", "x")), f.editor, f.clock);
  ASSERT_TRUE(d);
  auto no_comment = review_draft(f.db(), d->draft->id, 1, false, "  ", f.reviewer, f.clock);
  ASSERT_FALSE(no_comment);
  EXPECT_EQ(no_comment.error().kind, ErrorKind::invalid);
  auto old = review_draft(f.db(), d->draft->id, 7, true, "ok", f.reviewer, f.clock);
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().kind, ErrorKind::conflict);
  auto rejected = review_draft(f.db(), d->draft->id, 1, false, "the source does not say that", f.reviewer, f.clock);
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->status, DraftStatus::rejected);
  auto twice = review_draft(f.db(), d->draft->id, 1, true, "ok", f.reviewer2, f.clock);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  // The slot is free again: a new draft can be written.
  auto next = save_draft(f.db(), rating_input(e2e_rating("yellow", "better source")), f.editor, f.clock);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->kind, SaveOutcome::Kind::created);
}

TEST(Drafts, SavingAnApprovedDraftReopensIt) {
  Fixture f;
  auto d = save_draft(f.db(), rating_input(e2e_rating("yellow", "x")), f.editor, f.clock);
  ASSERT_TRUE(review_draft(f.db(), d->draft->id, 1, true, "ok", f.reviewer, f.clock));
  auto again = save_draft(f.db(), rating_input(e2e_rating("green", "y"), d->draft->id, 1), f.editor, f.clock);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->draft->status, DraftStatus::open);
  EXPECT_EQ(again->draft->reviewer, "");
}

TEST(Drafts, MethodologyChangesNeedAnAdmin) {
  Fixture f;
  DraftInput in;
  in.category = "video-conferencing";
  in.kind = DraftKind::methodology;
  in.payload = nlohmann::json{{"weights", nlohmann::json::array()}, {"classes", nlohmann::json::array()}};
  in.reason = Text{"Grund", "Reason"};
  for (const User* u : {&f.editor, &f.reviewer}) {
    auto r = save_draft(f.db(), in, *u, f.clock);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  }
  auto ok = save_draft(f.db(), in, f.admin, f.clock);
  ASSERT_TRUE(ok) << ok.error().to_string();
}

TEST(Drafts, ReasonInBothLanguages) {
  Fixture f;
  DraftInput in = rating_input(e2e_rating("yellow", "x"));
  in.reason.en = " ";
  auto r = save_draft(f.db(), in, f.editor, f.clock);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::invalid);
}

TEST(Drafts, WithdrawOnlyByAnAuthor) {
  Fixture f;
  auto d = save_draft(f.db(), rating_input(e2e_rating("yellow", "x")), f.editor, f.clock);
  auto other = withdraw_draft(f.db(), d->draft->id, f.reviewer, f.clock);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().kind, ErrorKind::forbidden);
  auto mine = withdraw_draft(f.db(), d->draft->id, f.editor, f.clock);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->status, DraftStatus::withdrawn);
}

TEST(Drafts, EveryStepIsInTheAuditTrail) {
  Fixture f;
  auto d = save_draft(f.db(), rating_input(e2e_rating("yellow", "x")), f.editor, f.clock);
  ASSERT_TRUE(save_draft(f.db(), rating_input(e2e_rating("green", "y"), d->draft->id, 1), f.editor, f.clock));
  ASSERT_TRUE(review_draft(f.db(), d->draft->id, 2, false, "no source", f.reviewer, f.clock));
  auto events = audit_events(f.db(), AuditFilter{"", "zoom", 0});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].action, "reject");
  EXPECT_EQ((*events)[0].actor, "rolf");
  EXPECT_EQ((*events)[0].reason, "no source");
  EXPECT_EQ((*events)[1].action, "draft-update");
  EXPECT_EQ((*events)[1].before->at("level"), "yellow");
  EXPECT_EQ((*events)[1].after->at("level"), "green");
  EXPECT_EQ((*events)[2].action, "draft-create");
  EXPECT_EQ((*events)[2].reason, "Zoom hat E2E eingeführt. / Zoom introduced E2E.");
  // The trail is append-only.
  EXPECT_FALSE(f.db().exec("UPDATE audit_event SET actor = 'someone else'"));
  EXPECT_FALSE(f.db().exec("DELETE FROM audit_event"));
}

}  // namespace
}  // namespace privascore::editor
