// The store: importing the bundled data into a new database, and loading
// the whole catalogue from SQLite compared with loading it from the
// bundled TOML files (the reference, in the same run). Figures in
// docs/performance.md ("Store").
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "loader/file_source.h"
#include "loader/loader.h"
#include "render/toml_writer.h"
#include "resources/resources.h"
#include "store/store.h"

namespace privascore {
namespace {

MemorySource bundled_source() {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  return source;
}

Catalogue bundled_catalogue() {
  DiagnosticSink sink;
  Catalogue c = load_catalogue(bundled_source(), sink);
  if (sink.has_errors()) std::abort();
  return c;
}

// A folder under /tmp for the databases of one benchmark.
struct BenchDir {
  BenchDir() {
    std::string pattern = "/tmp/privascore-store-bench-XXXXXX";
    if (!::mkdtemp(pattern.data())) std::abort();
    path = pattern;
  }
  ~BenchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

std::size_t rating_count(const Catalogue& c) {
  std::size_t n = 0;
  for (const auto& category : c.categories) {
    for (const auto& e : category.editions) {
      for (const auto& a : e.assessments) n += a.ratings.size();
    }
  }
  return n;
}

// Import into a new database file: schema creation excluded (timer paused),
// the import transaction with its comparison against the (empty) database
// and the durable commit included.
void BM_ImportBundledIntoNewDatabase(benchmark::State& state) {
  const Catalogue catalogue = bundled_catalogue();
  BenchDir dir;
  int n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const std::string path = dir.path + "/import-" + std::to_string(n++) + ".db";
    auto store = store::Store::open(path);
    if (!store) std::abort();
    state.ResumeTiming();
    auto summary = store->import_catalogue(catalogue);
    if (!summary) std::abort();
    benchmark::DoNotOptimize(summary->editions_added);
  }
  state.counters["ratings"] = static_cast<double>(rating_count(catalogue));
}
BENCHMARK(BM_ImportBundledIntoNewDatabase)->Unit(benchmark::kMillisecond);

// Re-import of data that is already there: read, compare, write nothing.
void BM_ReimportUnchanged(benchmark::State& state) {
  const Catalogue catalogue = bundled_catalogue();
  BenchDir dir;
  auto store = store::Store::open(dir.path + "/x.db");
  if (!store || !store->import_catalogue(catalogue)) std::abort();
  for (auto _ : state) {
    auto summary = store->import_catalogue(catalogue);
    if (!summary || summary->changed()) std::abort();
    benchmark::DoNotOptimize(summary->editions_unchanged);
  }
}
BENCHMARK(BM_ReimportUnchanged)->Unit(benchmark::kMillisecond);

void BM_LoadCatalogueFromSqlite(benchmark::State& state) {
  BenchDir dir;
  auto store = store::Store::open(dir.path + "/x.db");
  if (!store || !store->import_catalogue(bundled_catalogue())) std::abort();
  for (auto _ : state) {
    auto catalogue = store->load_catalogue();
    if (!catalogue) std::abort();
    benchmark::DoNotOptimize(catalogue->categories.data());
  }
}
BENCHMARK(BM_LoadCatalogueFromSqlite)->Unit(benchmark::kMicrosecond);

// Reference: the loader reading the TOML files compiled into the binary
// (parsing and validation; no disk I/O).
void BM_LoadCatalogueFromBundledToml(benchmark::State& state) {
  const MemorySource source = bundled_source();
  for (auto _ : state) {
    DiagnosticSink sink;
    Catalogue catalogue = load_catalogue(source, sink);
    if (sink.has_errors()) std::abort();
    benchmark::DoNotOptimize(catalogue.categories.data());
  }
}
BENCHMARK(BM_LoadCatalogueFromBundledToml)->Unit(benchmark::kMicrosecond);

// Rendering every file of an export (no disk I/O).
void BM_RenderCatalogueAsToml(benchmark::State& state) {
  const Catalogue catalogue = bundled_catalogue();
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto files = catalogue_toml_files(catalogue);
    bytes = 0;
    for (const auto& f : files) bytes += f.content.size();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderCatalogueAsToml)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace privascore
