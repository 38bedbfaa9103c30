// Hosting variants: a service that anyone can host (or that is offered
// regionally) is scored once per variant. A variant inherits every rating of
// its assessment and replaces the ones it overrides; the default variant is
// the one that was rated and overrides nothing, so the ranked table shows the
// assessment's own score with a "depends on the host" marker.
//
// Pure functions of the model. A VariantScore owns a copy of the edition in
// which the service is replaced by its variant, so that the variant's rank is
// the one it would take in that edition; it is move-only and its pointers
// stay valid when it is moved.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore {

/// The assessment as this variant: its ratings with the variant's overrides
/// in place (a rating for a feature the assessment lacks is added).
Assessment apply_variant(const Assessment& base, const Variant& variant);

struct VariantScore {
  const Variant* variant = nullptr;
  std::unique_ptr<Edition> edition;       // the edition with the service as this variant
  EditionScore score;                     // *edition scored under the methodology
  const ServiceScore* service = nullptr;  // the service within score
  std::vector<std::string> overridden;    // features whose rating the variant replaces
  int points_delta = 0;                   // points minus the default variant's points
};

/// Scores one variant of the service `assessment` (which must belong to
/// edition) under methodology.
VariantScore score_variant(const Methodology& methodology, const Edition& edition, const Assessment& assessment,
                           const Variant& variant);

/// Every variant of the service, the default first, then in file order.
/// Empty when the service has no variants.
std::vector<VariantScore> score_variants(const Methodology& methodology, const Edition& edition,
                                         const Assessment& assessment);

}  // namespace privascore
