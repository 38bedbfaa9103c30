#include "editor/accounts.h"
#include <nlohmann/json.hpp>

#include "editor/audit.h"
#include "editor/credentials.h"

namespace privascore::editor {

const char* to_string(Role role) {
  switch (role) {
    case Role::editor: return "editor";
    case Role::reviewer: return "reviewer";
    case Role::admin: return "admin";
  }
  return "editor";
}

std::optional<Role> parse_role(std::string_view text) {
  if (text == "editor") return Role::editor;
  if (text == "reviewer") return Role::reviewer;
  if (text == "admin") return Role::admin;
  return std::nullopt;
}

std::string user_name_problem(std::string_view name) {
  if (name.empty()) return "the user name is empty";
  if (name.size() > 64) return "the user name is longer than 64 characters";
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return "the user name may only contain a-z, 0-9, '.', '_' and '-' (found '" + std::string(1, c) + "')";
  }
  return {};
}

namespace {

User read_user(const store::Statement& stmt) {
  User u;
  u.id = stmt.column_int(0);
  u.name = stmt.column_text(1);
  u.role = parse_role(stmt.column_text(2)).value_or(Role::editor);
  u.disabled = stmt.column_int(3) != 0;
  u.created_at = stmt.column_text(4);
  return u;
}

constexpr const char* k_user_columns = "id, name, role, disabled, created_at";

}  // namespace

Result<User> add_user(store::Database& db, const std::string& name, Role role, std::string_view password,
                      const Clock& clock, const std::string& actor) {
  if (auto problem = user_name_problem(name); !problem.empty()) {
    return fail(problem, "choose a name such as \"anna.schmidt\"");
  }
  if (auto problem = password_problem(password); !problem.empty()) {
    return fail(problem, "or let privascore make one with --generate");
  }
  auto hash = hash_password(password);
  if (!hash) return fail(hash.error());
  auto tx = store::Transaction::begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto existing = find_user(db, name);
  if (!existing) return tl::unexpected(existing.error());
  if (*existing) {
    return fail("user `" + name + "` already exists",
                "choose another name; `privascore user list` shows the existing ones");
  }
  User user;
  user.name = name;
  user.role = role;
  user.created_at = iso_time(clock.now());
  auto insert = db.prepare("INSERT INTO editor_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)");
  if (!insert) return tl::unexpected(insert.error());
  if (auto r = insert->bind_all(name, to_string(role), *hash, user.created_at).run(); !r) {
    return tl::unexpected(r.error());
  }
  auto id = db.query_int("SELECT last_insert_rowid()");
  if (!id) return tl::unexpected(id.error());
  user.id = *id;
  // The password and its hash never enter the audit trail.
  AuditEvent event{0,
                   user.created_at,
                   actor,
                   "user-add",
                   "",
                   "",
                   name,
                   std::nullopt,
                   nlohmann::json{{"name", name}, {"role", to_string(role)}},
                   ""};
  if (auto r = record_event(db, event); !r) return tl::unexpected(r.error());
  if (auto r = tx->commit(); !r) return tl::unexpected(r.error());
  return user;
}

Result<std::vector<User>> list_users(store::Database& db) {
  auto stmt = db.prepare(std::string("SELECT ") + k_user_columns + " FROM editor_user ORDER BY name");
  if (!stmt) return tl::unexpected(stmt.error());
  std::vector<User> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return tl::unexpected(row.error());
    if (!*row) break;
    out.push_back(read_user(*stmt));
  }
  return out;
}

Result<void> disable_user(store::Database& db, const std::string& name, const Clock& clock, const std::string& actor) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return tl::unexpected(tx.error());
  auto found = find_user(db, name);
  if (!found) return tl::unexpected(found.error());
  if (!*found) {
    return fail("there is no user `" + name + "`", "`privascore user list` shows the existing users");
  }
  const User& user = (*found)->user;
  auto update = db.prepare("UPDATE editor_user SET disabled = 1 WHERE id = ?");
  if (!update) return tl::unexpected(update.error());
  if (auto r = update->bind_all(user.id).run(); !r) return tl::unexpected(r.error());
  auto end_sessions = db.prepare("DELETE FROM editor_session WHERE user_id = ?");
  if (!end_sessions) return tl::unexpected(end_sessions.error());
  if (auto r = end_sessions->bind_all(user.id).run(); !r) return tl::unexpected(r.error());
  AuditEvent event{0,
                   iso_time(clock.now()),
                   actor,
                   "user-disable",
                   "",
                   "",
                   name,
                   nlohmann::json{{"disabled", user.disabled}},
                   nlohmann::json{{"disabled", true}},
                   ""};
  if (auto r = record_event(db, event); !r) return tl::unexpected(r.error());
  return tx->commit();
}

Result<std::optional<UserRecord>> find_user(store::Database& db, const std::string& name) {
  auto stmt = db.prepare(std::string("SELECT ") + k_user_columns + ", password_hash FROM editor_user WHERE name = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind(1, name);
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<UserRecord>();
  return std::optional<UserRecord>(UserRecord{read_user(*stmt), stmt->column_text(5)});
}

Result<std::optional<User>> user_by_id(store::Database& db, std::int64_t id) {
  auto stmt = db.prepare(std::string("SELECT ") + k_user_columns + " FROM editor_user WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind(1, id);
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<User>();
  return std::optional<User>(read_user(*stmt));
}

Result<void> replace_password_hash(store::Database& db, std::int64_t user_id, const std::string& hash) {
  auto stmt = db.prepare("UPDATE editor_user SET password_hash = ? WHERE id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  return stmt->bind_all(hash, user_id).run();
}

}  // namespace privascore::editor
