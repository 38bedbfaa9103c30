// Building a draft edition and publishing it: notes, validation, roles,
// atomicity on failure, open data, the audit event.
#include "editor/publication.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <filesystem>

#include "editor/audit.h"
#include "editor/draft_payload.h"
#include "editor/drafts.h"
#include "editor/editor_testing.h"
#include "loader/loader.h"
#include "scoring/diff.h"
#include "store/catalogue_reader.h"

namespace privascore::editor {
namespace {

using testing::Fixture;
using testing::TempFolder;

const char* k_category = "video-conferencing";

std::int64_t approved_rating(Fixture& f, const std::string& service, const std::string& feature,
                             const std::string& level, bool sourced = true) {
  Rating r;
  r.feature = feature;
  r.level = level;
  r.status = sourced ? RatingStatus::sourced : RatingStatus::unverified;
  r.justification = Text{"Neu bewertet.", "Reassessed."};
  if (sourced) r.evidence.push_back(Evidence{"https://example.org/" + service, "Source", "", std::nullopt, {}});
  DraftInput in;
  in.category = k_category;
  in.kind = DraftKind::rating;
  in.service = service;
  in.feature = feature;
  in.payload = rating_json(r);
  in.reason = Text{"Grund", "Reason"};
  auto saved = save_draft(f.db(), in, f.editor, f.clock);
  EXPECT_TRUE(saved && saved->kind == SaveOutcome::Kind::created);
  auto approved = review_draft(f.db(), saved->draft->id, 1, true, "ok", f.reviewer, f.clock);
  EXPECT_TRUE(approved) << (approved ? "" : approved.error().to_string());
  return saved->draft->id;
}

std::int64_t approved_draft(Fixture& f, DraftInput in) {
  in.category = k_category;
  in.reason = Text{"Grund", "Reason"};
  auto saved = save_draft(f.db(), in, in.kind == DraftKind::methodology ? f.admin : f.editor, f.clock);
  EXPECT_TRUE(saved) << (saved ? "" : saved.error().to_string());
  auto approved = review_draft(f.db(), saved->draft->id, 1, true, "ok", f.reviewer, f.clock);
  EXPECT_TRUE(approved) << (approved ? "" : approved.error().to_string());
  return saved->draft->id;
}

EditionPlan plan(const std::string& date) {
  EditionPlan p;
  p.date = *Date::parse(date);
  return p;
}

TEST(DraftEdition, AppliesRatingsNewAndRetiredServicesWithNotes) {
  Fixture f;
  approved_rating(f, "zoom", "e2e", "yellow");
  DraftInput add;
  add.kind = DraftKind::service_add;
  add.service = "new-meet";
  Assessment header;
  header.id = "new-meet";
  header.name = "New Meet";
  header.vendor = "New GmbH";
  header.website = "https://example.org/new";
  add.payload = service_json(header);
  approved_draft(f, add);
  DraftInput retire;
  retire.kind = DraftKind::service_retire;
  retire.service = "skype";
  retire.payload = nlohmann::json::object();
  approved_draft(f, retire);

  auto catalogue = f.store->load_catalogue();
  ASSERT_TRUE(catalogue);
  const Category& c = *catalogue->category(k_category);
  auto drafts = list_drafts(f.db(), DraftFilter{k_category, {DraftStatus::approved}, ""});
  ASSERT_TRUE(drafts);
  auto built = build_draft_edition(c, *drafts, plan("2025-01-15"));
  ASSERT_TRUE(built) << built.error().to_string();
  EXPECT_TRUE(validate_draft_edition(c, *built).empty());
  const Edition& e = built->edition;
  EXPECT_EQ(e.assessment("zoom")->rating("e2e")->level, "yellow");
  EXPECT_EQ(e.assessment("skype"), nullptr);
  ASSERT_NE(e.assessment("new-meet"), nullptr);
  EXPECT_TRUE(e.assessment("new-meet")->rating("e2e")->unknown());
  EXPECT_EQ(e.services.back(), "new-meet");
  ASSERT_EQ(e.notes.size(), 3u);
  EXPECT_EQ(e.notes[0].kind, "joined");
  EXPECT_EQ(e.notes[1].kind, "reassessment");
  EXPECT_EQ(e.notes[1].text.en, "Zoom, End-to-end encryption: reassessed from poor to fair.");
  EXPECT_EQ(e.notes[2].kind, "left");
  EXPECT_EQ(e.notes[2].reason.en, "Reason");

  // The preview's diff against the latest edition.
  const Category with = with_draft_edition(c, *built);
  const EditionDiff diff = diff_editions(with, *c.latest_edition(), with.editions.back());
  EXPECT_EQ(diff.joined, std::vector<std::string>{"new-meet"});
  EXPECT_EQ(diff.left, std::vector<std::string>{"skype"});
  // Zoom's points change; Google Meet keeps its points but drops from a
  // shared 7th place to 8th, behind Zoom now tied with GoTo Meeting at 6th.
  ASSERT_EQ(diff.changed.size(), 2u);
  EXPECT_EQ(diff.changed[0].id, "zoom");
  EXPECT_EQ(diff.changed[0].delta(), 21);
  EXPECT_EQ(diff.changed[1].id, "google-meet");
  EXPECT_EQ(diff.changed[1].delta(), 0);
  EXPECT_EQ(diff.changed[1].from_rank, 7);
  EXPECT_EQ(diff.changed[1].to_rank, 8);
}

TEST(DraftEdition, DateMustFollowTheLatestEdition) {
  Fixture f;
  auto catalogue = f.store->load_catalogue();
  const Category& c = *catalogue->category(k_category);
  auto same = build_draft_edition(c, {}, plan(c.latest_edition()->date.to_string()));
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().kind, ErrorKind::invalid);
}

TEST(DraftEdition, ValidationFindsASourcedRatingWithoutEvidence) {
  Fixture f;
  Rating r;
  r.feature = "e2e";
  r.level = "green";
  r.status = RatingStatus::sourced;  // but no evidence
  r.justification = Text{"x", "x"};
  DraftInput in;
  in.kind = DraftKind::rating;
  in.service = "zoom";
  in.feature = "e2e";
  in.payload = rating_json(r);
  approved_draft(f, in);
  auto before = f.db().query_int("SELECT count(*) FROM edition");
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, "");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::invalid);
  EXPECT_NE(result.error().message.find("service zoom"), std::string::npos) << result.error().message;
  EXPECT_EQ(*f.db().query_int("SELECT count(*) FROM edition"), *before) << "nothing was written";
}

TEST(Publication, PublishesApprovedDraftsOnlyAndRecordsIt) {
  TempFolder tmp;
  Fixture f(tmp.path() + "/db.sqlite");
  const std::int64_t approved = approved_rating(f, "zoom", "e2e", "yellow");
  // An open draft is not published.
  Rating open_rating;
  open_rating.feature = "metadata";
  open_rating.level = "green";
  open_rating.justification = Text{"x", "x"};
  DraftInput open;
  open.category = k_category;
  open.kind = DraftKind::rating;
  open.service = "skype";
  open.feature = "metadata";
  open.payload = rating_json(open_rating);
  open.reason = Text{"a", "b"};
  auto open_draft = save_draft(f.db(), open, f.editor, f.clock);
  ASSERT_TRUE(open_draft);

  const std::string open_data = tmp.path() + "/open-data";
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, open_data);
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->open_data_error, "");
  EXPECT_EQ(result->draft.applied, std::vector<std::int64_t>{approved});

  const Category* c = result->catalogue->category(k_category);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->latest_edition()->date.to_string(), "2025-01-15");
  EXPECT_EQ(c->latest_edition()->assessment("zoom")->rating("e2e")->level, "yellow");
  EXPECT_EQ(c->latest_edition()->assessment("skype")->rating("metadata")->level, "red");
  EXPECT_EQ(get_draft(f.db(), approved)->status, DraftStatus::published);
  EXPECT_EQ(get_draft(f.db(), approved)->published_edition, "2025-01-15");
  EXPECT_EQ(get_draft(f.db(), open_draft->draft->id)->status, DraftStatus::open);

  auto events = audit_events(f.db(), AuditFilter{k_category, "", 1});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, "publish");
  EXPECT_EQ((*events)[0].actor, "rolf");
  EXPECT_EQ((*events)[0].after->at("date"), "2025-01-15");

  // The open data folder loads as a valid catalogue equal to the database.
  const std::string edition_dir = open_data + "/video-conferencing/editions/2025-01-15";
  EXPECT_TRUE(std::filesystem::exists(edition_dir + "/edition.toml"));
  EXPECT_TRUE(std::filesystem::exists(edition_dir + "/services/zoom.toml"));
  DiskSource disk(open_data);
  DiagnosticSink sink;
  Catalogue loaded = load_catalogue(disk, sink);
  EXPECT_FALSE(sink.has_errors()) << (sink.items().empty() ? "" : sink.items()[0].to_string());
  EXPECT_EQ(loaded.category(k_category)->latest_edition()->assessment("zoom")->rating("e2e")->level, "yellow");

  // Published editions never change: publishing the same date again fails.
  approved_rating(f, "zoom", "metadata", "yellow");
  auto again = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, open_data);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::invalid);
}

TEST(Publication, EditorsCannotPublish) {
  Fixture f;
  approved_rating(f, "zoom", "e2e", "yellow");
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.editor, f.clock, "");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::forbidden);
}

TEST(Publication, NothingToPublish) {
  Fixture f;
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, "");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::invalid);
  // A note alone makes a correction edition.
  EditionPlan p = plan("2025-01-15");
  p.note = EditionNote{"correction", "zoom", "", Text{"Korrektur.", "Correction."}, Text{"Tippfehler.", "Typo."}, {}};
  auto corrected = publish_edition(f.db(), k_category, p, f.reviewer, f.clock, "");
  ASSERT_TRUE(corrected) << corrected.error().to_string();
  EXPECT_EQ(corrected->catalogue->category(k_category)->latest_edition()->notes.size(), 1u);
}

TEST(Publication, MethodologyDraftCreatesANewVersion) {
  Fixture f;
  auto catalogue = f.store->load_catalogue();
  const Methodology& m = *catalogue->category(k_category)->latest_methodology();
  MethodologyEdit change = current_weights(m);
  change.weights[0].second += 1;  // server-location 21 → 22
  DraftInput in;
  in.kind = DraftKind::methodology;
  in.payload = methodology_edit_json(change);
  approved_draft(f, in);
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, "");
  ASSERT_TRUE(result) << result.error().to_string();
  const Category* c = result->catalogue->category(k_category);
  EXPECT_EQ(c->latest_methodology()->version, m.version + 1);
  EXPECT_EQ(c->latest_edition()->methodology, m.version + 1);
  EXPECT_EQ(c->latest_methodology()->features[0].weight, m.features[0].weight + 1);
  EXPECT_EQ(c->methodology(m.version)->features[0].weight, m.features[0].weight) << "the old version is unchanged";
}

TEST(Publication, BrokenThresholdsAreRefused) {
  Fixture f;
  auto catalogue = f.store->load_catalogue();
  MethodologyEdit change = current_weights(*catalogue->category(k_category)->latest_methodology());
  change.classes[0].lower = Bound{250, false};  // a gap between 200 and 250
  DraftInput in;
  in.kind = DraftKind::methodology;
  in.payload = methodology_edit_json(change);
  approved_draft(f, in);
  auto result = publish_edition(f.db(), k_category, plan("2025-01-15"), f.reviewer, f.clock, "");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ErrorKind::invalid);
}

}  // namespace
}  // namespace privascore::editor
