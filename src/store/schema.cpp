#include "store/schema.h"

#include "version.h"

namespace privascore::store {

namespace {

// Migration 1: the published record. Every table is STRICT (values keep
// their declared type). Texts a reader sees are two columns, _de and _en;
// optional texts are NULL in both. `position` keeps the order of the files
// (levels best first, features most important first, services as listed).
// Published rows are write-once: triggers refuse UPDATE and DELETE, so a
// published edition or methodology version cannot change even by hand.
constexpr const char* k_v1_tables = R"sql(
CREATE TABLE schema_migration (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  privascore_version TEXT NOT NULL
) STRICT;

CREATE TABLE category (
  id TEXT PRIMARY KEY CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*')
) STRICT;

CREATE TABLE methodology (
  category_id TEXT NOT NULL REFERENCES category(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  effective TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  name_de TEXT NOT NULL,
  name_en TEXT NOT NULL,
  summary_de TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  slug_de TEXT NOT NULL,
  slug_en TEXT NOT NULL,
  weights_provenance TEXT NOT NULL CHECK (weights_provenance IN ('published', 'derived', 'reconstructed')),
  provenance_note_de TEXT NOT NULL,
  provenance_note_en TEXT NOT NULL,
  hosting_note_de TEXT,
  hosting_note_en TEXT,
  derivation_rule TEXT,
  derivation_lowest INTEGER,
  derivation_step INTEGER,
  derivation_factor INTEGER,
  CHECK ((hosting_note_de IS NULL) = (hosting_note_en IS NULL)),
  CHECK ((derivation_rule IS NULL) = (derivation_lowest IS NULL)
     AND (derivation_rule IS NULL) = (derivation_step IS NULL)
     AND (derivation_rule IS NULL) = (derivation_factor IS NULL)),
  PRIMARY KEY (category_id, version)
) STRICT;

CREATE TABLE methodology_level (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  points INTEGER NOT NULL,
  colour TEXT NOT NULL,
  symbol TEXT NOT NULL,
  label_de TEXT NOT NULL,
  label_en TEXT NOT NULL,
  PRIMARY KEY (category_id, version, position),
  UNIQUE (category_id, version, id),
  FOREIGN KEY (category_id, version) REFERENCES methodology(category_id, version)
) STRICT;

CREATE TABLE methodology_class (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  colour TEXT NOT NULL,
  symbol TEXT NOT NULL,
  label_de TEXT NOT NULL,
  label_en TEXT NOT NULL,
  lower_bound INTEGER,
  lower_inclusive INTEGER CHECK (lower_inclusive IN (0, 1)),
  upper_bound INTEGER,
  upper_inclusive INTEGER CHECK (upper_inclusive IN (0, 1)),
  CHECK ((lower_bound IS NULL) = (lower_inclusive IS NULL)),
  CHECK ((upper_bound IS NULL) = (upper_inclusive IS NULL)),
  PRIMARY KEY (category_id, version, position),
  UNIQUE (category_id, version, id),
  FOREIGN KEY (category_id, version) REFERENCES methodology(category_id, version)
) STRICT;

CREATE TABLE methodology_feature (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  anchor TEXT NOT NULL,
  name_de TEXT NOT NULL,
  name_en TEXT NOT NULL,
  explanation_de TEXT NOT NULL,
  explanation_en TEXT NOT NULL,
  weight INTEGER NOT NULL CHECK (weight >= 1),
  knockout_level TEXT,
  knockout_cap TEXT,
  knockout_reason_de TEXT,
  knockout_reason_en TEXT,
  CHECK ((knockout_level IS NULL) = (knockout_cap IS NULL)
     AND (knockout_level IS NULL) = (knockout_reason_de IS NULL)
     AND (knockout_level IS NULL) = (knockout_reason_en IS NULL)),
  PRIMARY KEY (category_id, version, position),
  UNIQUE (category_id, version, id),
  FOREIGN KEY (category_id, version) REFERENCES methodology(category_id, version),
  FOREIGN KEY (category_id, version, knockout_cap) REFERENCES methodology_class(category_id, version, id)
) STRICT;

CREATE TABLE methodology_standard (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  name_de TEXT NOT NULL,
  name_en TEXT NOT NULL,
  reason_de TEXT NOT NULL,
  reason_en TEXT NOT NULL,
  PRIMARY KEY (category_id, version, position),
  UNIQUE (category_id, version, id),
  FOREIGN KEY (category_id, version) REFERENCES methodology(category_id, version)
) STRICT;

CREATE TABLE methodology_source (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  year INTEGER NOT NULL,
  url TEXT,
  kind TEXT NOT NULL,
  PRIMARY KEY (category_id, version, position),
  UNIQUE (category_id, version, id),
  FOREIGN KEY (category_id, version) REFERENCES methodology(category_id, version)
) STRICT;

CREATE TABLE methodology_source_name (
  category_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL,
  PRIMARY KEY (category_id, version, source_id, position),
  FOREIGN KEY (category_id, version, source_id) REFERENCES methodology_source(category_id, version, id)
) STRICT;

CREATE TABLE service (
  category_id TEXT NOT NULL REFERENCES category(id),
  id TEXT NOT NULL CHECK (id <> '' AND id NOT GLOB '*[^a-z0-9-]*'),
  PRIMARY KEY (category_id, id)
) STRICT;

CREATE TABLE edition (
  category_id TEXT NOT NULL REFERENCES category(id),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  methodology_version INTEGER NOT NULL,
  title_de TEXT NOT NULL,
  title_en TEXT NOT NULL,
  summary_de TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  source TEXT,
  PRIMARY KEY (category_id, date),
  FOREIGN KEY (category_id, methodology_version) REFERENCES methodology(category_id, version)
) STRICT;

CREATE TABLE assessment (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  name TEXT NOT NULL,
  vendor TEXT NOT NULL,
  website TEXT NOT NULL,
  licence TEXT,
  repository TEXT,
  note_de TEXT,
  note_en TEXT,
  CHECK ((note_de IS NULL) = (note_en IS NULL)),
  PRIMARY KEY (category_id, edition_date, service_id),
  UNIQUE (category_id, edition_date, position),
  FOREIGN KEY (category_id, edition_date) REFERENCES edition(category_id, date),
  FOREIGN KEY (category_id, service_id) REFERENCES service(category_id, id)
) STRICT;
CREATE INDEX assessment_by_service ON assessment(category_id, service_id);

CREATE TABLE rating (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  level_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sourced', 'unverified')),
  justification_de TEXT NOT NULL,
  justification_en TEXT NOT NULL,
  PRIMARY KEY (category_id, edition_date, service_id, feature_id),
  UNIQUE (category_id, edition_date, service_id, position),
  FOREIGN KEY (category_id, edition_date, service_id)
    REFERENCES assessment(category_id, edition_date, service_id)
) STRICT;

CREATE TABLE evidence (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  quote TEXT,
  retrieved TEXT CHECK (retrieved IS NULL OR retrieved GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (category_id, edition_date, service_id, feature_id, position),
  FOREIGN KEY (category_id, edition_date, service_id, feature_id)
    REFERENCES rating(category_id, edition_date, service_id, feature_id)
) STRICT;

CREATE TABLE variant (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  name_de TEXT NOT NULL,
  name_en TEXT NOT NULL,
  operator TEXT,
  url TEXT,
  is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
  note_de TEXT,
  note_en TEXT,
  CHECK ((note_de IS NULL) = (note_en IS NULL)),
  PRIMARY KEY (category_id, edition_date, service_id, id),
  UNIQUE (category_id, edition_date, service_id, position),
  FOREIGN KEY (category_id, edition_date, service_id)
    REFERENCES assessment(category_id, edition_date, service_id)
) STRICT;

CREATE TABLE variant_rating (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  variant_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  level_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sourced', 'unverified')),
  justification_de TEXT NOT NULL,
  justification_en TEXT NOT NULL,
  PRIMARY KEY (category_id, edition_date, service_id, variant_id, feature_id),
  UNIQUE (category_id, edition_date, service_id, variant_id, position),
  FOREIGN KEY (category_id, edition_date, service_id, variant_id)
    REFERENCES variant(category_id, edition_date, service_id, id)
) STRICT;

CREATE TABLE variant_evidence (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  service_id TEXT NOT NULL,
  variant_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  quote TEXT,
  retrieved TEXT CHECK (retrieved IS NULL OR retrieved GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  PRIMARY KEY (category_id, edition_date, service_id, variant_id, feature_id, position),
  FOREIGN KEY (category_id, edition_date, service_id, variant_id, feature_id)
    REFERENCES variant_rating(category_id, edition_date, service_id, variant_id, feature_id)
) STRICT;

CREATE TABLE edition_note (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  kind TEXT NOT NULL,
  service_id TEXT,
  feature_id TEXT,
  text_de TEXT NOT NULL,
  text_en TEXT NOT NULL,
  reason_de TEXT NOT NULL,
  reason_en TEXT NOT NULL,
  PRIMARY KEY (category_id, edition_date, position),
  FOREIGN KEY (category_id, edition_date) REFERENCES edition(category_id, date),
  FOREIGN KEY (category_id, service_id) REFERENCES service(category_id, id)
) STRICT;

CREATE TABLE published_figure (
  category_id TEXT NOT NULL,
  edition_date TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  service_id TEXT NOT NULL,
  points INTEGER,
  class_id TEXT,
  methodology_version INTEGER,
  CHECK (points IS NOT NULL OR class_id IS NOT NULL),
  PRIMARY KEY (category_id, edition_date, position),
  FOREIGN KEY (category_id, edition_date, service_id)
    REFERENCES assessment(category_id, edition_date, service_id),
  FOREIGN KEY (category_id, methodology_version) REFERENCES methodology(category_id, version)
) STRICT;
)sql";

// The tables of migration 1 whose rows, once written, never change.
constexpr const char* k_v1_write_once[] = {"methodology",
                                           "methodology_level",
                                           "methodology_class",
                                           "methodology_feature",
                                           "methodology_standard",
                                           "edition",
                                           "assessment",
                                           "rating",
                                           "evidence",
                                           "edition_note",
                                           "published_figure"};

std::string v1_sql() {
  std::string sql = k_v1_tables;
  for (const char* table : k_v1_write_once) {
    for (const char* op : {"UPDATE", "DELETE"}) {
      sql += std::string("CREATE TRIGGER ") + table + "_no_" + (op[0] == 'U' ? "update" : "delete") + " BEFORE " + op +
             " ON " + table +
             " BEGIN SELECT RAISE(ABORT, 'published editions and methodology versions never change; "
             "a correction is a new edition'); END;\n";
    }
  }
  return sql;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::string v1 = v1_sql();
  static const std::vector<Migration> k_migrations = {
      {1, "published record: categories, methodology versions, services, editions, ratings, evidence, variants",
       v1.c_str()},
      // Later migrations append here (see docs/store.md: users, sessions,
      // drafts, audit log, corrections from outside).
  };
  return k_migrations;
}

int latest_schema_version() {
  return migrations().back().version;
}

Result<SchemaState> read_schema_state(Database& db) {
  SchemaState state;
  auto version = db.query_int("PRAGMA user_version");
  if (!version) return tl::unexpected(version.error());
  auto application = db.query_int("PRAGMA application_id");
  if (!application) return tl::unexpected(application.error());
  auto tables = db.query_int("SELECT count(*) FROM sqlite_schema");
  if (!tables) return tl::unexpected(tables.error());
  state.version = static_cast<int>(*version);
  state.application_id = static_cast<std::int32_t>(*application);
  state.empty = *tables == 0;
  return state;
}

Result<SchemaState> check_compatible(Database& db, int latest) {
  auto state = read_schema_state(db);
  if (!state) return state;
  if (state->empty && state->version == 0 && state->application_id == 0) return state;
  if (state->application_id != k_application_id) {
    return fail("database " + db.path() + " is not a privascore database (it holds other tables" +
                    (state->application_id ? ", application_id " + std::to_string(state->application_id) : "") + ")",
                "pass the path of a privascore database with --db, or a new file name to create one");
  }
  if (state->version > latest) {
    return fail("database " + db.path() + " has schema version " + std::to_string(state->version) +
                    ", newer than this privascore binary, which knows versions up to " + std::to_string(latest),
                "use the privascore release that wrote it (or a newer one), or restore a backup made with this "
                "release; the database was not changed");
  }
  return state;
}

Result<int> migrate(Database& db, const std::vector<Migration>& list) {
  if (list.empty()) return fail("no migrations");
  const int latest = list.back().version;
  auto state = check_compatible(db, latest);
  if (!state) return tl::unexpected(state.error());
  int version = state->version;
  for (const Migration& m : list) {
    if (m.version <= version) continue;
    auto tx = Transaction::begin(db, Transaction::Kind::immediate);
    if (!tx) return tl::unexpected(tx.error());
    // Another process may have migrated while this one waited for the lock.
    auto current = db.query_int("PRAGMA user_version");
    if (!current) return tl::unexpected(current.error());
    if (*current >= m.version) {
      version = static_cast<int>(*current);
      continue;
    }
    if (*current != m.version - 1) {
      return fail("database " + db.path() + " is at schema version " + std::to_string(*current) +
                  ", but the next migration is version " + std::to_string(m.version));
    }
    if (m.version == 1) {
      if (auto r = db.exec("PRAGMA application_id = " + std::to_string(k_application_id)); !r) {
        return tl::unexpected(r.error());
      }
    }
    auto step_error = [&](const Error& e) {
      return Error{"migration to schema version " + std::to_string(m.version) + " failed, the database stays at " +
                       std::to_string(m.version - 1) + ": " + e.message,
                   e.hint};
    };
    if (auto r = db.exec(m.sql); !r) return tl::unexpected(step_error(r.error()));
    if (auto r = db.exec("PRAGMA user_version = " + std::to_string(m.version)); !r) {
      return tl::unexpected(step_error(r.error()));
    }
    auto record =
        db.prepare("INSERT INTO schema_migration (version, description, privascore_version) VALUES (?, ?, ?)");
    if (!record) return tl::unexpected(step_error(record.error()));
    if (auto r = record->bind_all(m.version, m.description, k_version).run(); !r) {
      return tl::unexpected(step_error(r.error()));
    }
    if (auto r = tx->commit(); !r) return tl::unexpected(step_error(r.error()));
    version = m.version;
  }
  return version;
}

}  // namespace privascore::store
