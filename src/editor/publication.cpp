#include "editor/publication.h"
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "editor/audit.h"
#include "editor/drafts.h"
#include "store/catalogue_reader.h"
#include "store/catalogue_writer.h"

namespace privascore::editor {

using nlohmann::json;

namespace {

json edition_summary(const Edition& e) {
  return {{"date", e.date.to_string()}, {"methodology", e.methodology}, {"services", e.services}};
}

}  // namespace

PublishHooks publish_hooks_from_environment() {
  const char* text = std::getenv("PRIVASCORE_TEST_PUBLISH_STEP_DELAY_MS");
  if (!text || !*text) return {};
  const long ms = std::strtol(text, nullptr, 10);
  if (ms <= 0 || ms > 10'000) return {};
  return PublishHooks{[ms](std::string_view) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }};
}

Result<Publication> publish_edition(store::Database& db, const std::string& category_id, const EditionPlan& plan,
                                    const User& by, const Clock& clock, const std::string& open_data_dir,
                                    const PublishHooks& hooks) {
  auto step = [&](std::string_view name) {
    if (hooks.checkpoint) hooks.checkpoint(name);
  };
  if (!can_publish(by.role)) {
    return fail(ErrorKind::forbidden, "only a reviewer or an admin may publish an edition");
  }
  step("begin");
  auto tx = store::Transaction::begin(db, store::Transaction::Kind::immediate);
  if (!tx) return fail(ErrorKind::internal, tx.error());
  auto catalogue = store::read_catalogue(db);
  if (!catalogue) return fail(ErrorKind::internal, catalogue.error());
  const Category* category = catalogue->category(category_id);
  if (!category) return fail(ErrorKind::not_found, "there is no category `" + category_id + "`");
  auto approved = list_drafts(db, DraftFilter{category_id, {DraftStatus::approved}, ""});
  if (!approved) return tl::unexpected(approved.error());
  step("read");

  auto draft = build_draft_edition(*category, *approved, plan);
  if (!draft) return tl::unexpected(draft.error());
  if (draft->applied.empty() && !plan.note) {
    return fail(ErrorKind::invalid, "there is nothing to publish: no approved draft applies",
                "approve drafts first, or write a note for an edition that only corrects the record");
  }
  if (auto problems = validate_draft_edition(*category, *draft); !problems.empty()) {
    std::string message = "the new edition is not valid:";
    for (const std::string& p : problems) message += "\n- " + p;
    return fail(ErrorKind::invalid, message, "correct the drafts named above and publish again");
  }
  step("built");

  if (draft->methodology) {
    if (auto r = store::insert_methodology(db, *draft->methodology); !r) return fail(ErrorKind::internal, r.error());
    step("methodology");
  }
  if (auto r = store::insert_edition(db, draft->edition); !r) return fail(ErrorKind::internal, r.error());
  step("edition");
  if (auto r = mark_published(db, draft->applied, plan.date.to_string()); !r) return tl::unexpected(r.error());
  step("drafts");

  const Edition* previous = category->latest_edition();
  json after = edition_summary(draft->edition);
  after["drafts"] = draft->applied;
  json skipped = json::array();
  for (const auto& [id, why] : draft->skipped) skipped.push_back({{"draft", id}, {"why", why}});
  after["skipped"] = skipped;
  if (draft->methodology) after["new_methodology_version"] = draft->methodology->version;
  AuditEvent event;
  event.at = iso_time(clock.now());
  event.actor = by.name;
  event.action = "publish";
  event.category = category_id;
  event.subject = "edition " + plan.date.to_string();
  event.before = edition_summary(*previous);
  event.after = after;
  event.reason = plan.note ? plan.note->text.de + " / " + plan.note->text.en : "";
  if (auto r = record_event(db, event); !r) return fail(ErrorKind::internal, r.error());
  step("audit");
  if (auto r = tx->commit(); !r) return fail(ErrorKind::internal, r.error());
  step("committed");

  Publication out;
  out.draft = std::move(*draft);
  auto reloaded = store::read_catalogue(db);
  if (!reloaded) return fail(ErrorKind::internal, reloaded.error());
  out.catalogue = std::make_shared<const Catalogue>(std::move(*reloaded));
  if (!open_data_dir.empty()) {
    auto synced = sync_open_data(*out.catalogue, open_data_dir);
    if (synced)
      out.open_data = std::move(*synced);
    else
      out.open_data_error = synced.error().to_string();
  }
  step("exported");
  return out;
}

}  // namespace privascore::editor
