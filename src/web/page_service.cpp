// The service page: one service's result, reasoning and evidence.
#include <nlohmann/json.hpp>
#include "web/method_pages.h"
#include "web/pages.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

json evidence_view(const PageEnv& env, const Rating& rating) {
  json out = json::array();
  for (const Evidence& e : rating.evidence) {
    json item = external_link(e.url, e.title);
    item["quote"] = e.quote;
    if (e.retrieved) item["retrieved"] = env.f("retrieved_on", {{"date", long_date(env, *e.retrieved)}});
    out.push_back(item);
  }
  return out;
}

}  // namespace

Response service_page(const PageEnv& env, const CategoryView& c, const EditionScore& score, const ServiceScore& s,
                      bool edition_in_url) {
  const Edition& edition = *score.edition;
  const Methodology& m = *score.methodology;
  const Assessment& a = *s.assessment;
  const bool latest = &score == c.latest();
  const std::string category_name = c.name().get(env.lang);

  Frame frame;
  frame.title = a.name + " · " + category_name;
  frame.path = edition_in_url ? service_edition_path(env.lang, c, edition.date, a.id) : service_path(env.lang, c, a.id);
  frame.alternate_path =
      edition_in_url ? service_edition_path(env.other(), c, edition.date, a.id) : service_path(env.other(), c, a.id);
  frame.category = &c;
  frame.description = env.f("service_description", {{"service", a.name},
                                                    {"points", std::to_string(s.points)},
                                                    {"max", std::to_string(s.max_points)},
                                                    {"class", s.klass->label.get(env.lang)}});
  if (latest) {
    frame.crumbs = {{category_name, category_path(env.lang, c)}, {a.name, frame.path}};
  } else {
    frame.crumbs = {{category_name, category_path(env.lang, c)},
                    {long_date(env, edition.date), edition_path(env.lang, c, edition.date)},
                    {a.name, frame.path}};
  }
  json v = page_view(env, frame);

  json service = {{"id", a.id}, {"name", a.name}, {"vendor", a.vendor}, {"licence", a.licence}};
  if (!a.website.empty()) service["website"] = external_link(a.website, url_host(a.website));
  if (!a.repository.empty()) service["repository"] = external_link(a.repository, url_host(a.repository));
  if (a.note) service["note"] = a.note->get(env.lang);
  v["service"] = service;
  v["category"] = {{"name", category_name},
                   {"href", latest ? category_path(env.lang, c) : edition_path(env.lang, c, edition.date)}};
  v["edition"] = {{"date", long_date(env, edition.date)}, {"iso", edition.date.to_string()}, {"latest", latest}};
  if (!latest) {
    const ServiceScore* now = c.latest()->service(a.id);
    v["older"] = {
        {"text", env.f(now ? "service_older_notice" : "service_left_notice", {{"date", long_date(env, edition.date)}})},
        {"href", now ? service_path(env.lang, c, a.id) : category_path(env.lang, c)},
        {"link", env.t(now ? "to_latest_assessment" : "to_latest_edition")}};
  }

  int same_rank = 0;
  for (const auto& other : score.services) same_rank += other.rank == s.rank ? 1 : 0;
  json scale = json::array();
  for (const ClassBand& band : m.classes) {
    json item = class_view(env, band);
    item["active"] = &band == s.klass;
    scale.push_back(item);
  }
  v["score"] = {
      {"points", s.points},
      {"max", s.max_points},
      {"points_text",
       env.f("points_of_max", {{"points", std::to_string(s.points)}, {"max", std::to_string(s.max_points)}})},
      {"rank_text",
       env.f(same_rank > 1 ? "rank_of_shared" : "rank_of", {{"rank", std::to_string(s.rank)},
                                                            {"count", std::to_string(score.services.size())},
                                                            {"shared", std::to_string(same_rank)}})},
      {"class", class_view(env, *s.klass)},
      {"scale", scale},
      {"provisional", s.provisional},
      {"has_unverified", s.unverified > 0},
      {"unverified_text", env.count("unverified_count", s.unverified, {{"total", std::to_string(s.feature_count)}})},
      {"coverage_text", env.f("coverage_text", {{"percent", std::to_string(s.coverage_percent())}})}};
  if (s.klass != s.computed_class) {
    v["score"]["capped"] = env.f(
        "capped_text", {{"computed", s.computed_class->label.get(env.lang)}, {"class", s.klass->label.get(env.lang)}});
  }
  json knockouts = json::array();
  for (const Feature* f : s.knockouts)
    knockouts.push_back({{"feature", f->name.get(env.lang)}, {"reason", f->knockout->reason.get(env.lang)}});
  v["knockouts"] = knockouts;

  json table = json::array();
  json features = json::array();
  int lost = 0;
  for (const FeatureScore& fs : s.features) {
    const int level_points = fs.level ? fs.level->points : 0;
    const std::string formula = env.f("points_formula", {{"weight", std::to_string(fs.feature->weight)},
                                                         {"level_points", std::to_string(level_points)},
                                                         {"points", std::to_string(fs.points)}});
    lost += fs.lost();
    table.push_back({{"name", fs.feature->name.get(env.lang)},
                     {"anchor", fs.feature->anchor},
                     {"level", level_view(env, fs.level, fs.unknown)},
                     {"weight", fs.feature->weight},
                     {"formula", formula},
                     {"points", fs.points},
                     {"max", fs.max_points},
                     {"lost", fs.lost() == 0 ? std::string("0") : signed_points(-fs.lost())},
                     {"unverified", fs.unverified()}});
    json feature = {
        {"name", fs.feature->name.get(env.lang)},
        {"anchor", fs.feature->anchor},
        {"level", level_view(env, fs.level, fs.unknown)},
        {"unverified", fs.unverified()},
        {"status_label", env.t(fs.unverified() ? "status_unverified" : "status_sourced")},
        {"status_css", fs.unverified() ? "unverified" : "sourced"},
        {"points_text", env.f("feature_points_text", {{"formula", formula}, {"max", std::to_string(fs.max_points)}})},
        {"knockout", fs.knockout_fired},
        {"unknown", fs.unknown}};
    if (fs.rating) {
      feature["justification"] = paragraphs(fs.rating->justification.get(env.lang));
      json evidence = evidence_view(env, *fs.rating);
      feature["has_evidence"] = !evidence.empty();
      feature["evidence"] = evidence;
    } else {
      feature["has_evidence"] = false;
    }
    features.push_back(feature);
  }
  v["points_table"] = table;
  v["total"] = {
      {"points", s.points}, {"max", s.max_points}, {"lost", lost == 0 ? std::string("0") : signed_points(-lost)}};
  v["features"] = features;
  v["explain_caption"] = env.f("explain_caption", {{"service", a.name}});

  // History: every edition in which the service appears.
  json history = json::array();
  json columns = json::array();
  std::vector<const EditionScore*> appearances;
  for (const EditionScore& e : c.scores)
    if (e.service(a.id)) appearances.push_back(&e);
  const ServiceScore* previous = nullptr;
  for (const EditionScore* e : appearances) {
    const ServiceScore* here = e->service(a.id);
    const bool is_latest = e == c.latest();
    history.push_back({{"date", long_date(env, e->edition->date)},
                       {"href", is_latest ? service_path(env.lang, c, a.id)
                                          : service_edition_path(env.lang, c, e->edition->date, a.id)},
                       {"current", e == &score},
                       {"points", here->points},
                       {"max", here->max_points},
                       {"class", class_view(env, *here->klass)},
                       {"rank", env.f("rank_short", {{"rank", std::to_string(here->rank)},
                                                     {"count", std::to_string(e->services.size())}})},
                       {"delta", previous ? signed_points(here->points - previous->points) : std::string("–")}});
    columns.push_back({{"date", long_date(env, e->edition->date)}});
    previous = here;
  }
  json feature_rows = json::array();
  for (const Feature& f : m.features) {
    json cells = json::array();
    for (const EditionScore* e : appearances) {
      const FeatureScore* fs = e->service(a.id)->feature(f.id);
      if (!fs) {
        cells.push_back({{"absent", true}, {"text", env.t("not_scored")}});
        continue;
      }
      json cell = level_view(env, fs->level, fs->unknown);
      cell["absent"] = false;
      cell["points"] = fs->points;
      cells.push_back(cell);
    }
    feature_rows.push_back({{"name", f.name.get(env.lang)}, {"anchor", f.anchor}, {"cells", cells}});
  }
  v["history"] = history;
  v["history_columns"] = columns;
  v["feature_history"] = feature_rows;
  v["has_history"] = appearances.size() > 1;

  json notes = json::array();
  for (auto it = c.category->editions.rbegin(); it != c.category->editions.rend(); ++it) {
    for (const EditionNote& n : it->notes) {
      if (n.service != a.id) continue;
      notes.push_back({{"date", long_date(env, it->date)},
                       {"kind", n.kind},
                       {"kind_label", env.t("note_kind_" + n.kind)},
                       {"text", n.text.get(env.lang)},
                       {"reason", n.reason.get(env.lang)}});
    }
  }
  v["notes"] = notes;
  v["has_notes"] = !notes.empty();
  v["methodology_href"] = methodology_path(env.lang, c);
  v["api_href"] = "/api/v1/categories/" + c.category->id + "/services/" + a.id +
                  "?edition=" + edition.date.to_string() + "&lang=" + lang_code(env.lang);
  // The method: every hosting variant, and how robust the class is.
  v["hosting"] = variants_view(env, score, s);
  v["robustness"] = robustness_view(env, c, score, s);
  if (env.config.reports) {
    // The form posts to the editor's public route (src/editor_web/public_reports.cpp).
    json report_features = json::array();
    for (const Feature& f : c.methodology->features)
      report_features.push_back({{"id", f.id}, {"name", f.name.get(env.lang)}, {"selected", false}});
    v["report"] = {{"action", report_path(env.lang)},
                   {"category", c.category->id},
                   {"service", a.id},
                   {"message", ""},
                   {"contact", ""},
                   {"features", report_features}};
  }
  return render_page(env, "service", v);
}

}  // namespace privascore::web
