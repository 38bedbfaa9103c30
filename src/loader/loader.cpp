#include "loader/loader.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "loader/toml_reader.h"
#include "util/text.h"

namespace privascore {

namespace {

const std::vector<std::string> k_note_kinds = {"joined", "left", "reassessment", "correction", "methodology", "other"};
const std::vector<std::string> k_source_kinds = {"trade-press", "consumer-advice", "expert-interview",
                                                 "authority",   "academic",        "other"};
const std::vector<std::string> k_derivation_rules = {"rank-frequency", "proportional"};

bool valid_colour(const std::string& colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  return std::all_of(colour.begin() + 1, colour.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

int to_int(std::int64_t value, int low, int high, TableReader& reader, const std::string& key,
           const std::string& what) {
  if (value < low || value > high) {
    reader.sink().error(reader.loc_of(key), "`" + key + "` is " + std::to_string(value) + ", out of range for " + what,
                        "use a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return low - 1;
  }
  return static_cast<int>(value);
}

void read_bound(TableReader& r, ClassBand& band, const char* inclusive_key, const char* exclusive_key, bool lower) {
  const bool has_inclusive = r.has(inclusive_key);
  const bool has_exclusive = r.has(exclusive_key);
  if (has_inclusive && has_exclusive) {
    r.sink().error(r.loc_of(exclusive_key),
                   std::string("class `") + band.id + "` has both `" + inclusive_key + "` and `" + exclusive_key + "`",
                   std::string("keep one ") + (lower ? "lower" : "upper") + " bound: `" + inclusive_key +
                       "` includes the value, `" + exclusive_key + "` excludes it");
  }
  for (const char* key : {inclusive_key, exclusive_key}) {
    auto value = r.integer(key, false);
    if (!value) continue;
    int v = to_int(*value, -1000000, 1000000, r, key, "a class bound");
    Bound bound{v, std::string(key) == inclusive_key};
    (lower ? band.lower : band.upper) = bound;
  }
}

}  // namespace

std::optional<Methodology> parse_methodology(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the methodology", sink);
  Methodology m;
  m.loc = r.loc();
  m.category = r.id("category", true).value_or("");
  if (auto v = r.integer("version", true)) m.version = to_int(*v, 1, 1000000, r, "version", "a methodology version");
  m.effective = r.date("effective", true).value_or(Date{});
  m.name = r.text("name", true).value_or(Text{});
  m.summary = r.text("summary", true).value_or(Text{});
  m.slug = r.text("slug", true).value_or(Text{});
  if (!m.slug.empty() && (!is_valid_id(m.slug.de) || !is_valid_id(m.slug.en))) {
    sink.error(r.loc_of("slug"),
               "`slug` must be URL-safe in both languages: \"" + m.slug.de + "\", \"" + m.slug.en + "\"",
               id_hint(is_valid_id(m.slug.de) ? m.slug.en : m.slug.de));
  }
  if (auto p = r.string("weights_provenance", true)) {
    if (*p == "published")
      m.weights_provenance = WeightsProvenance::published;
    else if (*p == "derived")
      m.weights_provenance = WeightsProvenance::derived;
    else if (*p == "reconstructed")
      m.weights_provenance = WeightsProvenance::reconstructed;
    else {
      std::string close = closest_match(*p, {"published", "derived", "reconstructed"});
      sink.error(r.loc_of("weights_provenance"), "unknown weights_provenance \"" + *p + "\"",
                 close.empty() ? "use published, derived or reconstructed" : "did you mean \"" + close + "\"?");
    }
  }
  m.provenance_note = r.text("provenance_note", true).value_or(Text{});
  m.hosting_note = r.text("hosting_note", false);

  r.tables("level", true, [&](TableReader& t) {
    Level level;
    level.loc = t.loc();
    level.id = t.id("id", true).value_or("");
    if (auto v = t.integer("points", true)) level.points = to_int(*v, 0, 1000, t, "points", "level points");
    level.colour = t.string("colour", true).value_or("");
    if (!level.colour.empty() && !valid_colour(level.colour)) {
      sink.error(t.loc_of("colour"), "`colour` \"" + level.colour + "\" is not a colour",
                 "write #rrggbb, for example \"#1a7f37\"");
    }
    level.symbol = t.string("symbol", true).value_or("");
    level.label = t.text("label", true).value_or(Text{});
    t.finish({"id", "points", "colour", "symbol", "label"});
    m.levels.push_back(std::move(level));
  });

  r.tables("feature", true, [&](TableReader& t) {
    Feature f;
    f.loc = t.loc();
    f.id = t.id("id", true).value_or("");
    f.anchor = t.id("anchor", true).value_or("");
    f.name = t.text("name", true).value_or(Text{});
    f.explanation = t.text("explanation", true).value_or(Text{});
    f.weight_loc = t.loc_of("weight");
    if (auto w = t.integer("weight", true)) {
      if (*w <= 0) {
        sink.error(t.loc_of("weight"),
                   "weight of feature `" + f.id + "` is " + std::to_string(*w) + "; weights must be positive",
                   "use a whole number of at least 1; a feature every service meets belongs in [[standard]]");
      } else {
        f.weight = to_int(*w, 1, 100000, t, "weight", "a weight");
      }
    }
    t.table("knockout", false, [&](TableReader& k) {
      Knockout ko;
      ko.loc = k.loc();
      ko.level = k.id("level", true).value_or("");
      ko.cap = k.id("cap", true).value_or("");
      ko.reason = k.text("reason", true).value_or(Text{});
      k.finish({"level", "cap", "reason"});
      f.knockout = std::move(ko);
    });
    t.finish({"id", "anchor", "name", "explanation", "weight", "knockout"});
    m.features.push_back(std::move(f));
  });

  r.tables("standard", false, [&](TableReader& t) {
    Standard s;
    s.loc = t.loc();
    s.id = t.id("id", true).value_or("");
    s.name = t.text("name", true).value_or(Text{});
    s.reason = t.text("reason", true).value_or(Text{});
    t.finish({"id", "name", "reason"});
    m.standards.push_back(std::move(s));
  });

  r.tables("class", true, [&](TableReader& t) {
    ClassBand c;
    c.loc = t.loc();
    c.id = t.id("id", true).value_or("");
    c.colour = t.string("colour", true).value_or("");
    if (!c.colour.empty() && !valid_colour(c.colour)) {
      sink.error(t.loc_of("colour"), "`colour` \"" + c.colour + "\" is not a colour",
                 "write #rrggbb, for example \"#1a7f37\"");
    }
    c.symbol = t.string("symbol", true).value_or("");
    c.label = t.text("label", true).value_or(Text{});
    read_bound(t, c, "at_least", "more_than", true);
    read_bound(t, c, "at_most", "less_than", false);
    t.finish({"id", "colour", "symbol", "label", "at_least", "more_than", "at_most", "less_than"});
    m.classes.push_back(std::move(c));
  });

  // The literature table and the rule that derives the weights from it (optional).
  r.tables("source", false, [&](TableReader& t) {
    LiteratureSource src;
    src.loc = t.loc();
    src.id = t.id("id", true).value_or("");
    src.title = t.string("title", true).value_or("");
    if (auto y = t.integer("year", true)) src.year = to_int(*y, 1900, 2200, t, "year", "a publication year");
    src.url = t.url("url", false).value_or("");
    src.kind = t.string("kind", true).value_or("");
    if (!src.kind.empty() &&
        std::find(k_source_kinds.begin(), k_source_kinds.end(), src.kind) == k_source_kinds.end()) {
      std::string close = closest_match(src.kind, k_source_kinds);
      sink.error(t.loc_of("kind"), "unknown source kind \"" + src.kind + "\"",
                 close.empty() ? "use one of: " + join(k_source_kinds, ", ") : "did you mean \"" + close + "\"?");
    }
    src.names_loc = t.loc_of("names");
    src.names = t.string_array("names", true).value_or(std::vector<std::string>{});
    t.finish({"id", "title", "year", "url", "kind", "names"});
    m.sources.push_back(std::move(src));
  });
  r.table("derivation", false, [&](TableReader& t) {
    DerivationRule d;
    d.loc = t.loc();
    d.rule = t.string("rule", true).value_or("");
    const bool rank = d.rule == "rank-frequency";
    const bool proportional = d.rule == "proportional";
    if (!d.rule.empty() && !rank && !proportional) {
      std::string close = closest_match(d.rule, k_derivation_rules);
      sink.error(t.loc_of("rule"), "unknown derivation rule \"" + d.rule + "\"",
                 close.empty() ? "use one of: " + join(k_derivation_rules, ", ") : "did you mean \"" + close + "\"?");
    }
    auto parameter = [&](const char* key, bool applies, int& out) {
      if (!t.has(key)) return;
      auto v = t.integer(key, false);
      if (!applies) {
        sink.error(t.loc_of(key), std::string("`") + key + "` is not a parameter of rule \"" + d.rule + "\"",
                   rank ? "rank-frequency takes `lowest` and `step`"
                        : (proportional ? "proportional takes `factor`" : "choose a rule first"));
        return;
      }
      if (v) out = to_int(*v, 1, 100000, t, key, "a derivation parameter");
    };
    parameter("lowest", rank, d.lowest);
    parameter("step", rank, d.step);
    parameter("factor", proportional, d.factor);
    t.finish({"rule", "lowest", "step", "factor"});
    m.derivation = std::move(d);
  });

  r.finish({"category", "version", "effective", "name", "summary", "slug", "weights_provenance", "provenance_note",
            "hosting_note", "level", "feature", "standard", "class", "source", "derivation"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return m;
}

namespace {

// The literature table: unique sources, known feature names, a rule exactly
// when there is a table. Whether the weights agree with the rule is checked
// by `privascore check` (src/method/derivation.h).
void validate_literature(const Methodology& m, DiagnosticSink& sink) {
  std::map<std::string, Loc> seen;
  std::vector<std::string> nameable;  // scored features and standards
  for (const auto& f : m.features) nameable.push_back(f.id);
  for (const auto& s : m.standards) nameable.push_back(s.id);
  for (const auto& src : m.sources) {
    auto [it, fresh] = seen.emplace(src.id, src.loc);
    if (!fresh) {
      sink.error(src.loc, "duplicate source id `" + src.id + "`",
                 "first defined at " + it->second.to_string() + "; give each source its own id");
    }
    if (m.effective.valid() && src.year > m.effective.year) {
      sink.error(src.loc,
                 "source `" + src.id + "` is from " + std::to_string(src.year) +
                     ", after the methodology took effect (" + m.effective.to_string() + ")",
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
  if (has_table) {
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
}

}  // namespace

void validate_methodology(const Methodology& m, DiagnosticSink& sink) {
  auto unique = [&](const auto& items, const char* what) {
    std::map<std::string, Loc> seen;
    for (const auto& item : items) {
      auto [it, fresh] = seen.emplace(item.id, item.loc);
      if (!fresh) {
        sink.error(item.loc, std::string("duplicate ") + what + " id `" + item.id + "`",
                   "first defined at " + it->second.to_string() + "; give each " + what + " its own id");
      }
    }
  };
  unique(m.levels, "level");
  unique(m.features, "feature");
  unique(m.standards, "standard");
  unique(m.classes, "class");

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
  validate_literature(m, sink);
  if (m.levels.empty() || m.features.empty() || m.classes.empty()) return;

  // Limits of the engine (scoring/scoring.h): a level index and a count of
  // unknown features fit in a byte, knock-outs in a 32-bit mask, and every
  // score from the minimum to the maximum gets a class (a table the size of
  // the range, and the walk below).
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
  if (!within_limits) return;

  // Classes: bounds inside [min, max], listed best first, covering every score exactly once.
  const int low = m.min_points();
  const int high = m.max_points();
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
  for (std::size_t i = 1; i < m.classes.size(); ++i) {
    auto start = [](const ClassBand& c) { return c.lower ? c.lower->value : -1000001; };
    if (start(m.classes[i]) > start(m.classes[i - 1])) {
      sink.error(
          m.classes[i].loc,
          "classes must be listed best first: `" + m.classes[i].id + "` starts above `" + m.classes[i - 1].id + "`",
          "reorder the [[class]] sections from highest to lowest scores");
      break;
    }
  }
  // Walk every score once; report runs of gaps and overlaps at the class
  // whose bound is to blame.
  auto covering = [&](int points) -> const ClassBand* {
    for (const auto& c : m.classes)
      if (c.contains(points)) return &c;
    return nullptr;
  };
  int run_start = low;
  std::vector<const ClassBand*> run_hits;
  bool in_run = false;
  auto flush = [&](int end) {
    if (!in_run) return;
    const std::string range = run_start == end ? "score " + std::to_string(run_start)
                                               : "scores " + std::to_string(run_start) + " to " + std::to_string(end);
    const std::string possible = " (possible scores: " + std::to_string(low) + " to " + std::to_string(high) + ")";
    if (run_hits.empty()) {
      const ClassBand* above = end < high ? covering(end + 1) : nullptr;
      const ClassBand* below = run_start > low ? covering(run_start - 1) : nullptr;
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
    } else {
      std::vector<std::string> ids;
      for (const ClassBand* c : run_hits) ids.push_back("`" + c->id + "`");
      sink.error(run_hits.back()->loc, "classes " + join(ids, " and ") + " overlap at the " + range + possible,
                 "make the bounds meet without overlap, e.g. more_than = 200 in one class and at_most = 200 in the "
                 "next");
    }
  };
  for (int p = low; p <= high + 1; ++p) {
    std::vector<const ClassBand*> hits;
    bool problem = false;
    if (p <= high) {
      for (const auto& c : m.classes)
        if (c.contains(p)) hits.push_back(&c);
      problem = hits.size() != 1;
    }
    if (problem != in_run || (problem && hits != run_hits)) {
      flush(p - 1);
      run_start = p;
      run_hits = hits;
      in_run = problem;
    }
  }
}

namespace {

// One [[rating]] (or [[variant.rating]]) table with its evidence.
Rating read_rating(TableReader& t, DiagnosticSink& sink) {
  Rating rating;
  rating.loc = t.loc();
  rating.feature = t.id("feature", true).value_or("");
  rating.level = t.id("level", true).value_or("");
  rating.level_loc = t.loc_of("level");
  if (auto s = t.string("status", true)) {
    if (*s == "sourced")
      rating.status = RatingStatus::sourced;
    else if (*s == "unverified")
      rating.status = RatingStatus::unverified;
    else {
      std::string close = closest_match(*s, {"sourced", "unverified"});
      sink.error(
          t.loc_of("status"), "unknown status \"" + *s + "\" for feature `" + rating.feature + "`",
          close.empty() ? "use \"sourced\" (backed by evidence) or \"unverified\"" : "did you mean \"" + close + "\"?");
    }
  }
  rating.justification = t.text("justification", true).value_or(Text{});
  t.tables("evidence", false, [&](TableReader& e) {
    Evidence ev;
    ev.loc = e.loc();
    ev.url = e.url("url", true).value_or("");
    ev.title = e.string("title", true).value_or("");
    ev.quote = e.string("quote", false).value_or("");
    ev.retrieved = e.date("retrieved", false);
    e.finish({"url", "title", "quote", "retrieved"});
    rating.evidence.push_back(std::move(ev));
  });
  t.finish({"feature", "level", "status", "justification", "evidence"});
  return rating;
}

}  // namespace

std::optional<Assessment> parse_assessment(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the assessment", sink);
  Assessment a;
  a.loc = r.loc();
  a.id = r.id("id", true).value_or("");
  a.name = r.string("name", true).value_or("");
  a.vendor = r.string("vendor", true).value_or("");
  a.website = r.url("website", true).value_or("");
  a.licence = r.string("licence", false).value_or("");
  a.repository = r.url("repository", false).value_or("");
  a.note = r.text("note", false);
  r.tables("rating", true, [&](TableReader& t) { a.ratings.push_back(read_rating(t, sink)); });
  r.tables("variant", false, [&](TableReader& t) {
    Variant v;
    v.loc = t.loc();
    v.id = t.id("id", true).value_or("");
    v.name = t.text("name", true).value_or(Text{});
    v.operator_name = t.string("operator", false).value_or("");
    v.url = t.url("url", false).value_or("");
    v.is_default = t.boolean("default", false).value_or(false);
    v.note = t.text("note", false);
    t.tables("rating", false, [&](TableReader& rt) { v.ratings.push_back(read_rating(rt, sink)); });
    t.finish({"id", "name", "operator", "url", "default", "note", "rating"});
    a.variants.push_back(std::move(v));
  });
  r.finish({"id", "name", "vendor", "website", "licence", "repository", "note", "rating", "variant"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return a;
}

namespace {

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
    if (v.is_default) {
      if (first_default) {
        sink.error(v.loc, "service `" + a.id + "` has a second default variant `" + v.id + "`",
                   "exactly one variant is the default (`" + first_default->id +
                       "` already is); remove "
                       "`default = true` here");
      } else {
        first_default = &v;
      }
      if (!v.ratings.empty()) {
        sink.error(v.ratings.front().loc,
                   "the default variant `" + v.id +
                       "` overrides ratings; it is the variant that was rated, so its "
                       "ratings are the service's own [[rating]] tables",
                   "move these levels into [[rating]], or make the variant they describe a non-default one");
      }
    } else if (v.ratings.empty()) {
      sink.warning(v.loc, "variant `" + v.id + "` of `" + a.id + "` overrides no rating; it scores like the default",
                   "add [[variant.rating]] tables for the features where this host differs");
    }
    std::map<std::string, Loc> seen;
    validate_ratings(v.ratings, m, " in variant `" + v.id + "`", seen, sink);
  }
  if (!first_default) {
    sink.error(a.variants.front().loc, "service `" + a.id + "` has variants but none is the default",
               "mark the variant that was rated with `default = true`");
  }
}

}  // namespace

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

std::optional<Edition> parse_edition(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the edition", sink);
  Edition e;
  e.loc = r.loc();
  e.category = r.id("category", true).value_or("");
  e.date = r.date("date", true).value_or(Date{});
  e.methodology_loc = r.loc_of("methodology");
  if (auto v = r.integer("methodology", true))
    e.methodology = to_int(*v, 1, 1000000, r, "methodology", "a methodology version");
  e.title = r.text("title", true).value_or(Text{});
  e.summary = r.text("summary", true).value_or(Text{});
  e.source = r.url("source", false).value_or("");
  if (auto services = r.string_array("services", true)) {
    std::map<std::string, bool> seen;
    for (const auto& id : *services) {
      if (!is_valid_id(id)) {
        sink.error(r.loc_of("services"), "service id \"" + id + "\" in `services` is not a valid id", id_hint(id));
        continue;
      }
      if (seen[id]) {
        sink.error(r.loc_of("services"), "service `" + id + "` is listed twice in `services`",
                   "list each service once");
        continue;
      }
      seen[id] = true;
      e.services.push_back(id);
      e.service_locs.push_back(r.loc_of("services"));
    }
    if (services->empty())
      sink.error(r.loc_of("services"), "`services` is empty", "list the ids of the services rated");
  }
  r.tables("note", false, [&](TableReader& t) {
    EditionNote n;
    n.loc = t.loc();
    n.kind = t.string("kind", true).value_or("");
    if (!n.kind.empty() && std::find(k_note_kinds.begin(), k_note_kinds.end(), n.kind) == k_note_kinds.end()) {
      std::string close = closest_match(n.kind, k_note_kinds);
      sink.error(t.loc_of("kind"), "unknown note kind \"" + n.kind + "\"",
                 close.empty() ? "use one of: " + join(k_note_kinds, ", ") : "did you mean \"" + close + "\"?");
    }
    n.service = t.id("service", false).value_or("");
    n.feature = t.id("feature", false).value_or("");
    n.text = t.text("text", true).value_or(Text{});
    n.reason = t.text("reason", true).value_or(Text{});
    t.finish({"kind", "service", "feature", "text", "reason"});
    e.notes.push_back(std::move(n));
  });
  r.tables("published", false, [&](TableReader& t) {
    PublishedFigure p;
    p.loc = t.loc();
    p.service = t.id("service", true).value_or("");
    if (auto v = t.integer("points", false)) p.points = to_int(*v, 0, 10000000, t, "points", "published points");
    p.class_id = t.id("class", false).value_or("");
    if (auto v = t.integer("methodology", false))
      p.methodology = to_int(*v, 1, 1000000, t, "methodology", "a methodology version");
    if (!p.points && p.class_id.empty()) {
      sink.error(p.loc, "published figure for `" + p.service + "` gives neither points nor class",
                 "add points = … or class = \"…\"");
    }
    t.finish({"service", "points", "class", "methodology"});
    e.published.push_back(std::move(p));
  });
  r.finish({"category", "date", "methodology", "title", "summary", "source", "services", "note", "published"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return e;
}

namespace {

std::optional<std::string> read_file(const FileSource& source, const std::string& path, DiagnosticSink& sink) {
  std::string error;
  auto content = source.read(path, k_max_file_bytes, &error);
  if (!content)
    sink.error(Loc{source.display_path(path)}, "cannot read file: " + error, "check that it exists and is readable");
  return content;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void load_category(const FileSource& source, const std::string& id, Catalogue& catalogue, DiagnosticSink& sink) {
  Category category;
  category.id = id;
  const std::string base = id + "/";
  const Loc dir_loc{source.display_path(base)};

  // Methodology files that exist but could not be read or parsed: their
  // problems are already reported, so editions using them get no second error.
  std::set<std::string> broken_methodology_files;
  int methodology_files = 0;
  for (const auto& name : source.list(base + "methodology")) {
    const std::string path = base + "methodology/" + name;
    const std::string shown = source.display_path(path);
    if (!ends_with(name, ".toml")) {
      sink.warning(Loc{shown}, "ignoring a file that is not a .toml methodology",
                   "methodology files are named v<N>.toml");
      continue;
    }
    ++methodology_files;
    auto content = read_file(source, path, sink);
    auto m = content ? parse_methodology(std::move(*content), shown, sink) : std::nullopt;
    if (!m) {
      broken_methodology_files.insert(name);
      continue;
    }
    if (m->category != id) {
      sink.error(m->loc, "methodology says category `" + m->category + "` but lies in the folder of `" + id + "`",
                 "set category = \"" + id + "\" or move the file");
    }
    if (name != "v" + std::to_string(m->version) + ".toml") {
      sink.error(m->loc, "methodology version " + std::to_string(m->version) + " is in a file named " + name,
                 "name the file v" + std::to_string(m->version) + ".toml");
    }
    validate_methodology(*m, sink);
    if (category.methodologies.count(m->version)) {
      sink.error(m->loc, "methodology version " + std::to_string(m->version) + " is defined twice",
                 "give each version its own number");
    } else {
      category.methodologies.emplace(m->version, std::move(*m));
    }
  }
  if (methodology_files == 0) {
    sink.error(dir_loc, "category `" + id + "` has no methodology",
               "add " + base + "methodology/v1.toml (see docs/formats.md)");
  }

  int edition_folders = 0;
  for (const auto& folder : source.list(base + "editions")) {
    if (folder.back() != '/') {
      sink.warning(Loc{source.display_path(base + "editions/" + folder)}, "ignoring a file outside an edition folder",
                   "editions live in editions/<YYYY-MM-DD>/edition.toml");
      continue;
    }
    ++edition_folders;
    const std::string dir = base + "editions/" + folder;
    const std::string date_text = folder.substr(0, folder.size() - 1);
    auto content = read_file(source, dir + "edition.toml", sink);
    if (!content) continue;
    const std::string shown = source.display_path(dir + "edition.toml");
    auto edition = parse_edition(std::move(*content), shown, sink);
    if (!edition) continue;
    if (edition->category != id) {
      sink.error(edition->loc,
                 "edition says category `" + edition->category + "` but lies in the folder of `" + id + "`",
                 "set category = \"" + id + "\"");
    }
    if (edition->date.to_string() != date_text) {
      sink.error(edition->loc, "edition date " + edition->date.to_string() + " does not match its folder " + date_text,
                 "name the folder after the date, or fix the date");
    }
    const Methodology* m = category.methodology(edition->methodology);
    const bool methodology_broken =
        broken_methodology_files.count("v" + std::to_string(edition->methodology) + ".toml") > 0;
    if (!m && !methodology_broken && methodology_files > 0) {
      std::vector<std::string> versions;
      for (const auto& [v, unused] : category.methodologies) versions.push_back(std::to_string(v));
      sink.error(edition->methodology_loc,
                 "edition uses methodology version " + std::to_string(edition->methodology) + ", which does not exist",
                 versions.empty() ? "no methodology version loaded without errors; fix " + base + "methodology/ first"
                                  : "versions available: " + join(versions, ", "));
    }
    // Assessments: exactly the listed services.
    std::set<std::string> files;
    for (const auto& name : source.list(dir + "services")) {
      if (!ends_with(name, ".toml")) {
        sink.warning(Loc{source.display_path(dir + "services/" + name)},
                     "ignoring a file that is not a .toml assessment");
        continue;
      }
      files.insert(name.substr(0, name.size() - 5));
    }
    for (std::size_t i = 0; i < edition->services.size(); ++i) {
      const std::string& service = edition->services[i];
      if (!files.count(service)) {
        std::vector<std::string> present(files.begin(), files.end());
        std::string close = closest_match(service, present);
        sink.error(
            edition->service_locs[i],
            "edition names service `" + service + "`, but " + dir + "services/" + service + ".toml does not exist",
            close.empty() ? "add the assessment file or remove the service from `services`"
                          : "did you mean `" + close + "`?");
        continue;
      }
      const std::string path = dir + "services/" + service + ".toml";
      auto text = read_file(source, path, sink);
      if (!text) continue;
      auto assessment = parse_assessment(std::move(*text), source.display_path(path), sink);
      if (!assessment) continue;
      if (assessment->id != service) {
        sink.error(assessment->loc,
                   "assessment id `" + assessment->id + "` does not match its file name " + service + ".toml",
                   "set id = \"" + service + "\"");
      }
      if (m) validate_assessment(*assessment, *m, sink);
      edition->assessments.push_back(std::move(*assessment));
    }
    for (const auto& file : files) {
      if (std::find(edition->services.begin(), edition->services.end(), file) == edition->services.end()) {
        sink.error(Loc{source.display_path(dir + "services/" + file + ".toml")},
                   "assessment of `" + file + "` is not listed in the edition's `services`",
                   "add \"" + file + "\" to services in " + dir + "edition.toml, or delete the file");
      }
    }
    for (const auto& note : edition->notes) {
      if (!note.feature.empty() && m && !m->feature(note.feature)) {
        sink.error(note.loc, "note names unknown feature `" + note.feature + "`",
                   "use a feature id of methodology " + std::to_string(m->version));
      }
    }
    for (const auto& p : edition->published) {
      if (std::find(edition->services.begin(), edition->services.end(), p.service) == edition->services.end()) {
        sink.error(p.loc, "published figure for `" + p.service + "`, which is not in this edition",
                   "fix the service id");
      }
      const Methodology* pm = p.methodology ? category.methodology(*p.methodology) : m;
      if (p.methodology && !pm) {
        sink.error(p.loc, "published figure names methodology version " + std::to_string(*p.methodology) +
                              ", which does not exist");
      }
      if (pm && !p.class_id.empty() && !pm->class_band(p.class_id)) {
        sink.error(p.loc, "published class `" + p.class_id + "` is not a class of the methodology");
      }
    }
    category.editions.push_back(std::move(*edition));
  }
  std::sort(category.editions.begin(), category.editions.end(),
            [](const Edition& a, const Edition& b) { return a.date < b.date; });
  for (std::size_t i = 1; i < category.editions.size(); ++i) {
    if (category.editions[i].date == category.editions[i - 1].date) {
      sink.error(category.editions[i].loc, "two editions on " + category.editions[i].date.to_string(),
                 "one edition per day");
    }
  }
  // Notes may name services that left (present in the previous edition).
  for (std::size_t i = 0; i < category.editions.size(); ++i) {
    const Edition& e = category.editions[i];
    for (const auto& note : e.notes) {
      if (note.service.empty()) continue;
      bool known = e.assessment(note.service) != nullptr;
      if (!known && i > 0) known = category.editions[i - 1].assessment(note.service) != nullptr;
      if (!known) {
        sink.error(note.loc,
                   "note names service `" + note.service + "`, which is in neither this edition nor the one before",
                   "fix the service id");
      }
    }
  }
  if (edition_folders == 0) {
    sink.warning(dir_loc, "category `" + id + "` has no edition yet", "add editions/<YYYY-MM-DD>/edition.toml");
  }
  catalogue.categories.push_back(std::move(category));
}

}  // namespace

Catalogue load_catalogue(const FileSource& source, DiagnosticSink& sink) {
  Catalogue catalogue;
  for (const auto& entry : source.list("")) {
    if (entry.back() != '/') continue;  // README files and the like at the top level
    std::string id = entry.substr(0, entry.size() - 1);
    if (!is_valid_id(id)) {
      sink.warning(Loc{source.display_path(entry)}, "ignoring folder `" + id + "`: not a valid category id",
                   "category folders are named like video-conferencing");
      continue;
    }
    load_category(source, id, catalogue, sink);
  }
  if (catalogue.categories.empty()) {
    sink.error(Loc{source.display_path("")}, "no category found",
               "the data folder needs <category>/methodology/v1.toml (see docs/formats.md)");
  }
  return catalogue;
}

}  // namespace privascore
