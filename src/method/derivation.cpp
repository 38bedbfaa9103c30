#include "method/derivation.h"

#include <algorithm>
#include <set>

namespace privascore::method {

bool WeightDerivation::agrees() const {
  return std::all_of(features.begin(), features.end(), [](const FeatureFrequency& f) { return f.agrees(); });
}

std::optional<WeightDerivation> derive_weights(const Methodology& m) {
  if (m.sources.empty() || !m.derivation) return std::nullopt;
  WeightDerivation d;
  d.methodology = &m;
  d.rule = &*m.derivation;
  d.source_count = static_cast<int>(m.sources.size());
  for (const auto& source : m.sources) ++d.sources_by_kind[source.kind];

  auto count_of = [&](const std::string& id) {
    int count = 0;
    for (const auto& source : m.sources)
      count += std::find(source.names.begin(), source.names.end(), id) != source.names.end();
    return count;
  };
  for (const auto& f : m.features) {
    FeatureFrequency ff;
    ff.id = f.id;
    ff.feature = &f;
    ff.count = count_of(f.id);
    ff.stated_weight = f.weight;
    d.features.push_back(ff);
  }
  // Dense ranks by count, most named first.
  std::set<int, std::greater<>> counts;
  for (const auto& ff : d.features) counts.insert(ff.count);
  d.rank_count = static_cast<int>(counts.size());
  for (auto& ff : d.features) {
    ff.rank = 1 + static_cast<int>(std::distance(counts.begin(), counts.find(ff.count)));
    if (d.rule->rule == "proportional")
      ff.derived_weight = d.rule->factor * ff.count;
    else
      ff.derived_weight = d.rule->lowest + d.rule->step * (d.rank_count - ff.rank);
  }
  std::stable_sort(d.features.begin(), d.features.end(),
                   [](const FeatureFrequency& a, const FeatureFrequency& b) { return a.rank < b.rank; });
  for (const auto& s : m.standards) {
    const int count = count_of(s.id);
    if (count == 0) continue;
    FeatureFrequency ff;
    ff.id = s.id;
    ff.count = count;
    d.features.push_back(ff);
  }
  return d;
}

void check_weight_derivations(const Catalogue& catalogue, DiagnosticSink& sink) {
  for (const auto& category : catalogue.categories) {
    for (const auto& [version, m] : category.methodologies) {
      const auto d = derive_weights(m);
      if (!d) continue;
      for (const auto& ff : d->features) {
        if (!ff.scored() || ff.agrees()) continue;
        sink.error(ff.feature->weight_loc,
                   "weight of feature `" + ff.id + "` is " + std::to_string(ff.stated_weight) + ", but rule " +
                       d->rule->rule + " derives " + std::to_string(ff.derived_weight) +
                       " from the literature table (named by " + std::to_string(ff.count) + " of " +
                       std::to_string(d->source_count) + " sources, rank " + std::to_string(ff.rank) + " of " +
                       std::to_string(d->rank_count) + ")",
                   "set weight = " + std::to_string(ff.derived_weight) +
                       ", or correct the literature table; `privascore weights --category " + category.id +
                       " --methodology " + std::to_string(version) + "` shows the whole derivation");
      }
    }
  }
}

}  // namespace privascore::method
