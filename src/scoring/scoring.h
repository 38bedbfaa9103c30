// The scoring engine: points, class, knock-outs, coverage, rank and a
// per-feature explanation for every service of an edition.
//
// Pure functions of the model: no I/O, no globals, integers only. Unknown
// ratings count as the lowest level of the scale and mark the result
// provisional, so an unknown can never look better than a known bad rating.
// Results point into the Methodology and Edition they were computed from;
// keep those alive as long as the results. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"

namespace privascore {

/// A methodology flattened for the inner loop: per feature a weight and a
/// knock-out threshold, per level its points, and a points → class table.
/// Level index levels.size() stands for `unknown`.
class ScoringModel {
 public:
  explicit ScoringModel(const Methodology& methodology);

  std::size_t feature_count() const { return m_weights.size(); }
  std::uint8_t unknown_level() const { return static_cast<std::uint8_t>(m_level_points.size() - 1); }
  /// Level index of a level id ("unknown" → unknown_level()); -1 if absent.
  int level_index(std::string_view id) const;

  struct Result {
    int points = 0;
    std::uint8_t class_index = 0;           // after knock-outs
    std::uint8_t computed_class_index = 0;  // from the thresholds alone
    std::uint8_t unknown_count = 0;
    std::uint32_t knockout_mask = 0;  // bit i: the knock-out of feature i fired
  };

  /// Scores one service given its level index per feature (feature_count()
  /// entries).
  Result score(const std::uint8_t* levels) const;

  /// Scores n services stored row by row (n × feature_count() level
  /// indices) into out[0..n).
  void score_many(const std::uint8_t* levels, std::size_t n, Result* out) const;

 private:
  std::vector<int> m_weights;
  std::vector<int> m_level_points;     // last entry: unknown
  std::vector<int> m_knockout_points;  // per feature; fires when level points <= this; INT_MIN: none
  std::vector<std::uint8_t> m_knockout_cap;
  std::vector<std::uint8_t> m_class_by_points;  // index points - m_min
  std::vector<std::string> m_level_ids;
  int m_min = 0;
  std::uint8_t m_worst_class = 0;
};

/// One feature's share of a service's score.
struct FeatureScore {
  const Feature* feature = nullptr;
  const Rating* rating = nullptr;  // nullptr when the assessment lacks it
  const Level* level = nullptr;    // the level counted (lowest for unknown)
  bool unknown = false;
  int points = 0;
  int max_points = 0;
  bool knockout_fired = false;

  int lost() const { return max_points - points; }
  bool unverified() const { return !rating || rating->status == RatingStatus::unverified; }
};

struct ServiceScore {
  const Assessment* assessment = nullptr;
  int points = 0;
  int max_points = 0;
  const ClassBand* klass = nullptr;           // after knock-outs
  const ClassBand* computed_class = nullptr;  // from the thresholds alone
  std::vector<const Feature*> knockouts;      // knock-outs that fired
  bool provisional = false;                   // some feature is unknown
  int rated_features = 0;
  int feature_count = 0;
  int rated_weight = 0;
  int total_weight = 0;
  int unverified = 0;                  // ratings marked unverified or missing
  int rank = 0;                        // 1-based; ties share a rank
  std::vector<FeatureScore> features;  // in methodology order

  /// Share of the weight whose level is known, in percent (0–100).
  int coverage_percent() const { return total_weight == 0 ? 0 : rated_weight * 100 / total_weight; }
  const FeatureScore* feature(std::string_view id) const;
};

struct EditionScore {
  const Methodology* methodology = nullptr;
  const Edition* edition = nullptr;
  int max_points = 0;
  int min_points = 0;
  std::vector<ServiceScore> services;  // by rank, then name

  const ServiceScore* service(std::string_view id) const;
};

/// Scores every service of the edition under the given methodology (usually
/// the edition's own; another version re-scores the same ratings). Ratings
/// for features the methodology lacks are ignored; features without a rating
/// count as unknown. Services are ranked by class (best first), then points;
/// equal class and points share a rank.
EditionScore score_edition(const Methodology& methodology, const Edition& edition);

}  // namespace privascore
