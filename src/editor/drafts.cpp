#include "editor/drafts.h"
#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <algorithm>
#include "editor/audit.h"
#include "editor/draft_payload.h"
#include "util/text.h"

namespace privascore::editor {

using nlohmann::json;

const char* to_string(DraftKind kind) {
  switch (kind) {
    case DraftKind::rating: return "rating";
    case DraftKind::service_add: return "service-add";
    case DraftKind::service_retire: return "service-retire";
    case DraftKind::variant_add: return "variant-add";
    case DraftKind::variant_retire: return "variant-retire";
    case DraftKind::methodology: return "methodology";
  }
  return "rating";
}

std::optional<DraftKind> parse_draft_kind(std::string_view text) {
  for (DraftKind k : {DraftKind::rating, DraftKind::service_add, DraftKind::service_retire, DraftKind::variant_add,
                      DraftKind::variant_retire, DraftKind::methodology})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

const char* to_string(DraftStatus status) {
  switch (status) {
    case DraftStatus::open: return "open";
    case DraftStatus::approved: return "approved";
    case DraftStatus::rejected: return "rejected";
    case DraftStatus::published: return "published";
    case DraftStatus::withdrawn: return "withdrawn";
  }
  return "open";
}

std::optional<DraftStatus> parse_draft_status(std::string_view text) {
  for (DraftStatus s : {DraftStatus::open, DraftStatus::approved, DraftStatus::rejected, DraftStatus::published,
                        DraftStatus::withdrawn})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

namespace {

constexpr const char* k_select = R"sql(
SELECT d.id, d.category_id, d.kind, d.service_id, d.variant_id, d.feature_id, d.payload, d.before, d.reason_de, d.reason_en,
       d.status, d.version, a.name, d.created_at, u.name, d.updated_at, r.name, d.review_comment, d.reviewed_at,
       d.published_edition,
       (SELECT group_concat(x.name, char(10)) FROM draft_author da JOIN editor_user x ON x.id = da.user_id
        WHERE da.draft_id = d.id)
FROM draft d
JOIN editor_user a ON a.id = d.author_id
JOIN editor_user u ON u.id = d.updated_by
LEFT JOIN editor_user r ON r.id = d.reviewer_id
)sql";

json parse_json(const std::string& text) {
  json value = json::parse(text, nullptr, false);
  return value.is_discarded() ? json(text) : value;
}

Draft read_draft(const store::Statement& s) {
  Draft d;
  d.id = s.column_int(0);
  d.category = s.column_text(1);
  d.kind = parse_draft_kind(s.column_text(2)).value_or(DraftKind::rating);
  d.service = s.column_text(3);
  d.variant = s.column_text(4);
  d.feature = s.column_text(5);
  d.payload = parse_json(s.column_text(6));
  if (auto before = s.column_optional_text(7)) d.before = parse_json(*before);
  d.reason = Text{s.column_text(8), s.column_text(9)};
  d.status = parse_draft_status(s.column_text(10)).value_or(DraftStatus::open);
  d.version = static_cast<int>(s.column_int(11));
  d.author = s.column_text(12);
  d.created_at = s.column_text(13);
  d.updated_by = s.column_text(14);
  d.updated_at = s.column_text(15);
  d.reviewer = s.column_text(16);
  d.review_comment = s.column_text(17);
  d.reviewed_at = s.column_text(18);
  d.published_edition = s.column_text(19);
  const std::string authors = s.column_text(20);
  std::size_t start = 0;
  while (start < authors.size()) {
    const std::size_t end = authors.find('\n', start);
    d.authors.push_back(authors.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return d;
}

Result<std::vector<Draft>> query_drafts(store::Database& db, const std::string& where,
                                        const std::vector<std::string>& args) {
  auto stmt = db.prepare(std::string(k_select) + where);
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  for (std::size_t i = 0; i < args.size(); ++i) stmt->bind(static_cast<int>(i + 1), args[i]);
  std::vector<Draft> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return fail(ErrorKind::internal, row.error());
    if (!*row) break;
    out.push_back(read_draft(*stmt));
  }
  return out;
}

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string audit_reason(const Text& reason) {
  if (reason.de == reason.en) return reason.de;
  return reason.de + " / " + reason.en;
}

Result<void> add_author(store::Database& db, std::int64_t draft, std::int64_t user) {
  auto stmt = db.prepare("INSERT OR IGNORE INTO draft_author (draft_id, user_id) VALUES (?, ?)");
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  if (auto r = stmt->bind_all(draft, user).run(); !r) return fail(ErrorKind::internal, r.error());
  return {};
}

Result<void> audit(store::Database& db, const Clock& clock, const std::string& actor, const char* action,
                   const Draft& draft, std::optional<json> before, std::optional<json> after,
                   const std::string& reason) {
  AuditEvent e;
  e.at = iso_time(clock.now());
  e.actor = actor;
  e.action = action;
  e.category = draft.category;
  e.service = draft.service;
  e.subject = "draft " + std::to_string(draft.id) + " (" + to_string(draft.kind) +
              (draft.variant.empty() ? "" : " variant " + draft.variant) +
              (draft.feature.empty() ? "" : " " + draft.feature) + ")";
  e.before = std::move(before);
  e.after = std::move(after);
  e.reason = reason;
  if (auto r = record_event(db, e); !r) return fail(ErrorKind::internal, r.error());
  return {};
}

bool slot_complete(const DraftInput& in) {
  switch (in.kind) {
    case DraftKind::rating: return !in.service.empty() && !in.feature.empty();
    case DraftKind::service_add:
    case DraftKind::service_retire: return !in.service.empty() && in.variant.empty() && in.feature.empty();
    case DraftKind::variant_add:
    case DraftKind::variant_retire: return !in.service.empty() && !in.variant.empty() && in.feature.empty();
    case DraftKind::methodology: return in.service.empty() && in.variant.empty() && in.feature.empty();
  }
  return false;
}

}  // namespace

Result<Draft> get_draft(store::Database& db, std::int64_t id) {
  auto drafts = query_drafts(db, "WHERE d.id = ?1", {std::to_string(id)});
  if (!drafts) return tl::unexpected(drafts.error());
  if (drafts->empty()) return fail(ErrorKind::not_found, "there is no draft " + std::to_string(id));
  return std::move(drafts->front());
}

Result<std::vector<Draft>> list_drafts(store::Database& db, const DraftFilter& filter) {
  std::string where = "WHERE (?1 = '' OR d.category_id = ?1) AND (?2 = '' OR d.service_id = ?2)";
  std::vector<std::string> args = {filter.category, filter.service};
  if (!filter.statuses.empty()) {
    where += " AND d.status IN (";
    for (std::size_t i = 0; i < filter.statuses.size(); ++i) {
      where += (i ? ", ?" : "?") + std::to_string(args.size() + 1);
      args.emplace_back(to_string(filter.statuses[i]));
    }
    where += ")";
  }
  return query_drafts(db, where + " ORDER BY d.id", args);
}

Result<std::optional<Draft>> live_draft(store::Database& db, const std::string& category, DraftKind kind,
                                        const std::string& service, const std::string& variant,
                                        const std::string& feature) {
  auto drafts = query_drafts(db,
                             "WHERE d.category_id = ?1 AND d.kind = ?2 AND d.service_id = ?3 AND d.variant_id = ?4 "
                             "AND d.feature_id = ?5 AND d.status IN ('open', 'approved')",
                             {category, to_string(kind), service, variant, feature});
  if (!drafts) return tl::unexpected(drafts.error());
  if (drafts->empty()) return std::optional<Draft>();
  return std::optional<Draft>(std::move(drafts->front()));
}

Result<SaveOutcome> save_draft(store::Database& db, const DraftInput& input, const User& by, const Clock& clock) {
  if (input.kind == DraftKind::methodology && !can_change_methodology(by.role)) {
    return fail(ErrorKind::forbidden, "only an admin may propose a methodology change",
                "ask an admin; `privascore user list` shows who is one");
  }
  if (!slot_complete(input)) return fail(ErrorKind::invalid, "the draft does not say what it changes");
  if (is_blank(input.reason.de) || is_blank(input.reason.en)) {
    return fail(ErrorKind::invalid, "give the reason for the change in German and in English",
                "readers see the reason in the edition's notes");
  }
  auto tx = store::Transaction::begin(db);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  auto live = live_draft(db, input.category, input.kind, input.service, input.variant, input.feature);
  if (!live) return tl::unexpected(live.error());
  const std::string now = iso_time(clock.now());
  SaveOutcome outcome;

  if (*live) {
    const Draft& current = **live;
    if (input.base_draft != current.id || input.base_version != current.version) {
      return SaveOutcome{SaveOutcome::Kind::conflict, current};
    }
    auto update = db.prepare(
        "UPDATE draft SET payload = ?, reason_de = ?, reason_en = ?, version = version + 1, updated_by = ?, "
        "updated_at = ?, status = 'open', reviewer_id = NULL, review_comment = NULL, reviewed_at = NULL "
        "WHERE id = ? AND version = ?");
    if (!update) return fail(ErrorKind::internal, update.error());
    if (auto r = update
                     ->bind_all(dump(input.payload), input.reason.de, input.reason.en, by.id, now, current.id,
                                current.version)
                     .run();
        !r) {
      return fail(ErrorKind::internal, r.error());
    }
    if (auto r = add_author(db, current.id, by.id); !r) return tl::unexpected(r.error());
    json before = current.payload;
    if (current.status == DraftStatus::approved) before["approval_withdrawn"] = current.reviewer;
    if (auto r = audit(db, clock, by.name, "draft-update", current, before, input.payload, audit_reason(input.reason));
        !r) {
      return tl::unexpected(r.error());
    }
    outcome.kind = SaveOutcome::Kind::updated;
    auto saved = get_draft(db, current.id);
    if (!saved) return tl::unexpected(saved.error());
    outcome.draft = std::move(*saved);
  } else {
    if (input.base_draft != 0) {
      // The draft the editor worked on was published, rejected or
      // withdrawn meanwhile: the published state may have changed.
      return SaveOutcome{SaveOutcome::Kind::conflict, std::nullopt};
    }
    auto insert = db.prepare(
        "INSERT INTO draft (category_id, kind, service_id, variant_id, feature_id, payload, before, reason_de, "
        "reason_en, status, version, author_id, created_at, updated_by, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 1, ?, ?, ?, ?)");
    if (!insert) return fail(ErrorKind::internal, insert.error());
    std::optional<std::string> before;
    if (input.before) before = dump(*input.before);
    if (auto r = insert
                     ->bind_all(input.category, to_string(input.kind), input.service, input.variant, input.feature,
                                dump(input.payload), before, input.reason.de, input.reason.en, by.id, now, by.id, now)
                     .run();
        !r) {
      return fail(ErrorKind::internal, r.error());
    }
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());
    if (auto r = add_author(db, id, by.id); !r) return tl::unexpected(r.error());
    auto saved = get_draft(db, id);
    if (!saved) return tl::unexpected(saved.error());
    if (auto r =
            audit(db, clock, by.name, "draft-create", *saved, input.before, input.payload, audit_reason(input.reason));
        !r) {
      return tl::unexpected(r.error());
    }
    outcome.kind = SaveOutcome::Kind::created;
    outcome.draft = std::move(*saved);
  }
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  return outcome;
}

Result<Draft> review_draft(store::Database& db, std::int64_t id, int version, bool approve, const std::string& comment,
                           const User& reviewer, const Clock& clock) {
  if (!can_review(reviewer.role)) {
    return fail(ErrorKind::forbidden, "only a reviewer or an admin may approve or reject drafts");
  }
  if (is_blank(comment)) {
    return fail(ErrorKind::invalid, "write a comment with your decision",
                "the author and the audit trail need to know why");
  }
  auto tx = store::Transaction::begin(db);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  auto draft = get_draft(db, id);
  if (!draft) return tl::unexpected(draft.error());
  auto own = db.prepare("SELECT count(*) FROM draft_author WHERE draft_id = ? AND user_id = ?");
  if (!own) return fail(ErrorKind::internal, own.error());
  own->bind_all(id, reviewer.id);
  auto row = own->step();
  if (!row) return fail(ErrorKind::internal, row.error());
  if (own->column_int(0) > 0) {
    return fail(ErrorKind::forbidden, "you wrote (a version of) this draft, so you cannot review it",
                "another reviewer must approve or reject it");
  }
  if (draft->status != DraftStatus::open) {
    return fail(ErrorKind::conflict,
                "draft " + std::to_string(id) + " is " + to_string(draft->status) + ", not open for review");
  }
  if (draft->version != version) {
    return fail(ErrorKind::conflict,
                "draft " + std::to_string(id) + " was changed (version " + std::to_string(draft->version) +
                    ") after you opened it (version " + std::to_string(version) + ")",
                "read the new version before you decide");
  }
  const std::string now = iso_time(clock.now());
  auto update = db.prepare(
      "UPDATE draft SET status = ?, reviewer_id = ?, review_comment = ?, reviewed_at = ? WHERE id = ? AND version = ?");
  if (!update) return fail(ErrorKind::internal, update.error());
  const char* status = approve ? "approved" : "rejected";
  if (auto r = update->bind_all(status, reviewer.id, comment, now, id, version).run(); !r)
    return fail(ErrorKind::internal, r.error());
  if (auto r = audit(db, clock, reviewer.name, approve ? "approve" : "reject", *draft,
                     json{{"status", "open"}, {"version", version}},
                     json{{"status", status}, {"version", version}, {"comment", comment}}, comment);
      !r) {
    return tl::unexpected(r.error());
  }
  auto saved = get_draft(db, id);
  if (!saved) return tl::unexpected(saved.error());
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  return saved;
}

Result<Draft> withdraw_draft(store::Database& db, std::int64_t id, const User& by, const Clock& clock) {
  auto tx = store::Transaction::begin(db);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  auto draft = get_draft(db, id);
  if (!draft) return tl::unexpected(draft.error());
  if (std::find(draft->authors.begin(), draft->authors.end(), by.name) == draft->authors.end()) {
    return fail(ErrorKind::forbidden, "only an author of a draft may withdraw it");
  }
  if (!draft->live()) {
    return fail(ErrorKind::conflict, "draft " + std::to_string(id) + " is already " + to_string(draft->status));
  }
  auto update = db.prepare("UPDATE draft SET status = 'withdrawn', updated_by = ?, updated_at = ? WHERE id = ?");
  if (!update) return fail(ErrorKind::internal, update.error());
  if (auto r = update->bind_all(by.id, iso_time(clock.now()), id).run(); !r)
    return fail(ErrorKind::internal, r.error());
  if (auto r = audit(db, clock, by.name, "withdraw", *draft, json{{"status", to_string(draft->status)}},
                     json{{"status", "withdrawn"}}, "");
      !r) {
    return tl::unexpected(r.error());
  }
  auto saved = get_draft(db, id);
  if (!saved) return tl::unexpected(saved.error());
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  return saved;
}

Result<void> mark_published(store::Database& db, const std::vector<std::int64_t>& ids, const std::string& date) {
  auto stmt =
      db.prepare("UPDATE draft SET status = 'published', published_edition = ? WHERE id = ? AND status = 'approved'");
  if (!stmt) return fail(ErrorKind::internal, stmt.error());
  for (std::int64_t id : ids) {
    if (auto r = stmt->bind_all(date, id).run(); !r) return fail(ErrorKind::internal, r.error());
    if (sqlite3_changes(db.handle()) != 1) {
      return fail(ErrorKind::conflict, "draft " + std::to_string(id) + " is no longer approved");
    }
  }
  return {};
}

json draft_json(const Draft& d) {
  return {{"id", d.id},
          {"category", d.category},
          {"kind", to_string(d.kind)},
          {"service", d.service},
          {"variant", d.variant},
          {"feature", d.feature},
          {"payload", d.payload},
          {"before", d.before ? *d.before : json(nullptr)},
          {"reason", text_json(d.reason)},
          {"status", to_string(d.status)},
          {"version", d.version},
          {"author", d.author},
          {"authors", d.authors},
          {"created_at", d.created_at},
          {"updated_by", d.updated_by},
          {"updated_at", d.updated_at},
          {"reviewer", d.reviewer},
          {"review_comment", d.review_comment},
          {"reviewed_at", d.reviewed_at},
          {"published_edition", d.published_edition}};
}

}  // namespace privascore::editor
