#include "editor/audit.h"
#include <nlohmann/json.hpp>

namespace privascore::editor {

namespace {

std::optional<nlohmann::json> parse_column(const store::Statement& stmt, int column) {
  auto text = stmt.column_optional_text(column);
  if (!text) return std::nullopt;
  // The column is CHECKed json_valid, so parsing cannot fail; be strict
  // anyway and keep the raw text rather than lose it.
  auto value = nlohmann::json::parse(*text, nullptr, false);
  if (value.is_discarded()) return nlohmann::json(*text);
  return value;
}

std::optional<std::string> dump(const std::optional<nlohmann::json>& value) {
  if (!value) return std::nullopt;
  // Invalid UTF-8 in a value (never produced by the editor, whose forms
  // are checked) is replaced rather than thrown on.
  return value->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Result<std::int64_t> record_event(store::Database& db, const AuditEvent& event) {
  auto stmt = db.prepare(
      "INSERT INTO audit_event (at, actor, action, category_id, service_id, subject, before, after, reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind_all(event.at, event.actor, event.action, event.category, event.service, event.subject, dump(event.before),
                 dump(event.after), event.reason);
  if (auto r = stmt->run(); !r) return tl::unexpected(r.error());
  auto id = db.query_int("SELECT last_insert_rowid()");
  if (!id) return tl::unexpected(id.error());
  return *id;
}

Result<std::vector<AuditEvent>> audit_events(store::Database& db, const AuditFilter& filter) {
  std::string sql =
      "SELECT id, at, actor, action, category_id, service_id, subject, before, after, reason FROM audit_event "
      "WHERE (?1 = '' OR category_id = ?1) AND (?2 = '' OR service_id = ?2) ORDER BY id DESC";
  if (filter.limit) sql += " LIMIT " + std::to_string(filter.limit);
  auto stmt = db.prepare(sql);
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind(1, filter.category).bind(2, filter.service);
  std::vector<AuditEvent> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    AuditEvent e;
    e.id = stmt->column_int(0);
    e.at = stmt->column_text(1);
    e.actor = stmt->column_text(2);
    e.action = stmt->column_text(3);
    e.category = stmt->column_text(4);
    e.service = stmt->column_text(5);
    e.subject = stmt->column_text(6);
    e.before = parse_column(*stmt, 7);
    e.after = parse_column(*stmt, 8);
    e.reason = stmt->column_text(9);
    out.push_back(std::move(e));
  }
  return out;
}

nlohmann::json audit_json(const std::vector<AuditEvent>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const AuditEvent& e : events) {
    list.push_back({{"id", e.id},
                    {"at", e.at},
                    {"actor", e.actor},
                    {"action", e.action},
                    {"category", e.category},
                    {"service", e.service},
                    {"subject", e.subject},
                    {"before", e.before ? *e.before : nlohmann::json(nullptr)},
                    {"after", e.after ? *e.after : nlohmann::json(nullptr)},
                    {"reason", e.reason}});
  }
  return {{"events", list}};
}

}  // namespace privascore::editor
