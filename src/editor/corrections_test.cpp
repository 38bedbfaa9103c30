// Reports from readers: what is stored, limits, answers, audit.
#include "editor/corrections.h"
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "editor/audit.h"
#include "editor/editor_testing.h"

namespace privascore::editor {
namespace {

using testing::Fixture;

ReportInput report(const std::string& message, const std::string& contact = "") {
  return ReportInput{Lang::en, "video-conferencing", "zoom", "e2e", message, contact};
}

TEST(Corrections, StoresOnlyWhatTheSenderWrote) {
  Fixture f;
  auto id = submit_report(f.db(), report("E2E is on by default now.", "me@example.org"), f.clock);
  ASSERT_TRUE(id) << id.error().to_string();
  auto c = get_correction(f.db(), *id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->message, "E2E is on by default now.");
  EXPECT_EQ(c->contact, std::optional<std::string>("me@example.org"));
  EXPECT_EQ(c->status, CorrectionStatus::open);
  auto columns = f.db().query_text("SELECT group_concat(name) FROM pragma_table_info('correction')");
  ASSERT_TRUE(columns);
  EXPECT_EQ(columns->find("ip"), std::string::npos);
  EXPECT_EQ(columns->find("agent"), std::string::npos);
  // The audit trail records that a report arrived, not its text or sender.
  auto events = audit_events(f.db(), AuditFilter{"", "zoom", 0});
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, "report-received");
  EXPECT_EQ(audit_json(*events).dump().find("example.org"), std::string::npos);
}

TEST(Corrections, Limits) {
  EXPECT_NE(report_problem(report("   ")), "");
  EXPECT_NE(report_problem(report(std::string(k_max_report_message + 1, 'a'))), "");
  EXPECT_EQ(report_problem(report(std::string(k_max_report_message, 'a'))), "");
  EXPECT_NE(report_problem(report("ok", std::string(k_max_report_contact + 1, 'a'))), "");
  EXPECT_NE(report_problem(report("bad \xff utf-8")), "");
  EXPECT_NE(report_problem(report("bell \x07")), "");
  EXPECT_EQ(report_problem(report("Zeile 1\nZeile 2\twith tab")), "");
}

TEST(Corrections, AnswerIsLoggedAndErasesTheContact) {
  Fixture f;
  auto id = submit_report(f.db(), report("Wrong.", "me@example.org"), f.clock);
  ASSERT_TRUE(id);
  auto no_text = answer_report(f.db(), *id, Answer{CorrectionStatus::declined, " ", true, true}, f.editor, f.clock);
  ASSERT_FALSE(no_text);
  auto answered = answer_report(
      f.db(), *id, Answer{CorrectionStatus::declined, "Our source says otherwise.", true, true}, f.editor, f.clock);
  ASSERT_TRUE(answered) << answered.error().to_string();
  EXPECT_EQ(answered->status, CorrectionStatus::declined);
  EXPECT_EQ(answered->answered_by, "erika");
  EXPECT_FALSE(answered->contact);
  auto events = audit_events(f.db(), AuditFilter{"", "zoom", 0});
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].action, "report-answer");
  EXPECT_EQ((*events)[0].reason, "Our source says otherwise.");
  EXPECT_EQ((*events)[0].after->at("status"), "declined");

  auto listed = list_corrections(f.db(), CorrectionFilter{"video-conferencing", "", {CorrectionStatus::declined}});
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->size(), 1u);
  auto open = list_corrections(f.db(), CorrectionFilter{"", "", {CorrectionStatus::open}});
  EXPECT_TRUE(open->empty());
}

TEST(Corrections, SqlTextIsStoredVerbatim) {
  Fixture f;
  const std::string evil = "'); DROP TABLE correction; -- \" OR 1=1";
  auto id = submit_report(f.db(), report(evil, evil), f.clock);
  ASSERT_TRUE(id);
  auto c = get_correction(f.db(), *id);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->message, evil);
  EXPECT_EQ(*c->contact, evil);
}

}  // namespace
}  // namespace privascore::editor
