// Personal weights: a reader sets how much each feature matters to them
// (ignore, less, as published, more) and gets a personal ranking. The
// official score stays the headline; this is a labelled second view.
//
// Integers only: a feature's personal weight is its published weight ×
// {0, 1, 2, 4} for ignore / less / published / more, so every personal weight
// is twice the published weight times {0, ½, 1, 2}. Points are normalised to
// the personal maximum and shown on the official scale; the class compares
// that share with the class bounds' share of the official maximum, exactly
// (integer cross-multiplication). A knock-out whose feature is ignored does
// not fire. Pure; results point into the EditionScore passed in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include <utility>
#include <vector>
#include "util/error.h"

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::method {

enum class Importance { ignore, less, published, more };
/// "ignore", "less", "published", "more".
const char* to_string(Importance importance);
std::optional<Importance> parse_importance(std::string_view text);
/// The multiplier of the published weight, in halves: 0, 1, 2, 4.
int importance_halves(Importance importance);

/// One importance per feature of the methodology, in its order.
struct PersonalWeights {
  std::vector<Importance> importance;

  /// Every feature as published.
  static PersonalWeights as_published(const Methodology& methodology);
  bool all_published() const;
};

/// Reads `w.<feature id>=<importance>` from decoded query parameters (other
/// parameters are ignored; features not given stay as published). An error
/// naming the parameter and the valid values for an unknown feature or
/// value.
Result<PersonalWeights> parse_personal_weights(const Methodology& methodology,
                                               const std::vector<std::pair<std::string, std::string>>& parameters);

/// The query string that reproduces weights ("w.e2e=more&w.anonymous=ignore"),
/// listing only features not as published; "" when all are.
std::string personal_query(const Methodology& methodology, const PersonalWeights& weights);

struct PersonalServiceScore {
  const ServiceScore* official = nullptr;  // the official score, the headline
  long long half_points = 0;               // Σ published weight × halves × level points
  long long half_max = 0;                  // the same for the top level everywhere
  int scaled_tenths = 0;                   // half_points / half_max × official maximum, in tenths, rounded
  int permille = 0;                        // half_points / half_max in ‰, rounded
  const ClassBand* klass = nullptr;        // personal class
  std::vector<const Feature*> knockouts;   // knock-outs that fired (ignored features excluded)
  int rank = 0;                            // personal rank; ties share
};

struct PersonalRanking {
  const EditionScore* official = nullptr;
  PersonalWeights weights;
  std::vector<int> half_weights;  // per feature: published weight × halves
  long long half_max = 0;
  std::vector<PersonalServiceScore> services;  // by personal class, then points, then name

  const PersonalServiceScore* service(std::string_view id) const;
};

/// The personal ranking of an edition's official score. An error (no
/// division by zero) when every feature is set to ignore, or the weights do
/// not match the methodology.
Result<PersonalRanking> personal_ranking(const EditionScore& official, const PersonalWeights& weights);

}  // namespace privascore::method
