// The methodology page: how the points, the maximum and the classes arise.
#include <nlohmann/json.hpp>
#include "scoring/diff.h"
#include "web/method_pages.h"
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

// The whole points a class covers within [min, max], as "201 to 270".
std::string integer_range(const PageEnv& env, const ClassBand& band, int min, int max) {
  int low = min;
  int high = max;
  if (band.lower) low = std::max(low, band.lower->inclusive ? band.lower->value : band.lower->value + 1);
  if (band.upper) high = std::min(high, band.upper->inclusive ? band.upper->value : band.upper->value - 1);
  if (low > high) return env.t("range_empty");
  if (low == high) return env.f("range_single", {{"points", std::to_string(low)}});
  return env.f("range_from_to", {{"low", std::to_string(low)}, {"high", std::to_string(high)}});
}

std::string feature_name(const PageEnv& env, const Methodology& a, const Methodology& b, const std::string& id) {
  if (const Feature* f = b.feature(id)) return f->name.get(env.lang);
  if (const Feature* f = a.feature(id)) return f->name.get(env.lang);
  return id;
}

json change_view(const PageEnv& env, const Methodology& from, const Methodology& to, const MethodologyChange& c) {
  std::string text;
  if (c.kind == "weight") {
    text = env.f("method_change_weight",
                 {{"feature", feature_name(env, from, to, c.subject)}, {"from", c.from}, {"to", c.to}});
  } else if (c.kind == "feature-added") {
    text = env.f("method_change_feature_added", {{"feature", feature_name(env, from, to, c.subject)}, {"to", c.to}});
  } else if (c.kind == "feature-removed") {
    text =
        env.f("method_change_feature_removed", {{"feature", feature_name(env, from, to, c.subject)}, {"from", c.from}});
  } else if (c.kind == "level") {
    const Level* l = to.level(c.subject);
    if (!l) l = from.level(c.subject);
    text = env.f("method_change_level", {{"level", l ? l->label.get(env.lang) : c.subject},
                                         {"from", c.from.empty() ? "–" : c.from},
                                         {"to", c.to.empty() ? "–" : c.to}});
  } else if (c.kind == "class") {
    const ClassBand* before = from.class_band(c.subject);
    const ClassBand* after = to.class_band(c.subject);
    text = env.f("method_change_class", {{"class", (after ? after : before)->label.get(env.lang)},
                                         {"from", before ? before->range_text(env.lang) : "–"},
                                         {"to", after ? after->range_text(env.lang) : "–"}});
  } else {
    text = env.f("method_change_knockout", {{"feature", feature_name(env, from, to, c.subject)}});
  }
  return {{"kind", c.kind}, {"text", text}};
}

}  // namespace

Response methodology_page(const PageEnv& env, const CategoryView& c, const Methodology& m, bool version_in_url) {
  const std::string name = c.name().get(env.lang);
  Frame frame;
  frame.title = env.f("methodology_title", {{"category", name}});
  frame.path = methodology_path(env.lang, c, version_in_url ? m.version : 0);
  frame.alternate_path = methodology_path(env.other(), c, version_in_url ? m.version : 0);
  frame.category = &c;
  frame.description = m.summary.get(env.lang);
  frame.crumbs = {{name, category_path(env.lang, c)}, {env.t("methodology"), frame.path}};
  json v = page_view(env, frame);

  v["heading"] = frame.title;
  v["category_name"] = name;
  v["version_line"] = env.f("methodology_version_line",
                            {{"version", std::to_string(m.version)}, {"date", long_date(env, m.effective)}});
  v["summary"] = m.summary.get(env.lang);
  v["facts"] = methodology_facts(env, m);
  v["provenance_note"] = m.provenance_note.get(env.lang);
  v["category_href"] = category_path(env.lang, c);

  json levels = json::array();
  for (const Level& l : m.levels) levels.push_back(level_view(env, &l, false));
  v["levels"] = levels;
  v["unknown_counts_as"] =
      env.count("unknown_counts_as", m.lowest_level().points,
                {{"level", m.lowest_level().label.get(env.lang)}, {"points", std::to_string(m.lowest_level().points)}});

  json features = json::array();
  const int top = m.highest_level().points;
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    const Feature& f = m.features[i];
    json item = {
        {"position", i + 1},  {"name", f.name.get(env.lang)}, {"href", category_path(env.lang, c) + "#" + f.anchor},
        {"weight", f.weight}, {"max", f.weight * top},        {"knockout", f.knockout.has_value()}};
    features.push_back(item);
  }
  v["features"] = features;
  v["weight_sum"] = m.weight_sum();
  v["max_points"] = m.max_points();

  json classes = json::array();
  for (const ClassBand& band : m.classes) {
    json item = class_view(env, band);
    item["integer_range"] = integer_range(env, band, m.min_points(), m.max_points());
    const bool both_inclusive = band.lower && band.upper && band.lower->inclusive && band.upper->inclusive;
    item["bounds"] = both_inclusive ? env.f("class_bounds_inclusive", {{"range", band.range_text(env.lang)}})
                                    : env.f("class_bounds",
                                            {{"range", band.range_text(env.lang)},
                                             {"integers", integer_range(env, band, m.min_points(), m.max_points())}});
    classes.push_back(item);
  }
  v["classes"] = classes;

  json knockouts = json::array();
  for (const Feature& f : m.features) {
    if (!f.knockout) continue;
    const Level* l = m.level(f.knockout->level);
    const ClassBand* cap = m.class_band(f.knockout->cap);
    knockouts.push_back(
        {{"feature", f.name.get(env.lang)},
         {"rule", env.f("knockout_rule", {{"level", l ? l->label.get(env.lang) : f.knockout->level},
                                          {"class", cap ? cap->label.get(env.lang) : f.knockout->cap}})},
         {"reason", f.knockout->reason.get(env.lang)}});
  }
  v["knockouts"] = knockouts;
  v["has_knockouts"] = !knockouts.empty();

  json standards = json::array();
  for (const Standard& s : m.standards)
    standards.push_back({{"name", s.name.get(env.lang)}, {"reason", s.reason.get(env.lang)}});
  v["standards"] = standards;
  v["has_standards"] = !standards.empty();

  json versions = json::array();
  const Methodology* before = nullptr;
  for (const auto& [number, version] : c.category->methodologies) {
    json item = {{"version", number},
                 {"label", env.f("methodology_version_line",
                                 {{"version", std::to_string(number)}, {"date", long_date(env, version.effective)}})},
                 {"href", methodology_path(env.lang, c, &version == c.methodology ? 0 : number)},
                 {"current", &version == &m}};
    json changes = json::array();
    if (before)
      for (const auto& change : diff_methodologies(*before, version))
        changes.push_back(change_view(env, *before, version, change));
    item["changes"] = changes;
    item["has_changes"] = !changes.empty();
    versions.push_back(item);
    before = &version;
  }
  v["versions"] = versions;
  v["has_versions"] = versions.size() > 1;
  v["literature"] = literature_view(env, m);  // weights from sources, or that the table is not published
  return render_page(env, "methodology", v);
}

}  // namespace privascore::web
