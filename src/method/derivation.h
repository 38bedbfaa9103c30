// Weights from sources: how often the literature table of a methodology names
// each feature, the ranking that follows, and the integer weights given by
// the methodology's documented rule (docs/formats.md, "Weights from
// sources"; docs/methodology.md).
//
// Pure functions of the model. Results point into the Methodology they were
// computed from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "util/diagnostic.h"

namespace privascore::method {

/// One named feature or standard and what the rule makes of it.
struct FeatureFrequency {
  std::string id;
  const Feature* feature = nullptr;  // nullptr for a standard (named, not scored)
  int count = 0;                     // sources that name it
  int rank = 0;                      // 1 = most often named; equal counts share a rank; 0 for standards
  int derived_weight = 0;            // what the rule gives; 0 for standards
  int stated_weight = 0;             // the weight in the methodology file; 0 for standards

  bool scored() const { return feature != nullptr; }
  bool agrees() const { return derived_weight == stated_weight; }
};

struct WeightDerivation {
  const Methodology* methodology = nullptr;
  const DerivationRule* rule = nullptr;
  int source_count = 0;
  int rank_count = 0;                          // distinct ranks among scored features
  std::map<std::string, int> sources_by_kind;  // kind → number of sources
  std::vector<FeatureFrequency> features;      // scored features by rank (then file order), then standards

  /// Whether every stated weight equals the derived one.
  bool agrees() const;
};

/// The derivation of a methodology's weights from its literature table;
/// nullopt when the methodology carries none (the weights are then
/// published or reconstructed as its `weights_provenance` says).
/// Rules:
///   rank-frequency: count the sources naming each scored feature; rank the
///     features by count (dense ranks: equal counts share a rank, the next
///     count gets the next rank); weight = lowest + step × (R − rank), where
///     R is the number of distinct ranks.
///   proportional: weight = factor × count.
std::optional<WeightDerivation> derive_weights(const Methodology& methodology);

/// Reports an error at the `weight` of every feature whose stated weight
/// differs from the derivation, for each methodology with a literature table.
void check_weight_derivations(const Catalogue& catalogue, DiagnosticSink& sink);

}  // namespace privascore::method
