// The category page: one edition's ranking with everything needed to read it.
#include <nlohmann/json.hpp>
#include "web/method_pages.h"
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

const char* provenance_key(WeightsProvenance p) {
  switch (p) {
    case WeightsProvenance::published: return "provenance_published";
    case WeightsProvenance::derived: return "provenance_derived";
    case WeightsProvenance::reconstructed: return "provenance_reconstructed";
  }
  return "provenance_reconstructed";
}

}  // namespace

json edition_notes_view(const PageEnv& env, const CategoryView& c, const Edition& edition) {
  json notes = json::array();
  for (const EditionNote& n : edition.notes) {
    json note = {{"kind", n.kind},
                 {"kind_label", env.t("note_kind_" + n.kind)},
                 {"text", n.text.get(env.lang)},
                 {"reason", n.reason.get(env.lang)}};
    if (!n.service.empty()) {
      const Assessment* a = edition.assessment(n.service);
      const std::string service_name = a ? a->name : n.service;
      note["service"] = {
          {"name", service_name},
          {"label", env.f("note_service_link", {{"service", service_name}})},
          {"href", !a                                ? ""
                   : &edition == c.latest()->edition ? service_path(env.lang, c, n.service)
                                                     : service_edition_path(env.lang, c, edition.date, n.service)}};
    }
    notes.push_back(note);
  }
  return notes;
}

json methodology_facts(const PageEnv& env, const Methodology& m) {
  const Level& top = m.highest_level();
  const Level& bottom = m.lowest_level();
  return {{"max", m.max_points()},
          {"min", m.min_points()},
          {"max_sentence", env.f("max_sentence", {{"max", std::to_string(m.max_points())}})},
          {"derivation", env.count("max_derivation", top.points,
                                   {{"features", std::to_string(m.features.size())},
                                    {"weights", std::to_string(m.weight_sum())},
                                    {"points", std::to_string(top.points)},
                                    {"level", top.label.get(env.lang)},
                                    {"max", std::to_string(m.max_points())}})},
          {"min_derivation", env.count("min_derivation", bottom.points,
                                       {{"weights", std::to_string(m.weight_sum())},
                                        {"points", std::to_string(bottom.points)},
                                        {"level", bottom.label.get(env.lang)},
                                        {"min", std::to_string(m.min_points())}})},
          {"provenance_label", env.t(provenance_key(m.weights_provenance))},
          {"reconstructed", m.weights_provenance != WeightsProvenance::published}};
}

Response category_page(const PageEnv& env, const CategoryView& c, const EditionScore& score, bool edition_in_url) {
  const Edition& edition = *score.edition;
  const Methodology& m = *score.methodology;
  const bool latest = &score == c.latest();
  const std::string name = c.name().get(env.lang);

  Frame frame;
  frame.title = latest ? name : name + " · " + long_date(env, edition.date);
  frame.path = edition_in_url ? edition_path(env.lang, c, edition.date) : category_path(env.lang, c);
  frame.alternate_path = edition_in_url ? edition_path(env.other(), c, edition.date) : category_path(env.other(), c);
  frame.category = &c;
  frame.description = edition.summary.get(env.lang);
  if (!edition_in_url) {
    frame.crumbs = {{name, frame.path}};
  } else {
    frame.crumbs = {{name, category_path(env.lang, c)}, {long_date(env, edition.date), frame.path}};
  }
  json v = page_view(env, frame);

  v["category"] = {{"id", c.category->id}, {"name", name}};
  v["edition"] = {{"date", long_date(env, edition.date)},
                  {"iso", edition.date.to_string()},
                  {"latest", latest},
                  {"label", env.f("edition_of", {{"date", long_date(env, edition.date)}})}};
  if (!latest) {
    v["older"] = {{"href", category_path(env.lang, c)},
                  {"text", env.f("older_edition_notice", {{"date", long_date(env, c.latest()->edition->date)}})}};
  }
  v["summary"] = edition.summary.empty() ? m.summary.get(env.lang) : edition.summary.get(env.lang);
  v["notes"] = edition_notes_view(env, c, edition);
  v["has_notes"] = !edition.notes.empty();
  v["facts"] = methodology_facts(env, m);
  v["service_count"] = score.services.size();
  v["service_count_text"] = env.count("service_count", static_cast<int>(score.services.size()));

  json classes = json::array();
  for (const ClassBand& band : m.classes) {
    int count = 0;
    for (const auto& s : score.services) count += s.klass == &band ? 1 : 0;
    json item = class_view(env, band);
    item["count"] = count;
    item["count_text"] = env.count("service_count", count);
    item["range_points"] = env.f("range_points", {{"range", band.range_text(env.lang)}});
    classes.push_back(item);
  }
  v["classes"] = classes;
  json levels = json::array();
  for (const Level& l : m.levels) levels.push_back(level_view(env, &l, false));
  v["levels"] = levels;

  json features = json::array();
  for (const Feature& f : m.features) {
    json feature = {
        {"id", f.id},
        {"anchor", f.anchor},
        {"name", f.name.get(env.lang)},
        {"weight", f.weight},
        {"max", f.weight * m.highest_level().points},
        {"explanation", f.explanation.get(env.lang)},
        {"weight_text", env.f("feature_weight_text", {{"weight", std::to_string(f.weight)},
                                                      {"max", std::to_string(f.weight * m.highest_level().points)}})}};
    if (f.knockout) {
      const Level* l = m.level(f.knockout->level);
      const ClassBand* cap = m.class_band(f.knockout->cap);
      feature["knockout"] = {
          {"reason", f.knockout->reason.get(env.lang)},
          {"rule", env.f("knockout_rule", {{"level", l ? l->label.get(env.lang) : f.knockout->level},
                                           {"class", cap ? cap->label.get(env.lang) : f.knockout->cap}})}};
    }
    features.push_back(feature);
  }
  v["features"] = features;

  json rows = json::array();
  bool any_unverified = false;
  bool any_provisional = false;
  bool any_knockout = false;
  for (const ServiceScore& s : score.services) {
    json cells = json::array();
    for (const FeatureScore& fs : s.features) {
      json cell = level_view(env, fs.level, fs.unknown);
      cell["feature"] = fs.feature->name.get(env.lang);
      cell["unverified"] = fs.unverified();
      cell["knockout"] = fs.knockout_fired;
      any_unverified = any_unverified || fs.unverified();
      cells.push_back(cell);
    }
    json knockouts = json::array();
    for (const Feature* f : s.knockouts) knockouts.push_back(f->name.get(env.lang));
    any_provisional = any_provisional || s.provisional;
    any_knockout = any_knockout || !s.knockouts.empty();
    rows.push_back({{"rank", s.rank},
                    {"name", s.assessment->name},
                    {"vendor", s.assessment->vendor},
                    {"href", latest ? service_path(env.lang, c, s.assessment->id)
                                    : service_edition_path(env.lang, c, edition.date, s.assessment->id)},
                    {"points", s.points},
                    {"max", s.max_points},
                    {"class", class_view(env, *s.klass)},
                    {"provisional", s.provisional},
                    {"knockout", !s.knockouts.empty()},
                    {"depends_on_host", s.assessment->depends_on_host()},
                    {"unverified", s.unverified},
                    {"cells", cells}});
  }
  v["rows"] = rows;
  v["caption"] = env.f("ranking_caption", {{"category", name}, {"date", long_date(env, edition.date)}});
  v["any_unverified"] = any_unverified;
  v["any_provisional"] = any_provisional;
  v["any_knockout"] = any_knockout;
  if (latest) v["personal_href"] = personal_path(env.lang, c);

  json standards = json::array();
  for (const Standard& s : m.standards)
    standards.push_back({{"name", s.name.get(env.lang)}, {"reason", s.reason.get(env.lang)}});
  v["standards"] = standards;
  v["has_standards"] = !standards.empty();
  if (m.hosting_note) v["hosting_note"] = m.hosting_note->get(env.lang);

  json editions = json::array();
  for (auto it = c.scores.rbegin(); it != c.scores.rend(); ++it) {
    const Edition& e = *it->edition;
    editions.push_back({{"date", long_date(env, e.date)},
                        {"iso", e.date.to_string()},
                        {"href", &*it == c.latest() ? category_path(env.lang, c) : edition_path(env.lang, c, e.date)},
                        {"current", &*it == &score},
                        {"detail", env.count("edition_detail", static_cast<int>(it->services.size()),
                                             {{"version", std::to_string(e.methodology)}})}});
  }
  v["editions"] = editions;
  v["has_other_editions"] = editions.size() > 1;
  if (!edition.source.empty()) v["source"] = external_link(edition.source, edition.title.get(env.lang));
  v["methodology_href"] = methodology_path(env.lang, c, m.version == c.methodology->version ? 0 : m.version);
  v["changelog_href"] = changelog_path(env.lang, c);
  v["api_href"] = "/api/v1/categories/" + c.category->id + "/scores?edition=" + edition.date.to_string() +
                  "&lang=" + lang_code(env.lang);
  return render_page(env, "category", v);
}

}  // namespace privascore::web
