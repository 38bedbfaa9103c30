// Robustness sampling at scale: 100 services × 12 features × 100,000
// weightings on one core (target: under one second), for both models.
// Figures are recorded in docs/performance.md ("Method").
#include <benchmark/benchmark.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "method/prng.h"
#include "method/robustness.h"

namespace {

using privascore::method::Prng;
using privascore::method::RobustnessOptions;
using privascore::method::RobustnessProblem;
using privascore::method::WeightModel;

// 100 services with levels drawn from {0, 1, 2, 3}, 12 features with
// weights 24 … 2, classes at two thirds and one third of the maximum;
// every tenth service knocked out to red.
RobustnessProblem synthetic_problem(std::size_t services, std::size_t features) {
  RobustnessProblem p;
  Prng prng(2024);
  int sum = 0;
  for (std::size_t i = 0; i < features; ++i) {
    p.weights.push_back(static_cast<int>(2 * (features - i)));
    sum += p.weights.back();
  }
  const int max = 3 * sum;
  p.lower_bound = {2.0 * max / 3, 1.0 * max / 3};
  p.lower_inclusive = {false, true};
  std::vector<std::pair<int, std::size_t>> points;
  for (std::size_t s = 0; s < services; ++s) {
    int total = 0;
    for (std::size_t i = 0; i < features; ++i) {
      const int level = static_cast<int>(prng.next() % 4);
      p.level_points.push_back(level);
      total += level * p.weights[i];
    }
    const bool knocked_out = s % 10 == 0;
    p.knockout_cap.push_back(knocked_out ? 2 : 0);
    int klass = total > p.lower_bound[0] ? 0 : (total >= p.lower_bound[1] ? 1 : 2);
    if (knocked_out) klass = 2;
    p.official_class.push_back(static_cast<std::uint8_t>(klass));
    points.emplace_back(-(klass * 100000) + total, s);
  }
  std::sort(points.begin(), points.end(), std::greater<>());
  p.official_rank.assign(services, 0);
  for (std::size_t r = 0; r < services; ++r) p.official_rank[points[r].second] = static_cast<int>(r) + 1;
  return p;
}

void run(benchmark::State& state, WeightModel model) {
  const RobustnessProblem p = synthetic_problem(100, 12);
  RobustnessOptions options;
  options.model = model;
  options.samples = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) {
    auto result = privascore::method::robustness(p, options);
    benchmark::DoNotOptimize(result);
  }
  state.counters["weightings/s"] =
      benchmark::Counter(static_cast<double>(options.samples), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_RobustnessPm25(benchmark::State& state) {
  run(state, WeightModel::pm25);
}
void BM_RobustnessOrder(benchmark::State& state) {
  run(state, WeightModel::order);
}

BENCHMARK(BM_RobustnessPm25)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_RobustnessOrder)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
