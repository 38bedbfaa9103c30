// Benchmarks of the core: the engine's inner loop over a synthetic catalogue
// of 1,000,000 services × 12 features, a plain pass over the same bytes as
// the reference, scoring a real edition, and loading the bundled data.
// Figures and how to read them: docs/performance.md.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "loader/loader.h"
#include "resources/resources.h"
#include "scoring/scoring.h"

namespace privascore {
namespace {

constexpr std::size_t k_services = 1'000'000;
constexpr std::size_t k_features = 12;

Level level(const std::string& id, int points) {
  Level l;
  l.id = id;
  l.points = points;
  l.label = {id, id};
  return l;
}

ClassBand band(const std::string& id, std::optional<Bound> lower, std::optional<Bound> upper) {
  ClassBand c;
  c.id = id;
  c.label = {id, id};
  c.lower = lower;
  c.upper = upper;
  return c;
}

// Twelve features on the four-level scale (green 3 … absent 0), a knock-out
// on the first; classes split the 0–423 range like the published ones.
Methodology synthetic_methodology() {
  Methodology m;
  m.category = "synthetic";
  m.version = 1;
  m.levels = {level("green", 3), level("yellow", 2), level("red", 1), level("absent", 0)};
  const int weights[k_features] = {24, 21, 18, 15, 12, 11, 10, 9, 7, 6, 5, 3};
  for (std::size_t i = 0; i < k_features; ++i) {
    Feature f;
    f.id = "f" + std::to_string(i);
    f.anchor = f.id;
    f.weight = weights[i];
    m.features.push_back(f);
  }
  m.features[0].knockout = Knockout{"red", "red", Text{"k", "k"}, Loc{}};
  m.classes = {band("green", Bound{200, false}, std::nullopt), band("yellow", Bound{100, true}, Bound{200, true}),
               band("red", std::nullopt, Bound{100, false})};
  return m;
}

// n services × 12 level indices, row by row; about 1 in 20 ratings unknown.
std::vector<std::uint8_t> synthetic_levels(const ScoringModel& model, std::size_t n) {
  std::mt19937 random(20241029);
  std::uniform_int_distribution<int> pick(0, 19);
  std::vector<std::uint8_t> levels(n * k_features);
  for (auto& l : levels) {
    const int r = pick(random);
    l = static_cast<std::uint8_t>(r == 0 ? model.unknown_level() : r % 4);
  }
  return levels;
}

struct Synthetic {
  Methodology methodology = synthetic_methodology();
  ScoringModel model{methodology};
  std::vector<std::uint8_t> levels = synthetic_levels(model, k_services);
};

const Synthetic& synthetic() {
  static const Synthetic s;
  return s;
}

// Reports ns per service as a counter next to the time per iteration.
void per_service(benchmark::State& state, std::size_t n) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.counters["ns_per_service"] = benchmark::Counter(
      static_cast<double>(n) * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// The engine's inner loop: points, class, knock-outs and unknowns for every
// service of the matrix.
void BM_ScoreMany(benchmark::State& state) {
  const Synthetic& s = synthetic();
  std::vector<ScoringModel::Result> out(k_services);
  for (auto _ : state) {
    s.model.score_many(s.levels.data(), k_services, out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  per_service(state, k_services);
}
BENCHMARK(BM_ScoreMany)->Unit(benchmark::kMillisecond);

// The reference: one plain pass over the same 12 MB level matrix, summing
// the bytes. Scoring cannot be faster than reading its input once.
void BM_ReferencePassOverLevels(benchmark::State& state) {
  const Synthetic& s = synthetic();
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (std::uint8_t l : s.levels) sum += l;
    benchmark::DoNotOptimize(sum);
  }
  per_service(state, k_services);
}
BENCHMARK(BM_ReferencePassOverLevels)->Unit(benchmark::kMillisecond);

// The bundled data as the binary loads it (embedded files).
MemorySource bundled_source() {
  MemorySource source("<bundled>");
  for (const auto& file : resources::files("data")) source.add(std::string(file.path), std::string(file.content));
  return source;
}

// Loading: parsing and validating every bundled TOML file.
void BM_LoadBundledData(benchmark::State& state) {
  const MemorySource source = bundled_source();
  for (auto _ : state) {
    DiagnosticSink sink;
    Catalogue catalogue = load_catalogue(source, sink);
    if (sink.has_errors()) state.SkipWithError("the bundled data has errors");
    benchmark::DoNotOptimize(catalogue);
  }
}
BENCHMARK(BM_LoadBundledData)->Unit(benchmark::kMillisecond);

// score_edition on the latest video-conferencing edition: explanation,
// knock-outs and ranking included.
void BM_ScoreEditionBundled(benchmark::State& state) {
  DiagnosticSink sink;
  const Catalogue catalogue = load_catalogue(bundled_source(), sink);
  const Category* category = catalogue.category("video-conferencing");
  if (sink.has_errors() || !category) {
    state.SkipWithError("cannot load the bundled video-conferencing data");
    return;
  }
  const Edition& edition = *category->latest_edition();
  const Methodology& methodology = *category->methodology(edition.methodology);
  for (auto _ : state) {
    EditionScore score = score_edition(methodology, edition);
    benchmark::DoNotOptimize(score);
  }
  per_service(state, edition.assessments.size());
}
BENCHMARK(BM_ScoreEditionBundled)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace privascore
