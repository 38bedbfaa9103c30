// The rules a parsed methodology and an assessment must follow: each rule is
// one function, reporting every breach with the location to blame.
#include <algorithm>
#include <cstdint>
#include <set>

#include "loader/loader.h"
#include "util/text.h"

namespace privascore {

namespace {

// --- the methodology ---

template <typename Items>
void check_unique_ids(const Items& items, const char* what, DiagnosticSink& sink) {
  std::map<std::string, Loc> seen;
  for (const auto& item : items) {
    auto [it, fresh] = seen.emplace(item.id, item.loc);
    if (!fresh) {
      sink.error(item.loc, std::string("duplicate ") + what + " id `" + item.id + "`",
                 "first defined at " + it->second.to_string() + "; give each " + what + " its own id");
    }
  }
}

// Anchors are unique, and `unknown` is no feature's or level's id.
void check_anchors_and_reserved_ids(const Methodology& m, DiagnosticSink& sink) {
  std::map<std::string, Loc> anchors;
  for (const auto& f : m.features) {
    auto [it, fresh] = anchors.emplace(f.anchor, f.loc);
    if (!fresh)
      sink.error(f.loc, "duplicate anchor `" + f.anchor + "`", "each feature needs its own anchor on the page");
    if (m.level(Rating::k_unknown) || f.id == Rating::k_unknown) {
      sink.error(f.loc, "`unknown` is reserved", "rename it");
    }
  }
  for (const auto& l : m.levels) {
    if (l.id == Rating::k_unknown)
      sink.error(l.loc, "level id `unknown` is reserved for unrated features", "rename the level");
  }
}

// Each level has its own points, and the levels are listed best first.
void check_level_scale(const Methodology& m, DiagnosticSink& sink) {
  for (std::size_t i = 0; i < m.levels.size(); ++i) {
    for (std::size_t j = i + 1; j < m.levels.size(); ++j) {
      if (m.levels[i].points == m.levels[j].points) {
        sink.error(m.levels[j].loc,
                   "levels `" + m.levels[i].id + "` and `" + m.levels[j].id + "` have the same points (" +
                       std::to_string(m.levels[j].points) + ")",
                   "each level of the scale needs its own points value");
      }
    }
  }
  for (std::size_t i = 1; i < m.levels.size(); ++i) {
    if (m.levels[i].points > m.levels[i - 1].points) {
      sink.error(m.levels[i].loc,
                 "levels must be listed best first: `" + m.levels[i].id + "` has more points than `" +
                     m.levels[i - 1].id + "`",
                 "reorder the [[level]] sections from most to fewest points");
      break;
    }
  }
}

// A knock-out names a level of the scale and caps at a defined class.
void check_knockouts(const Methodology& m, DiagnosticSink& sink) {
  std::vector<std::string> level_ids, class_ids;
  for (const auto& l : m.levels) level_ids.push_back(l.id);
  for (const auto& c : m.classes) class_ids.push_back(c.id);
  for (const auto& f : m.features) {
    if (!f.knockout) continue;
    if (!m.level(f.knockout->level)) {
      std::string close = closest_match(f.knockout->level, level_ids);
      sink.error(
          f.knockout->loc,
          "knock-out of feature `" + f.id + "` names level `" + f.knockout->level + "`, which is not in the scale",
          close.empty() ? "use one of: " + join(level_ids, ", ") : "did you mean `" + close + "`?");
    }
    if (!m.class_band(f.knockout->cap)) {
      std::string close = closest_match(f.knockout->cap, class_ids);
      sink.error(f.knockout->loc,
                 "knock-out of feature `" + f.id + "` caps at class `" + f.knockout->cap + "`, which is not defined",
                 close.empty() ? "use one of: " + join(class_ids, ", ") : "did you mean `" + close + "`?");
    }
  }
}

// One [[source]]: a unique id, published before the methodology, naming
// known features and standards, each once.
void check_source(const Methodology& m, const LiteratureSource& src, const std::vector<std::string>& nameable,
                  std::map<std::string, Loc>& seen, DiagnosticSink& sink) {
  auto [it, fresh] = seen.emplace(src.id, src.loc);
  if (!fresh) {
    sink.error(src.loc, "duplicate source id `" + src.id + "`",
               "first defined at " + it->second.to_string() + "; give each source its own id");
  }
  if (m.effective.valid() && src.year > m.effective.year) {
    sink.error(src.loc,
               "source `" + src.id + "` is from " + std::to_string(src.year) + ", after the methodology took effect (" +
                   m.effective.to_string() + ")",
               "a methodology can only rest on sources published before it; check the year");
  }
  if (src.names.empty()) {
    sink.error(src.names_loc, "source `" + src.id + "` names no feature",
               "list the ids of the features it names, e.g. names = [\"e2e\"]");
  }
  std::set<std::string> named;
  for (const auto& name : src.names) {
    if (!named.insert(name).second) {
      sink.error(src.names_loc, "source `" + src.id + "` names `" + name + "` twice",
                 "a source counts once per feature; list each id once");
    }
    if (std::find(nameable.begin(), nameable.end(), name) == nameable.end()) {
      std::string close = closest_match(name, nameable);
      sink.error(src.names_loc,
                 "source `" + src.id + "` names `" + name + "`, which is neither a feature nor a standard",
                 close.empty() ? "features and standards: " + join(nameable, ", ") : "did you mean `" + close + "`?");
    }
  }
}

// A derivation rule exactly when there is a literature table, and a
// provenance that says so.
void check_derivation_present(const Methodology& m, DiagnosticSink& sink) {
  const bool has_table = !m.sources.empty();
  if (has_table && !m.derivation) {
    sink.error(m.sources.front().loc, "the methodology lists sources but no [derivation] rule",
               "add [derivation] with rule = \"rank-frequency\" (see docs/formats.md, \"Weights from sources\")");
  }
  if (m.derivation && !has_table) {
    sink.error(m.derivation->loc, "[derivation] needs a literature table",
               "add the [[source]] entries the weights are derived from, or remove [derivation]");
  }
  if (m.weights_provenance == WeightsProvenance::derived && !m.derivation) {
    sink.error(m.loc, "weights_provenance is \"derived\" but the methodology has no literature table",
               "add [[source]] entries and a [derivation] rule, or say \"reconstructed\" or \"published\"");
  }
  if (m.derivation && m.weights_provenance == WeightsProvenance::reconstructed) {
    sink.error(m.derivation->loc, "the weights are derived from sources but weights_provenance is \"reconstructed\"",
               "set weights_provenance = \"derived\"");
  }
}

// With a literature table, every feature is named by one of its sources.
void check_features_named(const Methodology& m, DiagnosticSink& sink) {
  if (m.sources.empty()) return;
  for (const auto& f : m.features) {
    bool named = false;
    for (const auto& src : m.sources)
      named = named || std::find(src.names.begin(), src.names.end(), f.id) != src.names.end();
    if (!named) {
      sink.error(f.loc, "feature `" + f.id + "` is named by no source of the literature table",
                 "the weights follow from how often sources name a feature; add the sources that name it, or "
                 "drop the feature");
    }
  }
}

// The literature table: unique sources, known feature names, a rule exactly
// when there is a table. Whether the weights agree with the rule is checked
// by `privascore check` (src/method/derivation.h).
void validate_literature(const Methodology& m, DiagnosticSink& sink) {
  std::map<std::string, Loc> seen;
  std::vector<std::string> nameable;  // scored features and standards
  for (const auto& f : m.features) nameable.push_back(f.id);
  for (const auto& s : m.standards) nameable.push_back(s.id);
  for (const auto& src : m.sources) check_source(m, src, nameable, seen, sink);
  check_derivation_present(m, sink);
  check_features_named(m, sink);
}

// Limits of the engine (scoring/scoring.h): a level index and a count of
// unknown features fit in a byte, knock-outs in a 32-bit mask, and every
// score from the minimum to the maximum gets a class (a table the size of
// the range, and the walk below). False when one is exceeded.
bool within_engine_limits(const Methodology& m, DiagnosticSink& sink) {
  bool within_limits = true;
  if (m.features.size() > k_max_features) {
    sink.error(m.features[k_max_features].loc,
               "a methodology has at most " + std::to_string(k_max_features) + " features; this one has " +
                   std::to_string(m.features.size()),
               "merge related features, or move features every service meets to [[standard]]");
    within_limits = false;
  }
  if (m.levels.size() > k_max_levels) {
    sink.error(m.levels[k_max_levels].loc,
               "a level scale has at most " + std::to_string(k_max_levels) + " levels; this one has " +
                   std::to_string(m.levels.size()),
               "use fewer levels");
    within_limits = false;
  }
  std::int64_t weight_sum = 0;
  for (const auto& f : m.features) weight_sum += f.weight;
  const std::int64_t span =
      weight_sum * (static_cast<std::int64_t>(m.highest_level().points) - m.lowest_level().points);
  const std::int64_t top = weight_sum * m.highest_level().points;
  if (top > k_max_score || span > k_max_score) {
    sink.error(m.loc,
               "the weights and level points allow scores up to " + std::to_string(top) + "; at most " +
                   std::to_string(k_max_score) + " are supported",
               "use smaller weights or level points (the published categories need a few hundred)");
    within_limits = false;
  }
  return within_limits;
}

// Each class contains a score, and its bounds lie inside [low, high].
void check_class_bounds(const Methodology& m, int low, int high, DiagnosticSink& sink) {
  for (const auto& c : m.classes) {
    if (c.lower && c.upper) {
      const int from = c.lower->inclusive ? c.lower->value : c.lower->value + 1;
      const int to = c.upper->inclusive ? c.upper->value : c.upper->value - 1;
      if (from > to) {
        sink.error(c.loc, "class `" + c.id + "` contains no score: " + c.range_text(Lang::en),
                   "the lower bound must lie below the upper bound");
      }
    }
    for (const auto& bound : {c.lower, c.upper}) {
      if (bound && (bound->value < low || bound->value > high)) {
        sink.error(c.loc,
                   "class `" + c.id + "` has a bound of " + std::to_string(bound->value) +
                       ", outside the possible scores " + std::to_string(low) + " to " + std::to_string(high),
                   "the minimum and maximum follow from the weights and the level scale; use a bound between them");
      }
    }
  }
}

void check_class_order(const Methodology& m, DiagnosticSink& sink) {
  auto start = [](const ClassBand& c) { return c.lower ? c.lower->value : -1000001; };
  for (std::size_t i = 1; i < m.classes.size(); ++i) {
    if (start(m.classes[i]) > start(m.classes[i - 1])) {
      sink.error(
          m.classes[i].loc,
          "classes must be listed best first: `" + m.classes[i].id + "` starts above `" + m.classes[i - 1].id + "`",
          "reorder the [[class]] sections from highest to lowest scores");
      break;
    }
  }
}

const ClassBand* covering(const Methodology& m, int points) {
  for (const auto& c : m.classes)
    if (c.contains(points)) return &c;
  return nullptr;
}

// A run of scores from..to that no class covers (hits empty) or that
// several classes cover (hits), reported at the class whose bound is to blame.
void report_class_run(const Methodology& m, int low, int high, int from, int to,
                      const std::vector<const ClassBand*>& hits, DiagnosticSink& sink) {
  const std::string range =
      from == to ? "score " + std::to_string(from) : "scores " + std::to_string(from) + " to " + std::to_string(to);
  const std::string possible = " (possible scores: " + std::to_string(low) + " to " + std::to_string(high) + ")";
  if (!hits.empty()) {
    std::vector<std::string> ids;
    for (const ClassBand* c : hits) ids.push_back("`" + c->id + "`");
    sink.error(hits.back()->loc, "classes " + join(ids, " and ") + " overlap at the " + range + possible,
               "make the bounds meet without overlap, e.g. more_than = 200 in one class and at_most = 200 in the "
               "next");
    return;
  }
  const ClassBand* above = to < high ? covering(m, to + 1) : nullptr;
  const ClassBand* below = from > low ? covering(m, from - 1) : nullptr;
  std::string between;
  if (above && below)
    between = ", between class `" + below->id + "` and class `" + above->id + "`";
  else if (above || below)
    between = std::string(", ") + (above ? "below" : "above") + " class `" + (above ? above : below)->id + "`";
  sink.error(above   ? above->loc
             : below ? below->loc
                     : m.loc,
             "no class covers the " + range + between + possible,
             "adjust the class bounds so that each score falls in exactly one class (at_least/at_most include "
             "the value, more_than/less_than exclude it)");
}

// Walks every score from low to high once: each falls in exactly one class.
void check_class_coverage(const Methodology& m, int low, int high, DiagnosticSink& sink) {
  int run_start = low;
  std::vector<const ClassBand*> run_hits;
  bool in_run = false;
  for (int p = low; p <= high + 1; ++p) {
    std::vector<const ClassBand*> hits;
    bool problem = false;
    if (p <= high) {
      for (const auto& c : m.classes)
        if (c.contains(p)) hits.push_back(&c);
      problem = hits.size() != 1;
    }
    if (problem != in_run || (problem && hits != run_hits)) {
      if (in_run) report_class_run(m, low, high, run_start, p - 1, run_hits, sink);
      run_start = p;
      run_hits = hits;
      in_run = problem;
    }
  }
}

// --- the assessment ---

// The checks every rating gets, in [[rating]] and in [[variant.rating]]:
// a known feature, rated once, a level of the scale, evidence when sourced.
// `seen` collects the features rated in this list.
void validate_ratings(const std::vector<Rating>& ratings, const Methodology& m, const std::string& where,
                      std::map<std::string, Loc>& seen, DiagnosticSink& sink) {
  std::vector<std::string> feature_ids, level_ids;
  for (const auto& f : m.features) feature_ids.push_back(f.id);
  for (const auto& l : m.levels) level_ids.push_back(l.id);
  level_ids.push_back(Rating::k_unknown);
  for (const auto& r : ratings) {
    if (!m.feature(r.feature)) {
      std::string close = closest_match(r.feature, feature_ids);
      sink.error(
          r.loc,
          "rating" + where + " for unknown feature `" + r.feature + "` (methodology version " +
              std::to_string(m.version) + ")",
          close.empty() ? "features of this methodology: " + join(feature_ids, ", ") : "did you mean `" + close + "`?");
      continue;
    }
    auto [it, fresh] = seen.emplace(r.feature, r.loc);
    if (!fresh) {
      sink.error(r.loc, "feature `" + r.feature + "` is rated twice" + where,
                 "first rating at " + it->second.to_string() + "; keep one");
    }
    if (!r.unknown() && !m.level(r.level)) {
      std::string close = closest_match(r.level, level_ids);
      sink.error(r.level_loc, "level `" + r.level + "` of feature `" + r.feature + "` is not in the scale",
                 close.empty() ? "use one of: " + join(level_ids, ", ") : "did you mean `" + close + "`?");
    }
    if (r.status == RatingStatus::sourced && r.evidence.empty()) {
      sink.error(r.loc, "rating of `" + r.feature + "`" + where + " is marked sourced but lists no evidence",
                 "add a [[rating.evidence]] with url and title, or set status = \"unverified\"");
    }
    if (r.unknown() && r.status == RatingStatus::sourced) {
      sink.error(r.loc, "rating of `" + r.feature + "`" + where + " is `unknown` but marked sourced",
                 "an unknown level cannot rest on evidence; set status = \"unverified\"");
    }
  }
}

// The default variant is the one that was rated: one default, overriding
// nothing; another variant overrides something. Returns the default when
// v is the first one.
const Variant* check_variant_default(const Assessment& a, const Variant& v, const Variant* first_default,
                                     DiagnosticSink& sink) {
  if (!v.is_default) {
    if (v.ratings.empty()) {
      sink.warning(v.loc, "variant `" + v.id + "` of `" + a.id + "` overrides no rating; it scores like the default",
                   "add [[variant.rating]] tables for the features where this host differs");
    }
    return first_default;
  }
  if (first_default) {
    sink.error(v.loc, "service `" + a.id + "` has a second default variant `" + v.id + "`",
               "exactly one variant is the default (`" + first_default->id +
                   "` already is); remove "
                   "`default = true` here");
  }
  if (!v.ratings.empty()) {
    sink.error(v.ratings.front().loc,
               "the default variant `" + v.id +
                   "` overrides ratings; it is the variant that was rated, so its "
                   "ratings are the service's own [[rating]] tables",
               "move these levels into [[rating]], or make the variant they describe a non-default one");
  }
  return first_default ? first_default : &v;
}

// Hosting variants: unique ids, exactly one default, and the default is the
// variant that was rated, so it overrides nothing.
void validate_variants(const Assessment& a, const Methodology& m, DiagnosticSink& sink) {
  if (a.variants.empty()) return;
  std::map<std::string, Loc> ids;
  const Variant* first_default = nullptr;
  for (const auto& v : a.variants) {
    auto [it, fresh] = ids.emplace(v.id, v.loc);
    if (!fresh) {
      sink.error(v.loc, "duplicate variant id `" + v.id + "` in service `" + a.id + "`",
                 "first defined at " + it->second.to_string() + "; give each variant its own id");
    }
    first_default = check_variant_default(a, v, first_default, sink);
    std::map<std::string, Loc> seen;
    validate_ratings(v.ratings, m, " in variant `" + v.id + "`", seen, sink);
  }
  if (!first_default) {
    sink.error(a.variants.front().loc, "service `" + a.id + "` has variants but none is the default",
               "mark the variant that was rated with `default = true`");
  }
}

}  // namespace

void validate_methodology(const Methodology& m, DiagnosticSink& sink) {
  check_unique_ids(m.levels, "level", sink);
  check_unique_ids(m.features, "feature", sink);
  check_unique_ids(m.standards, "standard", sink);
  check_unique_ids(m.classes, "class", sink);
  check_anchors_and_reserved_ids(m, sink);
  check_level_scale(m, sink);
  check_knockouts(m, sink);
  validate_literature(m, sink);
  if (m.levels.empty() || m.features.empty() || m.classes.empty()) return;
  if (!within_engine_limits(m, sink)) return;
  // Classes: bounds inside [min, max], listed best first, covering every score exactly once.
  const int low = m.min_points();
  const int high = m.max_points();
  check_class_bounds(m, low, high, sink);
  check_class_order(m, sink);
  check_class_coverage(m, low, high, sink);
}

void validate_assessment(const Assessment& a, const Methodology& m, DiagnosticSink& sink) {
  std::map<std::string, Loc> seen;
  validate_ratings(a.ratings, m, "", seen, sink);
  for (const auto& f : m.features) {
    if (!seen.count(f.id) && !a.rating(f.id)) {
      sink.error(
          a.loc, "service `" + a.id + "` has no rating for feature `" + f.id + "`",
          "add a [[rating]] with feature = \"" + f.id + "\" (use level = \"unknown\" if it has not been assessed)");
    }
  }
  validate_variants(a, m, sink);
}

}  // namespace privascore
