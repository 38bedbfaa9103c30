// The editor: publishing an edition of a category with 100 services (100
// approved rating drafts applied, the edition written in one transaction,
// the published record read back), and the preview of the same edition.
// Figures in docs/performance.md ("Editor").
#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "editor/accounts.h"
#include "editor/draft_apply.h"
#include "editor/draft_payload.h"
#include "editor/drafts.h"
#include "editor/editor_schema.h"
#include "editor/publication.h"
#include "loader/file_source.h"
#include "loader/loader.h"
#include "resources/resources.h"
#include "scoring/diff.h"
#include "store/catalogue_reader.h"
#include "store/store.h"

namespace privascore::editor {
namespace {

constexpr int k_services = 100;
constexpr const char* k_category = "video-conferencing";

Catalogue bundled_catalogue() {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  DiagnosticSink sink;
  Catalogue c = load_catalogue(source, sink);
  if (sink.has_errors()) std::abort();
  return c;
}

// The bundled video-conferencing category with a latest edition of 100
// services (copies of the bundled ones under new ids).
Catalogue hundred_services() {
  Catalogue all = bundled_catalogue();
  Catalogue out;
  Category c = *all.category(k_category);
  Edition& latest = c.editions.back();
  const std::vector<Assessment> originals = latest.assessments;
  latest.assessments.clear();
  latest.services.clear();
  latest.service_locs.clear();
  latest.notes.clear();
  latest.published.clear();
  for (int i = 0; i < k_services; ++i) {
    Assessment a = originals[static_cast<std::size_t>(i) % originals.size()];
    a.id = "service-" + std::to_string(i);
    a.name = "Service " + std::to_string(i);
    latest.services.push_back(a.id);
    latest.assessments.push_back(std::move(a));
  }
  c.editions.erase(c.editions.begin(), c.editions.end() - 1);
  out.categories.push_back(std::move(c));
  return out;
}

struct BenchDir {
  BenchDir() {
    std::string pattern = "/tmp/privascore-editor-bench-XXXXXX";
    if (!::mkdtemp(pattern.data())) std::abort();
    path = pattern;
  }
  ~BenchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

// A database with the 100-service category and 100 approved drafts (one
// rating of every service), ready to publish.
std::string prepare(const std::string& dir) {
  const std::string path = dir + "/base.db";
  auto store = store::Store::open(path, store::Store::OpenMode::create);
  if (!store || !store->import_catalogue(hundred_services()) || !migrate_editor(store->database())) std::abort();
  ManualClock clock;
  auto editor = add_user(store->database(), "erika", Role::editor, "correct horse battery", clock, "bench");
  auto reviewer = add_user(store->database(), "rolf", Role::reviewer, "correct horse battery", clock, "bench");
  if (!editor || !reviewer) std::abort();
  for (int i = 0; i < k_services; ++i) {
    Rating r;
    r.feature = "e2e";
    r.level = i % 2 ? "green" : "yellow";
    r.status = RatingStatus::sourced;
    r.justification = Text{"Neu bewertet.", "Reassessed."};
    r.evidence.push_back(
        Evidence{"https://example.org/" + std::to_string(i), "Source", "Quote.", Date{2025, 1, 2}, {}});
    DraftInput in;
    in.category = k_category;
    in.kind = DraftKind::rating;
    in.service = "service-" + std::to_string(i);
    in.feature = "e2e";
    in.payload = rating_json(r);
    in.reason = Text{"Grund", "Reason"};
    auto saved = save_draft(store->database(), in, *editor, clock);
    if (!saved || !review_draft(store->database(), saved->draft->id, 1, true, "ok", *reviewer, clock)) std::abort();
  }
  return path;
}

// publish_edition on a fresh copy of the prepared database each time; the
// copy is not timed. Includes the durable commit (synchronous=FULL), reading
// the published record back and writing the edition's open data.
void BM_Publish100Services(benchmark::State& state) {
  BenchDir dir;
  const std::string base = prepare(dir.path);
  int i = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = dir.path + "/run-" + std::to_string(i) + ".db";
    const std::string open_data = dir.path + "/open-data-" + std::to_string(i++);
    std::filesystem::copy_file(base, path);
    auto store = store::Store::open(path, store::Store::OpenMode::existing);
    auto reviewer = find_user(store->database(), "rolf");
    SystemClock clock;
    EditionPlan plan;
    plan.date = Date{2025, 1, 15};
    state.ResumeTiming();
    auto result = publish_edition(store->database(), k_category, plan, (*reviewer)->user, clock, open_data);
    if (!result || result->draft.applied.size() != k_services) std::abort();
    benchmark::DoNotOptimize(result->catalogue);
  }
  state.counters["drafts"] = k_services;
}
BENCHMARK(BM_Publish100Services)->Unit(benchmark::kMillisecond)->UseRealTime();

// The preview page's work: apply 100 drafts in memory, validate, score the
// new edition and diff it against the latest.
void BM_Preview100Services(benchmark::State& state) {
  BenchDir dir;
  const std::string base = prepare(dir.path);
  auto store = store::Store::open(base, store::Store::OpenMode::existing);
  auto catalogue = store::read_catalogue(store->database());
  auto drafts = list_drafts(store->database(), DraftFilter{k_category, {DraftStatus::approved}, ""});
  const Category& c = *catalogue->category(k_category);
  EditionPlan plan;
  plan.date = Date{2025, 1, 15};
  for (auto _ : state) {
    auto draft = build_draft_edition(c, *drafts, plan);
    if (!draft || !validate_draft_edition(c, *draft).empty()) std::abort();
    const Category with = with_draft_edition(c, *draft);
    const EditionDiff diff = diff_editions(with, with.editions[with.editions.size() - 2], with.editions.back());
    benchmark::DoNotOptimize(diff.changed.size());
  }
}
BENCHMARK(BM_Preview100Services)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace privascore::editor
