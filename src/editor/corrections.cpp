#include "editor/corrections.h"
#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include "editor/audit.h"
#include "util/text.h"

namespace privascore::editor {

using nlohmann::json;

const char* to_string(CorrectionStatus status) {
  switch (status) {
    case CorrectionStatus::open: return "open";
    case CorrectionStatus::accepted: return "accepted";
    case CorrectionStatus::declined: return "declined";
    case CorrectionStatus::spam: return "spam";
  }
  return "open";
}

std::optional<CorrectionStatus> parse_correction_status(std::string_view text) {
  for (auto s :
       {CorrectionStatus::open, CorrectionStatus::accepted, CorrectionStatus::declined, CorrectionStatus::spam})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

namespace {

// Control characters other than tab and line breaks.
bool has_control(std::string_view text) {
  for (unsigned char c : text)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return true;
  return false;
}

constexpr const char* k_select =
    "SELECT id, received_at, lang, category_id, service_id, feature_id, message, contact, status, answer, "
    "answered_by, answered_at, show_message FROM correction ";

Correction read_correction(const store::Statement& s) {
  Correction c;
  c.id = s.column_int(0);
  c.received_at = s.column_text(1);
  c.lang = parse_lang(s.column_text(2)).value_or(Lang::de);
  c.category = s.column_text(3);
  c.service = s.column_text(4);
  c.feature = s.column_text(5);
  c.message = s.column_text(6);
  c.contact = s.column_optional_text(7);
  c.status = parse_correction_status(s.column_text(8)).value_or(CorrectionStatus::open);
  c.answer = s.column_text(9);
  c.answered_by = s.column_text(10);
  c.answered_at = s.column_text(11);
  c.show_message = s.column_int(12) != 0;
  return c;
}

json public_view(const Correction& c) {
  return {{"status", to_string(c.status)}, {"answer", c.answer}, {"show_message", c.show_message}};
}

}  // namespace

std::string report_problem(const ReportInput& input) {
  if (is_blank(input.message)) return "the message is empty";
  if (find_invalid_utf8(input.message) != std::string::npos || find_invalid_utf8(input.contact) != std::string::npos)
    return "the text is not valid UTF-8";
  if (display_width(input.message) > k_max_report_message)
    return "the message is longer than " + std::to_string(k_max_report_message) + " characters";
  if (display_width(input.contact) > k_max_report_contact)
    return "the contact is longer than " + std::to_string(k_max_report_contact) + " characters";
  if (has_control(input.message) || has_control(input.contact)) return "the text contains control characters";
  return {};
}

Result<std::int64_t> submit_report(store::Database& db, const ReportInput& input, const Clock& clock) {
  if (auto problem = report_problem(input); !problem.empty()) return fail(ErrorKind::invalid, problem);
  auto tx = store::Transaction::begin(db);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  const std::string now = iso_time(clock.now());
  auto stmt = db.prepare(
      "INSERT INTO correction (received_at, lang, category_id, service_id, feature_id, message, contact, status) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 'open')");
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  std::optional<std::string> contact;
  if (!is_blank(input.contact)) contact = input.contact;
  if (auto r = stmt->bind_all(now, lang_code(input.lang), input.category, input.service, input.feature, input.message,
                              contact)
                   .run();
      !r) {
    return fail(ErrorKind::internal, r.error());
  }
  const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
  // The audit event says that a report arrived, not what it says or who sent it.
  AuditEvent e{0,
               now,
               "public",
               "report-received",
               input.category,
               input.service,
               "report " + std::to_string(id),
               std::nullopt,
               json{{"feature", input.feature}, {"lang", lang_code(input.lang)}},
               ""};
  if (auto r = record_event(db, e); !r) return fail(ErrorKind::internal, r.error());
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  return id;
}

Result<std::vector<Correction>> list_corrections(store::Database& db, const CorrectionFilter& filter) {
  std::string sql = std::string(k_select) + "WHERE (?1 = '' OR category_id = ?1) AND (?2 = '' OR service_id = ?2)";
  if (!filter.statuses.empty()) {
    sql += " AND status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
      sql += std::string(i ? ", " : "") + "'" + to_string(filter.statuses[i]) + "'";  // fixed words, not input
    }
    sql += ")";
  }
  sql += " ORDER BY id DESC";
  auto stmt = db.prepare(sql);
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  stmt->bind(1, filter.category).bind(2, filter.service);
  std::vector<Correction> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return fail(ErrorKind::internal, row.error());
    if (!*row) break;
    out.push_back(read_correction(*stmt));
  }
  return out;
}

Result<Correction> get_correction(store::Database& db, std::int64_t id) {
  auto stmt = db.prepare(std::string(k_select) + "WHERE id = ?");
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row) return fail(ErrorKind::internal, row.error());
  if (!*row) return fail(ErrorKind::not_found, "there is no report " + std::to_string(id));
  return read_correction(*stmt);
}

Result<Correction> answer_report(store::Database& db, std::int64_t id, const Answer& answer, const User& by,
                                 const Clock& clock) {
  if (answer.status == CorrectionStatus::open) {
    return fail(ErrorKind::invalid, "choose an outcome: accepted, declined or spam");
  }
  if (answer.status != CorrectionStatus::spam && is_blank(answer.text)) {
    return fail(ErrorKind::invalid, "write an answer", "readers see it on the public list of reports");
  }
  if (display_width(answer.text) > k_max_answer || find_invalid_utf8(answer.text) != std::string::npos) {
    return fail(ErrorKind::invalid,
                "the answer must be valid text of at most " + std::to_string(k_max_answer) + " characters");
  }
  auto tx = store::Transaction::begin(db);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  auto before = get_correction(db, id);
  if (!before) return tl::unexpected(before.error());
  const std::string now = iso_time(clock.now());
  auto stmt = db.prepare(
      "UPDATE correction SET status = ?, answer = ?, answered_by = ?, answered_at = ?, show_message = ?, "
      "contact = CASE WHEN ? THEN NULL ELSE contact END WHERE id = ?");
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  if (auto r = stmt->bind_all(to_string(answer.status), answer.text, by.name, now, answer.show_message ? 1 : 0,
                              answer.erase_contact ? 1 : 0, id)
                   .run();
      !r) {
    return fail(ErrorKind::internal, r.error());
  }
  auto after = get_correction(db, id);
  if (!after) return tl::unexpected(after.error());
  json after_json = public_view(*after);
  if (answer.erase_contact && before->contact) after_json["contact_erased"] = true;
  AuditEvent e{0,
               now,
               by.name,
               "report-answer",
               after->category,
               after->service,
               "report " + std::to_string(id),
               public_view(*before),
               after_json,
               answer.text};
  if (auto r = record_event(db, e); !r) return fail(ErrorKind::internal, r.error());
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  return after;
}

}  // namespace privascore::editor
