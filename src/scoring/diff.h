// The difference between two editions of a category: services that joined
// or left, changes of points, class and rank with their per-feature causes,
// and changes of the methodology.
//
// When the two editions use different methodology versions, each service's
// change is split into the part caused by its ratings (new ratings scored
// under the old methodology) and the part caused by the methodology. Pure;
// results refer to the editions and methodologies passed in.
#pragma once

#include <string>
#include <vector>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore {

struct FeatureChange {
  std::string feature;
  std::string from_level;  // "" when the feature was not scored before
  std::string to_level;    // "" when it is no longer scored
  int from_points = 0;
  int to_points = 0;
  int from_weight = 0;
  int to_weight = 0;
  bool status_changed = false;  // sourced <-> unverified
  std::string from_status;
  std::string to_status;

  int delta() const { return to_points - from_points; }
};

struct ServiceChange {
  std::string id;
  std::string name;
  int from_points = 0;
  int to_points = 0;
  std::string from_class;
  std::string to_class;
  int from_rank = 0;
  int to_rank = 0;
  int delta_from_ratings = 0;         // ratings changed, methodology held at the old version
  int delta_from_methodology = 0;     // methodology changed, ratings held at the new ones
  std::vector<FeatureChange> causes;  // features whose level, points or status changed

  int delta() const { return to_points - from_points; }
};

struct MethodologyChange {
  std::string kind;     // weight, feature-added, feature-removed, level, class, knockout
  std::string subject;  // feature, level or class id
  std::string from;
  std::string to;
};

struct EditionDiff {
  const Edition* from = nullptr;
  const Edition* to = nullptr;
  const Methodology* from_methodology = nullptr;
  const Methodology* to_methodology = nullptr;
  std::vector<std::string> joined;  // service ids
  std::vector<std::string> left;
  std::vector<ServiceChange> changed;  // services in both with any change
  int unchanged = 0;
  std::vector<MethodologyChange> methodology_changes;

  bool methodology_changed() const { return from_methodology != to_methodology; }
};

/// Compares two editions of category; each edition is scored under its own
/// methodology. Both editions and their methodologies must belong to
/// category.
EditionDiff diff_editions(const Category& category, const Edition& from, const Edition& to);

/// What changed between two methodology versions.
std::vector<MethodologyChange> diff_methodologies(const Methodology& from, const Methodology& to);

}  // namespace privascore
