// Drafts: every change an editor proposes (a rating of a service or of one
// of its hosting variants, a new or retired service or variant, a
// methodology change) waits here until a reviewer has
// approved it and it is published with an edition.
//
// Life of a draft: open → approved → published, or open → rejected, or
// open → withdrawn (by one of its authors). Saving an approved draft again
// reopens it (the approval was for the earlier text). There is at most one
// live (open or approved) draft per rating, per service and kind, and per
// category's methodology; a save meets that draft.
//
// Optimistic locking: the editor's form carries the id and version of the
// live draft it was based on (0, 0 when there was none). A save whose base
// is not the current live draft is refused as a conflict that carries the
// current draft, so the second editor sees both versions and nothing is
// lost. Review carries the version too, so a reviewer never approves a
// text they have not seen.
//
// Nobody approves their own change: everyone who saved a version of a
// draft is recorded as one of its authors, and an author's approve or
// reject is refused (forbidden). Every change is recorded in the audit
// trail within the same transaction. Functions take the connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "editor/accounts.h"
#include "editor/clock.h"
#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

enum class DraftKind { rating, service_add, service_retire, variant_add, variant_retire, methodology };
const char* to_string(DraftKind kind);
std::optional<DraftKind> parse_draft_kind(std::string_view text);

enum class DraftStatus { open, approved, rejected, published, withdrawn };
const char* to_string(DraftStatus status);
std::optional<DraftStatus> parse_draft_status(std::string_view text);

struct Draft {
  std::int64_t id = 0;
  std::string category;
  DraftKind kind = DraftKind::rating;
  std::string service;  // "" for methodology drafts
  std::string variant;  // rating of a variant, variant-add, variant-retire; else ""
  std::string feature;  // rating drafts only
  nlohmann::json payload;
  std::optional<nlohmann::json> before;  // nullopt for a new service
  Text reason;
  DraftStatus status = DraftStatus::open;
  int version = 1;
  std::string author;  // who created it
  std::string created_at;
  std::string updated_by;
  std::string updated_at;
  std::vector<std::string> authors;  // everyone who saved a version
  std::string reviewer;              // "" until reviewed
  std::string review_comment;
  std::string reviewed_at;
  std::string published_edition;  // "YYYY-MM-DD" once published

  bool live() const { return status == DraftStatus::open || status == DraftStatus::approved; }
};

/// What an editor submits.
struct DraftInput {
  std::string category;
  DraftKind kind = DraftKind::rating;
  std::string service;
  std::string variant;
  std::string feature;
  nlohmann::json payload;
  std::optional<nlohmann::json> before;
  Text reason;
  std::int64_t base_draft = 0;  // the live draft the form showed; 0 = none
  int base_version = 0;
};

struct SaveOutcome {
  enum class Kind { created, updated, conflict };
  Kind kind = Kind::created;
  /// created/updated: the saved draft. conflict: the live draft the save
  /// met, or nullopt when the base draft is no longer live (rejected,
  /// withdrawn or published meanwhile).
  std::optional<Draft> draft;
};

/// Saves a draft as described above. Forbidden when a methodology draft
/// comes from someone who is not an admin; invalid when the reason is
/// missing in a language.
Result<SaveOutcome> save_draft(store::Database& db, const DraftInput& input, const User& by, const Clock& clock);

/// The draft by id; not_found when there is none.
Result<Draft> get_draft(store::Database& db, std::int64_t id);

struct DraftFilter {
  std::string category;               // "" = all
  std::vector<DraftStatus> statuses;  // empty = all
  std::string service;                // "" = all
};
/// Drafts matching the filter, oldest first.
Result<std::vector<Draft>> list_drafts(store::Database& db, const DraftFilter& filter);

/// The live draft of a slot, nullopt when there is none.
Result<std::optional<Draft>> live_draft(store::Database& db, const std::string& category, DraftKind kind,
                                        const std::string& service, const std::string& variant,
                                        const std::string& feature);

/// Approves (approve = true) or rejects an open draft at `version`, with a
/// comment (required). Forbidden for editors and for the draft's authors;
/// conflict when the draft has changed or is no longer open.
Result<Draft> review_draft(store::Database& db, std::int64_t id, int version, bool approve, const std::string& comment,
                           const User& reviewer, const Clock& clock);

/// Withdraws a live draft; only one of its authors may.
Result<Draft> withdraw_draft(store::Database& db, std::int64_t id, const User& by, const Clock& clock);

/// Marks drafts as published in edition `date` (inside the caller's
/// publication transaction; no audit event of its own).
Result<void> mark_published(store::Database& db, const std::vector<std::int64_t>& ids, const std::string& date);

/// The draft as JSON, for the audit trail and the API.
nlohmann::json draft_json(const Draft& draft);

}  // namespace privascore::editor
