// Publication: a new edition of a category from its latest edition plus
// every approved draft, written in one SQLite transaction.
//
// Inside one immediate transaction: read the published record, build and
// validate the new edition (draft_apply.h), insert the methodology version
// (when a methodology draft applies) and the edition, mark the drafts
// published and record the audit event; then commit. After a crash at any
// moment the database holds the old state or the new one, never a part
// (tests/editor_publish_crash_test.cpp kills the process between the steps
// and at random times). Published editions are write-once in the store, so
// a correction is always a new edition with a note.
//
// After the commit the open data is brought up to date (open_data.h); a
// failure there does not undo the publication: it is reported and the next
// sync writes what is missing. Who may publish: reviewers and admins
// (accounts.h), the people who may also approve drafts; an editor's change
// needs a second person before it can appear.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "editor/accounts.h"
#include "editor/clock.h"
#include "editor/draft_apply.h"
#include "editor/open_data.h"
#include "store/database.h"
#include "util/error.h"

namespace privascore::editor {

/// Fault injection for tests: checkpoint(step) is called between the steps
/// of a publication ("begin", "read", "built", "methodology", "edition",
/// "drafts", "audit", "committed", "exported"). Production code passes none.
struct PublishHooks {
  std::function<void(std::string_view step)> checkpoint;
};

/// Hooks for tests of the real server: with PRIVASCORE_TEST_PUBLISH_STEP_DELAY_MS=N
/// in the environment, a publication pauses N milliseconds (at most 10000)
/// at every step, so that a test can kill the server in the middle of one.
/// Empty hooks when the variable is not set, as in production.
PublishHooks publish_hooks_from_environment();

struct Publication {
  DraftEdition draft;                          // what was published
  std::shared_ptr<const Catalogue> catalogue;  // the published record afterwards
  OpenDataSummary open_data;
  std::string open_data_error;  // "" when the export succeeded or none is configured
};

/// Publishes as described above. Forbidden for editors; not_found for an
/// unknown category; invalid when the new edition does not validate (every
/// problem listed) or there is nothing to publish (no approved draft and
/// no note); the database is then unchanged.
Result<Publication> publish_edition(store::Database& db, const std::string& category, const EditionPlan& plan,
                                    const User& by, const Clock& clock, const std::string& open_data_dir,
                                    const PublishHooks& hooks = {});

}  // namespace privascore::editor
