// From the assist queue to the editorial workflow: an editor who accepts a
// suggestion (`privascore assist queue accept ID --draft-db DB`) gets a
// rating draft with the suggested level and the suggestion's evidence. It is
// a draft like any other: a second person reviews it and it is published
// only with an edition. Nothing reaches readers by itself.
#pragma once

#include "assist/suggestion.h"
#include "assist/suggestion_queue.h"
#include "editor/accounts.h"
#include "editor/clock.h"
#include "editor/drafts.h"
#include "model/model.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

/// The draft input for suggestion s against the latest edition of its
/// category in catalogue: the service's current rating of the feature (kept
/// as "before"), its level replaced by the suggested one, status sourced
/// (the suggestion brings evidence), the suggestion's evidence added to the
/// rating's, and a justification and reason in both languages that say where
/// it came from. Invalid when the suggestion has no level, names no service
/// of the latest edition, or a feature or level the methodology lacks.
Result<DraftInput> draft_input_from_suggestion(const Catalogue& catalogue, const assist::Suggestion& s);

/// Saves that draft for user by. A conflict (a draft of the same rating is
/// already open) is an error that names the open draft.
Result<Draft> draft_suggestion(store::Database& db, const Catalogue& catalogue, const assist::Suggestion& s,
                               const User& by, const Clock& clock);

/// `privascore assist queue accept ID --draft-db DB`: the pending
/// suggestion id of queue as a rating draft of the account editor_name in
/// the privascore database at db_path (its editor tables migrated first).
/// not_found when the queue has no such suggestion, conflict when it was
/// already decided, invalid when editor_name is no active account of the
/// database or the suggestion cannot be a draft (draft_suggestion), internal
/// when the queue or the database cannot be read. The queue is not changed.
Result<Draft> draft_from_queue(assist::SuggestionQueue& queue, const std::string& id, const std::string& editor_name,
                               const std::string& db_path, const Clock& clock);

}  // namespace privascore::editor
