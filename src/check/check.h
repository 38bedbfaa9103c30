// Checks that need the scoring engine: published figures against computed
// ones, and the method's own rules (a feature every service meets the same
// way should not be scored; evidence goes stale).
//
// Pure: reads the catalogue, reports to a sink. `today` is passed in so that
// the result does not depend on the clock.
#pragma once

#include "model/model.h"
#include "util/diagnostic.h"

namespace privascore {

struct CheckOptions {
  Date today;
  int max_evidence_age_months = 12;
};

/// Errors: a computed total or class differs from the published one.
/// Warnings: a scored feature has the same level for every service of an
/// edition (only for editions with at least three services); evidence older
/// than the allowed age, counted from the edition's date.
void check_catalogue(const Catalogue& catalogue, const CheckOptions& options, DiagnosticSink& sink);

}  // namespace privascore
