// Robustness of a ranking: would each service keep its class, and which
// ranks would it take, under other plausible weightings? Two documented
// models of "plausible" (docs/methodology.md, "Robustness"):
//
//   pm25   every weight varied independently and uniformly within ±25 % of
//          its published value;
//   order  every weight vector that keeps the published importance order
//          (features of equal published weight stay equal), sampled
//          uniformly from that cone.
//
// In both models the sampled weights are real numbers rescaled to the
// published weight sum, so the maximum, the minimum and the class bounds in
// points stay as published; knock-outs still cap the class (they depend on
// levels, not weights). A service is "stable" when it keeps its published
// class in at least 95 % of the samplings, otherwise "borderline".
//
// Deterministic: the samplings come from method::Prng (xoshiro256**) seeded
// with the given seed, and use only IEEE 754 +, −, ×, ÷ on doubles, so a seed
// gives the same figures with every compiler and standard library. Pure and
// single-threaded; no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <tl/expected.hpp>

#include <vector>
#include "util/error.h"

#include "model/model.h"

namespace privascore::method {

enum class WeightModel { pm25, order };
const char* to_string(WeightModel model);
/// "pm25" or "order".
std::optional<WeightModel> parse_weight_model(std::string_view text);

struct RobustnessOptions {
  WeightModel model = WeightModel::pm25;
  std::uint64_t samples = 10000;
  std::uint64_t seed = 1;
  double spread = 0.25;        // pm25: relative half-width of the uniform variation
  double stable_share = 0.95;  // share of samplings keeping the class needed for "stable"
};

/// The scoring problem flattened for the sampling loop: what robustness()
/// needs and nothing else. Benchmarks and tests build it directly.
struct RobustnessProblem {
  std::vector<int> weights;                  // published, per feature
  std::vector<int> level_points;             // services × features, row by row (unknown as the lowest level)
  std::vector<std::uint8_t> knockout_cap;    // per service: best class allowed (0 = no cap)
  std::vector<std::uint8_t> official_class;  // per service, after knock-outs
  std::vector<int> official_rank;            // per service
  std::vector<double> lower_bound;           // per class but the last: the lower bound in points
  std::vector<bool> lower_inclusive;         // per class but the last

  std::size_t service_count() const { return official_class.size(); }
  std::size_t feature_count() const { return weights.size(); }
  std::size_t class_count() const { return lower_bound.size() + 1; }
};

struct ServiceRobustness {
  std::string id;  // empty when built from a bare RobustnessProblem
  std::string name;
  int official_rank = 0;
  std::uint8_t official_class = 0;
  std::uint64_t kept_class = 0;             // samplings in which the class stayed the published one
  std::vector<std::uint64_t> class_counts;  // per class, best first
  int min_rank = 0;                         // best rank taken
  int max_rank = 0;                         // worst rank taken
  double min_points = 0;                    // on the published scale
  double max_points = 0;
  bool stable = false;

  double kept_share() const;
};

struct RobustnessResult {
  RobustnessOptions options;
  std::vector<ServiceRobustness> services;  // in the order of the problem (official ranking)

  const ServiceRobustness* service(std::string_view id) const;
};

/// Builds the problem for an edition scored under methodology (usually its
/// own).
RobustnessProblem robustness_problem(const Methodology& methodology, const Edition& edition);

/// Samples options.samples weightings and tallies classes and ranks. An
/// error (nothing sampled) when the options are out of range (samples 1 to
/// 100,000,000; spread in (0, 1); stable_share in (0, 1]) or the problem is
/// empty.
Result<RobustnessResult> robustness(const RobustnessProblem& problem, const RobustnessOptions& options);

/// robustness() for an edition, with service ids and names filled in.
Result<RobustnessResult> robustness(const Methodology& methodology, const Edition& edition,
                                    const RobustnessOptions& options);

}  // namespace privascore::method
