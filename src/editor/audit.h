// The audit trail: every change the editorial workflow makes (logins, drafts,
// reviews, publications, accounts, answers to readers' reports), with who,
// when, the state before and after (JSON) and why.
//
// Events are appended inside the transaction of the change they describe,
// so a change and its record commit together or not at all. The table is
// append-only (triggers refuse UPDATE and DELETE). Functions take the
// connection to use; they are as thread-safe as that connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

struct AuditEvent {
  std::int64_t id = 0;   // assigned when recorded
  std::string at;        // ISO-8601 UTC
  std::string actor;     // user name, "public" for a reader, "cli:<unix user>"
  std::string action;    // login, draft-create, draft-update, approve, reject, publish, ...
  std::string category;  // "" when not about a category
  std::string service;   // "" when not about a service
  std::string subject;   // what exactly: a feature id, "draft 12", a user name
  std::optional<nlohmann::json> before;
  std::optional<nlohmann::json> after;
  std::string reason;
};

/// Appends one event (id is ignored). Fails when the database does.
Result<std::int64_t> record_event(store::Database& db, const AuditEvent& event);

struct AuditFilter {
  std::string category;   // "" = every category
  std::string service;    // "" = every service
  std::size_t limit = 0;  // 0 = every event
};

/// Events matching the filter, newest first.
Result<std::vector<AuditEvent>> audit_events(store::Database& db, const AuditFilter& filter);

/// {"events": [{id, at, actor, action, category, service, subject, before,
/// after, reason}, ...]} in the order given.
nlohmann::json audit_json(const std::vector<AuditEvent>& events);

}  // namespace privascore::editor
