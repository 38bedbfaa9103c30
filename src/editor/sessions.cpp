#include "editor/sessions.h"

#include <sqlite3.h>

#include <algorithm>

#include "editor/credentials.h"

namespace privascore::editor {

namespace {
// last_seen is rewritten only when it is older than a sixtieth of the idle
// timeout, at least one second and at most a minute: writes are spared, and
// an active session loses at most that much of its idle time. (A fixed
// minute ended an active session after 60 s when idle_timeout was 60 s.)
std::int64_t touch_interval(const SessionPolicy& policy) {
  return std::clamp<std::int64_t>(policy.idle_timeout / 60, 1, 60);
}
}  // namespace

Result<NewSession> create_session(store::Database& db, const User& user, const Clock& clock) {
  NewSession out;
  out.token = random_token();
  out.session.token_hash = sha256_hex(out.token);
  out.session.user = user;
  out.session.csrf_token = random_token();
  out.session.created_at = out.session.last_seen = clock.now();
  auto stmt = db.prepare(
      "INSERT INTO editor_session (token_hash, user_id, csrf_token, created_at, last_seen) VALUES (?, ?, ?, ?, ?)");
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto r = stmt->bind_all(out.session.token_hash, user.id, out.session.csrf_token, out.session.created_at,
                              out.session.last_seen)
                   .run();
      !r) {
    return tl::unexpected(r.error());
  }
  return out;
}

Result<std::optional<Session>> find_session(store::Database& db, const std::string& token, const SessionPolicy& policy,
                                            const Clock& clock) {
  // A well-formed token is 43 base64url characters; anything else cannot
  // match and is not worth a hash.
  if (token.size() != 43) return std::optional<Session>();
  const std::string hash = sha256_hex(token);
  auto stmt = db.prepare(
      "SELECT s.csrf_token, s.created_at, s.last_seen, u.id, u.name, u.role, u.disabled, u.created_at "
      "FROM editor_session s JOIN editor_user u ON u.id = s.user_id WHERE s.token_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  stmt->bind(1, hash);
  auto row = stmt->step();
  if (!row) return tl::unexpected(row.error());
  if (!*row) return std::optional<Session>();
  Session s;
  s.token_hash = hash;
  s.csrf_token = stmt->column_text(0);
  s.created_at = stmt->column_int(1);
  s.last_seen = stmt->column_int(2);
  s.user.id = stmt->column_int(3);
  s.user.name = stmt->column_text(4);
  s.user.role = parse_role(stmt->column_text(5)).value_or(Role::editor);
  s.user.disabled = stmt->column_int(6) != 0;
  s.user.created_at = stmt->column_text(7);
  stmt->reset();
  const std::int64_t now = clock.now();
  const bool expired = now - s.last_seen >= policy.idle_timeout || now - s.created_at >= policy.absolute_timeout;
  if (expired || s.user.disabled) {
    if (auto r = end_session(db, hash); !r) return tl::unexpected(r.error());
    return std::optional<Session>();
  }
  if (now - s.last_seen >= touch_interval(policy)) {
    auto touch = db.prepare("UPDATE editor_session SET last_seen = ? WHERE token_hash = ?");
    if (!touch) return tl::unexpected(touch.error());
    if (auto r = touch->bind_all(now, hash).run(); !r) return tl::unexpected(r.error());
    s.last_seen = now;
  }
  return std::optional<Session>(std::move(s));
}

Result<void> end_session(store::Database& db, const std::string& token_hash) {
  auto stmt = db.prepare("DELETE FROM editor_session WHERE token_hash = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  return stmt->bind_all(token_hash).run();
}

Result<int> end_all_sessions(store::Database& db, std::int64_t user_id) {
  auto stmt = db.prepare("DELETE FROM editor_session WHERE user_id = ?");
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto r = stmt->bind_all(user_id).run(); !r) return tl::unexpected(r.error());
  return sqlite3_changes(db.handle());
}

Result<int> purge_expired_sessions(store::Database& db, const SessionPolicy& policy, const Clock& clock) {
  const std::int64_t now = clock.now();
  auto stmt = db.prepare("DELETE FROM editor_session WHERE last_seen <= ? OR created_at <= ?");
  if (!stmt) return tl::unexpected(stmt.error());
  if (auto r = stmt->bind_all(now - policy.idle_timeout, now - policy.absolute_timeout).run(); !r) {
    return tl::unexpected(r.error());
  }
  return sqlite3_changes(db.handle());
}

}  // namespace privascore::editor
