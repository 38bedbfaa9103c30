#include "scoring/variants.h"

namespace privascore {

Assessment apply_variant(const Assessment& base, const Variant& variant) {
  Assessment a = base;
  for (const auto& override_rating : variant.ratings) {
    bool replaced = false;
    for (auto& r : a.ratings) {
      if (r.feature == override_rating.feature) {
        r = override_rating;
        replaced = true;
      }
    }
    if (!replaced) a.ratings.push_back(override_rating);
  }
  return a;
}

VariantScore score_variant(const Methodology& methodology, const Edition& edition, const Assessment& assessment,
                           const Variant& variant) {
  VariantScore v;
  v.variant = &variant;
  v.edition = std::make_unique<Edition>(edition);
  for (auto& a : v.edition->assessments) {
    if (a.id == assessment.id) a = apply_variant(assessment, variant);
  }
  for (const auto& r : variant.ratings) v.overridden.push_back(r.feature);
  v.score = score_edition(methodology, *v.edition);
  v.service = v.score.service(assessment.id);
  return v;
}

std::vector<VariantScore> score_variants(const Methodology& methodology, const Edition& edition,
                                         const Assessment& assessment) {
  std::vector<VariantScore> out;
  const Variant* def = assessment.default_variant();
  if (def) out.push_back(score_variant(methodology, edition, assessment, *def));
  for (const auto& v : assessment.variants) {
    if (&v != def) out.push_back(score_variant(methodology, edition, assessment, v));
  }
  const int base = out.empty() || !out.front().service ? 0 : out.front().service->points;
  for (auto& v : out) v.points_delta = v.service ? v.service->points - base : 0;
  return out;
}

}  // namespace privascore
