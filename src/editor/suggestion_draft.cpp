#include "editor/suggestion_draft.h"
#include <nlohmann/json.hpp>

#include "editor/draft_payload.h"
#include "editor/editor_schema.h"
#include "store/store.h"

namespace privascore::editor {

namespace {

Error invalid(std::string message, std::string hint = {}) {
  return Error{std::move(message), std::move(hint), ErrorKind::invalid};
}

Error internal(std::string message) {
  return Error{std::move(message), "", ErrorKind::internal};
}

// The queue's entry of suggestion id, when it is still pending.
Result<assist::QueueEntry> pending_entry(assist::SuggestionQueue& queue, const std::string& id) {
  auto entries = queue.entries();
  if (!entries) return tl::unexpected(internal(entries.error().message));
  const assist::QueueEntry* entry = nullptr;
  for (const auto& e : *entries)
    if (e.suggestion.id == id) entry = &e;
  if (!entry) return fail(ErrorKind::not_found, "no suggestion " + id + " in the queue");
  if (entry->decision != assist::Decision::pending)
    return fail(ErrorKind::conflict, "suggestion " + id + " was already decided");
  return *entry;
}

}  // namespace

Result<DraftInput> draft_input_from_suggestion(const Catalogue& catalogue, const assist::Suggestion& s) {
  const Category* category = catalogue.category(s.category);
  if (!category)
    return tl::unexpected(invalid("the suggestion's category `" + s.category + "` is not in the database"));
  const Edition* edition = category->latest_edition();
  const Methodology* methodology = edition ? category->methodology(edition->methodology) : nullptr;
  if (!edition || !methodology)
    return tl::unexpected(invalid("category `" + s.category + "` has no edition to propose a change to"));
  const Assessment* assessment = s.service.empty() ? nullptr : edition->assessment(s.service);
  if (!assessment)
    return tl::unexpected(invalid("the suggestion names no service of the latest edition (" + s.subject() + ")",
                                  "add the service in the editor first, or enter the rating by hand"));
  if (!methodology->feature(s.feature))
    return tl::unexpected(invalid("feature `" + s.feature + "` is not in methodology v" +
                                  std::to_string(methodology->version) + " of " + s.category));
  if (s.level.empty())
    return tl::unexpected(invalid("suggestion " + s.id + " brings evidence only, no level",
                                  "open the rating in the editor and add the evidence there"));
  if (!methodology->level(s.level))
    return tl::unexpected(invalid("level `" + s.level + "` is not on the scale of " + s.category));

  const Rating* current = assessment->rating(s.feature);
  Rating rating;
  if (current) rating = *current;
  rating.feature = s.feature;
  rating.level = s.level;
  rating.status = RatingStatus::sourced;
  rating.justification = {
      "Aus einem Vorschlag der halbautomatischen Prüfung (" + s.origin + ", noch zu übersetzen): " + s.summary,
      "From a suggestion of the semi-automated assessment (" + s.origin + "): " + s.summary};
  for (const auto& e : s.evidence) {
    Evidence evidence;
    evidence.url = e.url;
    evidence.title = e.kind + " (" + s.origin + ")";
    evidence.quote = e.text;
    if (e.retrieved.size() >= 10) evidence.retrieved = Date::parse(e.retrieved.substr(0, 10));
    rating.evidence.push_back(std::move(evidence));
  }

  DraftInput in;
  in.category = category->id;
  in.kind = DraftKind::rating;
  in.service = assessment->id;
  in.feature = s.feature;
  in.payload = rating_json(rating);
  in.payload["note_kind"] = "reassessment";
  if (current) in.before = rating_json(*current);
  const std::string confidence = assist::to_string(s.confidence);
  in.reason = {"Vorschlag " + s.id + " aus der Warteschlange angenommen (" + s.origin + ", Zuverlässigkeit " +
                   confidence + "). Vorhandensein ist kein Beweis: bitte die Belege prüfen.",
               "Suggestion " + s.id + " accepted from the queue (" + s.origin + ", confidence " + confidence +
                   "). Presence is not proof: check the evidence."};
  return in;
}

Result<Draft> draft_suggestion(store::Database& db, const Catalogue& catalogue, const assist::Suggestion& s,
                               const User& by, const Clock& clock) {
  auto input = draft_input_from_suggestion(catalogue, s);
  if (!input) return tl::unexpected(input.error());
  auto live = live_draft(db, input->category, DraftKind::rating, input->service, "", input->feature);
  if (!live) return tl::unexpected(live.error());
  if (*live) {
    return fail(ErrorKind::conflict, "draft #" + std::to_string((*live)->id) + " of this rating is already open",
                "merge the suggestion into it in the editor (/edit/drafts/" + std::to_string((*live)->id) + ")");
  }
  auto saved = save_draft(db, *input, by, clock);
  if (!saved) return tl::unexpected(saved.error());
  if (saved->kind == SaveOutcome::Kind::conflict || !saved->draft)
    return fail(ErrorKind::conflict, "another draft of this rating was saved meanwhile");
  return *saved->draft;
}

Result<Draft> draft_from_queue(assist::SuggestionQueue& queue, const std::string& id, const std::string& editor_name,
                               const std::string& db_path, const Clock& clock) {
  auto entry = pending_entry(queue, id);
  if (!entry) return tl::unexpected(entry.error());
  auto store = store::Store::open(db_path, store::Store::OpenMode::existing);
  if (!store) return tl::unexpected(internal(store.error().message));
  if (auto migrated = migrate_editor(store->database()); !migrated)
    return tl::unexpected(internal(migrated.error().message));
  auto user = find_user(store->database(), editor_name);
  if (!user) return tl::unexpected(internal(user.error().message));
  if (!*user || (*user)->user.disabled)
    return tl::unexpected(invalid("`" + editor_name + "` is no active account of " + db_path,
                                  "pass --editor with your account name (privascore user list)"));
  auto catalogue = store->load_catalogue();
  if (!catalogue) return tl::unexpected(internal(catalogue.error().message));
  return draft_suggestion(store->database(), *catalogue, entry->suggestion, (*user)->user, clock);
}

}  // namespace privascore::editor
