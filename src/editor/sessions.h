// Sessions: who is logged in to the editor.
//
// A session is a random 256-bit token the browser holds in a cookie; the
// database keeps only its SHA-256, the user, a CSRF token (the synchronizer
// token every form of the session carries), and when it was created and
// last used. A session ends after idle_timeout without a request, after
// absolute_timeout in any case, at logout, at "log out everywhere" and when
// its user is disabled. These are building blocks: they run single
// statements and leave transactions (and the audit trail) to the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "editor/accounts.h"
#include "editor/clock.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

struct SessionPolicy {
  std::int64_t idle_timeout = 30 * 60;        // seconds without a request
  std::int64_t absolute_timeout = 12 * 3600;  // seconds since login
};

struct Session {
  std::string token_hash;
  User user;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen = 0;
};

struct NewSession {
  std::string token;  // for the cookie; not stored anywhere
  Session session;
};

/// Starts a session for user.
Result<NewSession> create_session(store::Database& db, const User& user, const Clock& clock);

/// The live session of a cookie token; nullopt when the token is unknown,
/// the session has timed out (it is then deleted) or its user is disabled.
/// Marks the session as used when last_seen is older than idle_timeout / 60
/// (at least 1 s, at most 60 s), to spare writes.
Result<std::optional<Session>> find_session(store::Database& db, const std::string& token, const SessionPolicy& policy,
                                            const Clock& clock);

/// Ends one session (logout). Ending an unknown session is not an error.
Result<void> end_session(store::Database& db, const std::string& token_hash);
/// Ends every session of a user ("log out everywhere"); returns how many.
Result<int> end_all_sessions(store::Database& db, std::int64_t user_id);
/// Deletes sessions that have timed out; returns how many.
Result<int> purge_expired_sessions(store::Database& db, const SessionPolicy& policy, const Clock& clock);

}  // namespace privascore::editor
