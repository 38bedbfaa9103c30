#include "editor/editor_schema.h"

namespace privascore::editor {

namespace {

// Migration 1. Every table is STRICT. Times a person reads are ISO-8601 UTC
// text; times compared on every request (sessions) are integer seconds.
// Users are never deleted, only disabled, so the audit trail can name them.
constexpr const char* k_v1 = R"sql(
CREATE TABLE editor_migration (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE TABLE editor_user (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^a-z0-9._-]*'),
  role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- A session is known only by the SHA-256 of its token: a copy of the
-- database does not let anyone log in.
CREATE TABLE editor_session (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES editor_user(id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL
) STRICT;
CREATE INDEX editor_session_by_user ON editor_session(user_id);

-- A proposed change. payload is the proposed state as JSON, before the
-- published state it replaces (NULL for a new service). version counts
-- saves (optimistic locking).
CREATE TABLE draft (
  id INTEGER PRIMARY KEY,
  category_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('rating', 'service-add', 'service-retire', 'variant-add', 'variant-retire',
                                     'methodology')),
  service_id TEXT NOT NULL DEFAULT '',
  variant_id TEXT NOT NULL DEFAULT '',
  feature_id TEXT NOT NULL DEFAULT '',
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  reason_de TEXT NOT NULL,
  reason_en TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'rejected', 'published', 'withdrawn')),
  version INTEGER NOT NULL CHECK (version >= 1),
  author_id INTEGER NOT NULL REFERENCES editor_user(id),
  created_at TEXT NOT NULL,
  updated_by INTEGER NOT NULL REFERENCES editor_user(id),
  updated_at TEXT NOT NULL,
  reviewer_id INTEGER REFERENCES editor_user(id),
  review_comment TEXT,
  reviewed_at TEXT,
  published_edition TEXT
) STRICT;
-- At most one live draft per rating (of a service or of one of its hosting
-- variants), per service or variant and kind, per category's methodology:
-- a second editor's save meets the first one's draft.
CREATE UNIQUE INDEX draft_live_slot ON draft(category_id, kind, service_id, variant_id, feature_id)
  WHERE status IN ('open', 'approved');
CREATE INDEX draft_by_status ON draft(category_id, status);

-- Everyone who wrote a version of a draft; none of them may approve it.
CREATE TABLE draft_author (
  draft_id INTEGER NOT NULL REFERENCES draft(id),
  user_id INTEGER NOT NULL REFERENCES editor_user(id),
  PRIMARY KEY (draft_id, user_id)
) STRICT;

-- The audit trail: append-only (triggers refuse UPDATE and DELETE).
CREATE TABLE audit_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  category_id TEXT NOT NULL DEFAULT '',
  service_id TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  after TEXT CHECK (after IS NULL OR json_valid(after)),
  reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_event_by_service ON audit_event(service_id, id);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- A report from a reader. Only what the sender wrote is kept: no address,
-- no browser data. contact is optional and is never shown publicly.
CREATE TABLE correction (
  id INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),
  category_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  feature_id TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL,
  contact TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined', 'spam')),
  answer TEXT,
  answered_by TEXT,
  answered_at TEXT,
  show_message INTEGER NOT NULL DEFAULT 1 CHECK (show_message IN (0, 1))
) STRICT;
CREATE INDEX correction_by_service ON correction(category_id, service_id);
)sql";

}  // namespace

const std::vector<EditorMigration>& editor_migrations() {
  static const std::vector<EditorMigration> k_migrations = {
      {1, "editorial workflow: users, sessions, drafts, audit trail, reports from readers", k_v1},
  };
  return k_migrations;
}

int latest_editor_schema_version() {
  return editor_migrations().back().version;
}

Result<int> editor_schema_version(store::Database& db) {
  auto exists = db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'editor_migration'");
  if (!exists) return tl::unexpected(exists.error());
  if (*exists == 0) return 0;
  auto version = db.query_int("SELECT ifnull(max(version), 0) FROM editor_migration");
  if (!version) return tl::unexpected(version.error());
  return static_cast<int>(*version);
}

Result<int> migrate_editor(store::Database& db) {
  const int latest = latest_editor_schema_version();
  auto current = editor_schema_version(db);
  if (!current) return current;
  if (*current > latest) {
    return fail("database " + db.path() + " has editor schema version " + std::to_string(*current) +
                    ", newer than this privascore binary, which knows versions up to " + std::to_string(latest),
                "use the privascore release that wrote it (or a newer one); the database was not changed");
  }
  int version = *current;
  for (const EditorMigration& m : editor_migrations()) {
    if (m.version <= version) continue;
    auto tx = store::Transaction::begin(db, store::Transaction::Kind::immediate);
    if (!tx) return tl::unexpected(tx.error());
    // Another process may have migrated while this one waited for the lock.
    auto now = editor_schema_version(db);
    if (!now) return now;
    if (*now >= m.version) {
      version = *now;
      continue;
    }
    auto step_error = [&](const Error& e) {
      return tl::unexpected(Error{"editor migration to version " + std::to_string(m.version) +
                                      " failed, the database stays at " + std::to_string(*now) + ": " + e.message,
                                  e.hint});
    };
    if (auto r = db.exec(m.sql); !r) return step_error(r.error());
    auto record = db.prepare("INSERT INTO editor_migration (version, description) VALUES (?, ?)");
    if (!record) return step_error(record.error());
    if (auto r = record->bind_all(m.version, m.description).run(); !r) return step_error(r.error());
    if (auto r = tx->commit(); !r) return step_error(r.error());
    version = m.version;
  }
  return version;
}

}  // namespace privascore::editor
