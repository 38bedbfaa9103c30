// The changelog page: every edition's notes and what changed, computed.
#include <nlohmann/json.hpp>
#include "scoring/diff.h"
#include "util/text.h"
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

const Level* find_level(const Methodology* a, const Methodology* b, const std::string& id) {
  if (b)
    if (const Level* l = b->level(id)) return l;
  if (a)
    if (const Level* l = a->level(id)) return l;
  return nullptr;
}

json level_or_dash(const PageEnv& env, const Methodology* a, const Methodology* b, const std::string& id) {
  if (id.empty()) return {{"css", "none"}, {"symbol", ""}, {"label", "–"}};
  return level_view(env, find_level(a, b, id), id == Rating::k_unknown);
}

json class_of(const PageEnv& env, const Methodology* m, const std::string& id) {
  const ClassBand* band = m ? m->class_band(id) : nullptr;
  if (!band) return {{"css", "other"}, {"symbol", ""}, {"label", id}};
  return class_view(env, *band);
}

json diff_view(const PageEnv& env, const CategoryView& c, const EditionDiff& d) {
  const EditionScore* to_score = c.score(*d.to);
  const EditionScore* from_score = c.score(*d.from);
  json v;
  v["compare_text"] = env.f("changelog_compare", {{"date", long_date(env, d.from->date)}});
  json joined = json::array();
  for (const std::string& id : d.joined) {
    const ServiceScore* s = to_score ? to_score->service(id) : nullptr;
    if (!s) continue;
    joined.push_back({{"name", s->assessment->name},
                      {"href", service_edition_path(env.lang, c, d.to->date, id)},
                      {"points", env.f("points_of_max", {{"points", std::to_string(s->points)},
                                                         {"max", std::to_string(s->max_points)}})},
                      {"class", class_view(env, *s->klass)}});
  }
  json left = json::array();
  for (const std::string& id : d.left) {
    const ServiceScore* s = from_score ? from_score->service(id) : nullptr;
    left.push_back(
        {{"name", s ? s->assessment->name : id}, {"href", service_edition_path(env.lang, c, d.from->date, id)}});
  }
  json changed = json::array();
  for (const ServiceChange& ch : d.changed) {
    json causes = json::array();
    std::vector<std::string> now_sourced;
    std::vector<std::string> now_unverified;
    for (const FeatureChange& f : ch.causes) {
      const Feature* feature = d.to_methodology ? d.to_methodology->feature(f.feature) : nullptr;
      if (!feature && d.from_methodology) feature = d.from_methodology->feature(f.feature);
      const std::string name = feature ? feature->name.get(env.lang) : f.feature;
      const bool level_changed = f.from_level != f.to_level || f.delta() != 0;
      if (!level_changed) {
        // Only the provenance changed: summarised below, not a cause of points.
        (f.to_status == "sourced" ? now_sourced : now_unverified).push_back(name);
        continue;
      }
      json cause = {{"feature", name},
                    {"from", level_or_dash(env, d.from_methodology, d.to_methodology, f.from_level)},
                    {"to", level_or_dash(env, d.to_methodology, d.from_methodology, f.to_level)},
                    {"delta", signed_points(f.delta())}};
      if (f.status_changed) {
        cause["status"] = env.f("status_change",
                                {{"from", env.t("status_" + f.from_status)}, {"to", env.t("status_" + f.to_status)}});
      }
      causes.push_back(cause);
    }
    json summaries = json::array();
    if (!now_sourced.empty())
      summaries.push_back({{"text", env.f("now_sourced", {{"features", join(now_sourced, ", ")}})}});
    if (!now_unverified.empty())
      summaries.push_back({{"text", env.f("now_unverified", {{"features", join(now_unverified, ", ")}})}});
    if (causes.empty() && summaries.empty()) summaries.push_back({{"text", env.t("rank_only")}});
    json item = {
        {"name", ch.name},
        {"href", service_edition_path(env.lang, c, d.to->date, ch.id)},
        {"from_points", ch.from_points},
        {"to_points", ch.to_points},
        {"delta", signed_points(ch.delta())},
        {"from_class", class_of(env, d.from_methodology, ch.from_class)},
        {"to_class", class_of(env, d.to_methodology, ch.to_class)},
        {"class_changed", ch.from_class != ch.to_class},
        {"rank", env.f("rank_change", {{"from", std::to_string(ch.from_rank)}, {"to", std::to_string(ch.to_rank)}})},
        {"causes", causes},
        {"summaries", summaries}};
    if (d.methodology_changed()) {
      item["split"] = env.f("delta_split", {{"ratings", signed_points(ch.delta_from_ratings)},
                                            {"methodology", signed_points(ch.delta_from_methodology)}});
    }
    changed.push_back(item);
  }
  v["joined"] = joined;
  v["has_joined"] = !joined.empty();
  v["left"] = left;
  v["has_left"] = !left.empty();
  v["changed"] = changed;
  v["has_changed"] = !changed.empty();
  v["unchanged_text"] = env.count("unchanged_count", d.unchanged);
  json mchanges = json::array();
  if (d.methodology_changed() && d.from_methodology && d.to_methodology) {
    mchanges.push_back(
        {{"text", env.f("methodology_changed_versions", {{"from", std::to_string(d.from_methodology->version)},
                                                         {"to", std::to_string(d.to_methodology->version)}})}});
  }
  v["methodology_changes"] = mchanges;
  v["has_methodology_changes"] = !mchanges.empty();
  return v;
}

}  // namespace

Response changelog_page(const PageEnv& env, const CategoryView& c) {
  const std::string name = c.name().get(env.lang);
  Frame frame;
  frame.title = env.f("changelog_title", {{"category", name}});
  frame.path = changelog_path(env.lang, c);
  frame.alternate_path = changelog_path(env.other(), c);
  frame.category = &c;
  frame.crumbs = {{name, category_path(env.lang, c)}, {env.t("changelog"), frame.path}};
  json v = page_view(env, frame);
  v["heading"] = frame.title;
  v["category_name"] = name;
  v["category_href"] = category_path(env.lang, c);

  json entries = json::array();
  for (auto it = c.scores.rbegin(); it != c.scores.rend(); ++it) {
    const Edition& e = *it->edition;
    json entry = {{"date", long_date(env, e.date)},
                  {"iso", e.date.to_string()},
                  {"id", "edition-" + e.date.to_string()},
                  {"href", &*it == c.latest() ? category_path(env.lang, c) : edition_path(env.lang, c, e.date)},
                  {"title", e.title.get(env.lang)},
                  {"detail", env.count("edition_detail", static_cast<int>(it->services.size()),
                                       {{"version", std::to_string(e.methodology)}})},
                  {"notes", edition_notes_view(env, c, e)},
                  {"has_notes", !e.notes.empty()}};
    const Edition* previous = c.category->previous(e);
    if (previous && c.category->methodology(previous->methodology)) {
      entry["diff"] = diff_view(env, c, diff_editions(*c.category, *previous, e));
    } else {
      entry["first"] = env.count("first_edition", static_cast<int>(it->services.size()));
    }
    entries.push_back(entry);
  }
  v["entries"] = entries;
  return render_page(env, "changelog", v);
}

}  // namespace privascore::web
