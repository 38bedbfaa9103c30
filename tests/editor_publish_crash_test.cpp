// Publication is atomic: a process killed (SIGKILL) at any moment of a
// publication leaves the database with the old state or the new one, never
// a part, and the database passes PRAGMA integrity_check.
//
// The publication runs in a child process (fork) on a copy of a prepared
// database; the parent kills it either at each named step of the
// publication (the child kills itself from the fault-injection hook) or
// after a random delay, then opens the database as the next server start
// would and checks it.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "editor/draft_payload.h"
#include "editor/drafts.h"
#include "editor/editor_schema.h"
#include "editor/editor_testing.h"
#include "editor/open_data.h"
#include "editor/publication.h"
#include "loader/loader.h"
#include "store/catalogue_reader.h"

namespace privascore::editor {
namespace {

namespace fs = std::filesystem;
using testing::Fixture;
using testing::TempFolder;

constexpr const char* k_category = "video-conferencing";
constexpr const char* k_old_date = "2024-10-29";
constexpr const char* k_new_date = "2025-01-15";

// A database whose next publication is large: every service of the latest
// edition gets a new e2e rating, a service joins, the methodology changes.
int prepare(const std::string& path) {
  Fixture f(path);
  auto catalogue = f.store->load_catalogue();
  const Category& c = *catalogue->category(k_category);
  int drafts = 0;
  auto approve = [&](DraftInput in, const User& author) {
    in.category = k_category;
    in.reason = Text{"Grund", "Reason"};
    auto saved = save_draft(f.db(), in, author, f.clock);
    ASSERT_TRUE(saved && saved->kind == SaveOutcome::Kind::created);
    ASSERT_TRUE(review_draft(f.db(), saved->draft->id, 1, true, "ok", f.reviewer, f.clock));
    ++drafts;
  };
  for (const Assessment& a : c.latest_edition()->assessments) {
    Rating r;
    r.feature = "e2e";
    r.level = "yellow";
    r.status = RatingStatus::sourced;
    r.justification = Text{"Neu.", "New."};
    r.evidence.push_back(Evidence{"https://example.org/" + a.id, "Source", "", std::nullopt, {}});
    DraftInput in;
    in.kind = DraftKind::rating;
    in.service = a.id;
    in.feature = "e2e";
    in.payload = rating_json(r);
    approve(in, f.editor);
  }
  Assessment added;
  added.id = "new-meet";
  added.name = "New Meet";
  added.vendor = "New GmbH";
  added.website = "https://example.org/new";
  DraftInput add;
  add.kind = DraftKind::service_add;
  add.service = added.id;
  add.payload = service_json(added);
  approve(add, f.editor);
  MethodologyEdit edit = current_weights(*c.latest_methodology());
  edit.weights[0].second += 1;
  DraftInput m;
  m.kind = DraftKind::methodology;
  m.payload = methodology_edit_json(edit);
  approve(m, f.admin);
  return drafts;
}

enum class State { old_state, new_state };

// Opens the database as a restarted server would and checks that it holds
// exactly one of the two states, completely.
State check(const std::string& path, int drafts, const std::string& open_data) {
  auto store = store::Store::open(path, store::Store::OpenMode::existing);
  EXPECT_TRUE(store) << (store ? "" : store.error().to_string());
  if (!store) return State::old_state;
  store::Database& db = store->database();
  EXPECT_EQ(*db.query_text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  auto catalogue = store::read_catalogue(db);
  EXPECT_TRUE(catalogue) << (catalogue ? "" : catalogue.error().to_string());
  const Category& c = *catalogue->category(k_category);
  const std::string latest = c.latest_edition()->date.to_string();
  const auto count = [&](const std::string& sql) { return *db.query_int(sql); };
  const auto approved = count("SELECT count(*) FROM draft WHERE status = 'approved'");
  const auto published = count("SELECT count(*) FROM draft WHERE status = 'published'");
  const auto events = count("SELECT count(*) FROM audit_event WHERE action = 'publish'");
  if (latest == k_old_date) {
    EXPECT_EQ(approved, drafts);
    EXPECT_EQ(published, 0);
    EXPECT_EQ(events, 0);
    EXPECT_EQ(c.methodologies.size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM edition WHERE date = '2025-01-15'"), 0);
    return State::old_state;
  }
  EXPECT_EQ(latest, k_new_date);
  const Edition& e = *c.latest_edition();
  EXPECT_EQ(e.services.size(), c.previous(e)->services.size() + 1);
  for (const Assessment& a : e.assessments) {
    if (a.id == "new-meet") continue;
    EXPECT_EQ(a.rating("e2e")->level, "yellow") << a.id;
  }
  EXPECT_EQ(e.methodology, 2);
  EXPECT_EQ(c.methodologies.size(), 2u);
  EXPECT_EQ(approved, 0);
  EXPECT_EQ(published, drafts);
  EXPECT_EQ(events, 1);
  // The open data catches up on the next start, whatever the crash left.
  auto synced = sync_open_data(*catalogue, open_data);
  EXPECT_TRUE(synced) << (synced ? "" : synced.error().to_string());
  DiskSource disk(open_data);
  DiagnosticSink sink;
  Catalogue loaded = load_catalogue(disk, sink);
  EXPECT_FALSE(sink.has_errors()) << (sink.items().empty() ? "" : sink.items()[0].to_string());
  EXPECT_EQ(loaded.category(k_category)->latest_edition()->date.to_string(), k_new_date);
  return State::new_state;
}

// Runs a publication in a child process; `hook` runs at every step there.
pid_t publish_in_child(const std::string& path, const std::string& open_data,
                       std::function<void(std::string_view)> hook) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Child: no gtest assertions here, only the publication.
  auto store = store::Store::open(path, store::Store::OpenMode::existing);
  if (!store) _exit(10);
  auto reviewer = find_user(store->database(), "rolf");
  if (!reviewer || !*reviewer) _exit(11);
  SystemClock clock;
  EditionPlan plan;
  plan.date = *Date::parse(k_new_date);
  PublishHooks hooks{std::move(hook)};
  auto result = publish_edition(store->database(), k_category, plan, (*reviewer)->user, clock, open_data, hooks);
  _exit(result ? 0 : 12);
}

TEST(EditorPublishCrash, KilledAtEveryStep) {
  TempFolder tmp;
  const std::string base = tmp.path() + "/base.db";
  const int drafts = prepare(base);
  const std::vector<std::pair<std::string, State>> steps = {
      {"begin", State::old_state},       {"read", State::old_state},      {"built", State::old_state},
      {"methodology", State::old_state}, {"edition", State::old_state},   {"drafts", State::old_state},
      {"audit", State::old_state},       {"committed", State::new_state}, {"exported", State::new_state}};
  for (const auto& [step, expected] : steps) {
    SCOPED_TRACE(step);
    const std::string path = tmp.path() + "/" + step + ".db";
    const std::string open_data = tmp.path() + "/open-data-" + step;
    fs::copy_file(base, path);
    const pid_t pid = publish_in_child(path, open_data, [name = step](std::string_view at) {
      if (at == name) raise(SIGKILL);
    });
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child was killed at " << step;
    EXPECT_EQ(check(path, drafts, open_data), expected);
  }
}

TEST(EditorPublishCrash, KilledAtRandomMoments) {
  TempFolder tmp;
  const std::string base = tmp.path() + "/base.db";
  const int drafts = prepare(base);
  // How long an uninterrupted publication takes here, to spread the kills
  // over it (the hook pauses 1 ms per step to widen the window).
  auto pause = [](std::string_view) { std::this_thread::sleep_for(std::chrono::milliseconds(1)); };
  fs::copy_file(base, tmp.path() + "/measure.db");
  const auto start = std::chrono::steady_clock::now();
  const pid_t measured = publish_in_child(tmp.path() + "/measure.db", tmp.path() + "/open-data-measure", pause);
  int status = 0;
  ASSERT_EQ(waitpid(measured, &status, 0), measured);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "an uninterrupted publication succeeds";
  const auto span = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(check(tmp.path() + "/measure.db", drafts, tmp.path() + "/open-data-measure"), State::new_state);

  std::mt19937 random(20241029);
  std::uniform_int_distribution<long> delay(0, span.count() * 12 / 10);
  int old_states = 0;
  int new_states = 0;
  for (int i = 0; i < 30; ++i) {
    SCOPED_TRACE(i);
    const std::string path = tmp.path() + "/random-" + std::to_string(i) + ".db";
    const std::string open_data = tmp.path() + "/open-data-random-" + std::to_string(i);
    fs::copy_file(base, path);
    const pid_t pid = publish_in_child(path, open_data, pause);
    std::this_thread::sleep_for(std::chrono::microseconds(delay(random)));
    kill(pid, SIGKILL);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    (check(path, drafts, open_data) == State::old_state ? old_states : new_states)++;
  }
  std::printf("[ figures  ] publication takes %lld µs here; of 30 random kills %d left the old state, %d the new\n",
              static_cast<long long>(span.count()), old_states, new_states);
}

}  // namespace
}  // namespace privascore::editor
