// Accounts: the people who may use the editor, their role and password.
//
// Roles, from least to most rights:
//   editor    proposes changes (drafts) and answers readers' reports;
//   reviewer  also approves or rejects other people's drafts and publishes
//             editions;
//   admin     also proposes methodology changes (weights, thresholds).
// Nobody approves a draft they wrote (drafts.h). Users are never deleted,
// only disabled (the audit trail names them); disabling ends every session.
// Every change is recorded in the audit trail in the same transaction.
// Functions take the connection to use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "editor/clock.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

enum class Role { editor, reviewer, admin };
const char* to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

/// Approve or reject drafts, publish editions.
inline bool can_review(Role role) {
  return role == Role::reviewer || role == Role::admin;
}
inline bool can_publish(Role role) {
  return can_review(role);
}
/// Propose methodology changes.
inline bool can_change_methodology(Role role) {
  return role == Role::admin;
}

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::editor;
  bool disabled = false;
  std::string created_at;
};

/// Why a user name is not acceptable ("" when it is): 1–64 characters of
/// a-z, 0-9, '.', '_', '-'.
std::string user_name_problem(std::string_view name);

/// Creates a user with an argon2id hash of password. Fails when the name is
/// taken or invalid, or the password too short (the message says which).
Result<User> add_user(store::Database& db, const std::string& name, Role role, std::string_view password,
                      const Clock& clock, const std::string& actor);

/// Every user, by name.
Result<std::vector<User>> list_users(store::Database& db);

/// Disables a user and ends their sessions. Fails when there is no such user.
Result<void> disable_user(store::Database& db, const std::string& name, const Clock& clock, const std::string& actor);

struct UserRecord {
  User user;
  std::string password_hash;
};
/// The user by name, nullopt when there is none.
Result<std::optional<UserRecord>> find_user(store::Database& db, const std::string& name);
Result<std::optional<User>> user_by_id(store::Database& db, std::int64_t id);

/// Stores a new hash (after a successful login with outdated parameters).
Result<void> replace_password_hash(store::Database& db, std::int64_t user_id, const std::string& hash);

}  // namespace privascore::editor
