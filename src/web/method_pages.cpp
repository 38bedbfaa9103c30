#include "web/method_pages.h"
#include <nlohmann/json.hpp>

#include <cstdio>

#include "method/derivation.h"
#include "method/personal.h"
#include "method/robustness.h"
#include "scoring/variants.h"
#include "web/query.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

// "97.3 %" / "97,3 %".
std::string percent(double share, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", share * 100.0);
  std::string out = buffer;
  if (lang == Lang::de)
    for (char& c : out)
      if (c == '.') c = ',';
  return out + "\u00a0%";
}

std::string tenths(int value, Lang lang) {
  std::string out = std::to_string(value / 10) + (lang == Lang::de ? "," : ".") + std::to_string(value % 10);
  return out;
}

std::string ranks(const method::ServiceRobustness& r) {
  return r.min_rank == r.max_rank ? std::to_string(r.min_rank)
                                  : std::to_string(r.min_rank) + "\u2013" + std::to_string(r.max_rank);
}

}  // namespace

json variants_view(const PageEnv& env, const EditionScore& score, const ServiceScore& s) {
  if (!s.assessment->depends_on_host()) return {{"has_variants", false}};
  const auto variants = score_variants(*score.methodology, *score.edition, *s.assessment);
  json items = json::array();
  for (const VariantScore& v : variants) {
    if (!v.service) continue;
    std::vector<std::string> differs;
    for (const auto& id : v.overridden)
      if (const Feature* f = score.methodology->feature(id)) differs.push_back(f->name.get(env.lang));
    std::string differs_text;
    for (const auto& d : differs) differs_text += (differs_text.empty() ? "" : ", ") + d;
    json item = {
        {"name", v.variant->name.get(env.lang)},
        {"points", v.service->points},
        {"max", v.service->max_points},
        {"class", class_view(env, *v.service->klass)},
        {"rank_text", env.f("rank_of", {{"rank", std::to_string(v.service->rank)},
                                        {"count", std::to_string(score.services.size())}})},
        {"default", v.variant->is_default},
        {"differs", differs_text.empty() ? std::string() : env.f("variant_differs", {{"features", differs_text}})},
        {"unverified", v.service->unverified > 0}};
    if (!v.variant->operator_name.empty())
      item["operator"] = env.f("variant_operator", {{"operator", v.variant->operator_name}});
    if (v.variant->note) item["note"] = v.variant->note->get(env.lang);
    if (!v.variant->url.empty()) item["link"] = external_link(v.variant->url, url_host(v.variant->url));
    items.push_back(item);
  }
  return {{"has_variants", !items.empty()}, {"variants", items}};
}

json robustness_view(const PageEnv& env, const CategoryView& c, const EditionScore& score, const ServiceScore& s) {
  const method::RobustnessOptions options;  // the documented defaults: 10,000 weightings, seed 1
  auto compute = [&] {
    RobustnessMemo::Result result;
    method::RobustnessOptions o = options;
    if (auto r = method::robustness(*score.methodology, *score.edition, o)) result.pm25 = std::move(*r);
    o.model = method::WeightModel::order;
    if (auto r = method::robustness(*score.methodology, *score.edition, o)) result.order = std::move(*r);
    return result;
  };
  // The category's memo when score is one of its editions (always, from the
  // pages); otherwise computed for this call.
  std::size_t index = 0;
  while (index < c.scores.size() && &c.scores[index] != &score) ++index;
  const bool memoised = c.robustness && index < c.robustness->size();
  RobustnessMemo::Result local;
  if (!memoised) local = compute();
  const RobustnessMemo::Result& result = memoised ? c.robustness->get(index, compute) : local;
  const auto& pm25 = result.pm25;
  const auto& order = result.order;
  if (!pm25 || !order) return json::object();
  const method::ServiceRobustness* a = pm25->service(s.assessment->id);
  const method::ServiceRobustness* b = order->service(s.assessment->id);
  if (!a || !b) return json::object();
  const std::string klass = s.klass->label.get(env.lang);
  return {
      {"stable", a->stable},
      {"verdict", env.t(a->stable ? "robustness_stable" : "robustness_borderline")},
      {"text", env.f("robustness_pm25_text", {{"share", percent(a->kept_share(), env.lang)},
                                              {"class", klass},
                                              {"samples", std::to_string(options.samples)},
                                              {"ranks", ranks(*a)}})},
      {"order_text", env.f("robustness_order_text",
                           {{"share", percent(b->kept_share(), env.lang)},
                            {"verdict", env.t(b->stable ? "robustness_stable_lower" : "robustness_borderline_lower")},
                            {"ranks", ranks(*b)}})},
      {"href", methodology_path(env.lang, c) + "#robustness"}};
}

json literature_view(const PageEnv& env, const Methodology& m) {
  const auto d = method::derive_weights(m);
  if (!d) return {{"derived", false}};
  json rows = json::array();
  for (const auto& f : d->features) {
    if (!f.scored()) continue;
    rows.push_back({{"name", f.feature->name.get(env.lang)},
                    {"count", env.f("method_literature_count",
                                    {{"count", std::to_string(f.count)}, {"total", std::to_string(d->source_count)}})},
                    {"rank", f.rank},
                    {"derived", f.derived_weight},
                    {"stated", f.stated_weight},
                    {"agrees", f.agrees()}});
  }
  json sources = json::array();
  for (const auto& src : m.sources) {
    std::string names;
    for (const auto& id : src.names) {
      const Feature* f = m.feature(id);
      std::string label = id;
      if (f) label = f->name.get(env.lang);
      for (const auto& st : m.standards)
        if (st.id == id) label = st.name.get(env.lang);
      names += (names.empty() ? "" : ", ") + label;
    }
    json item = {{"title", src.title},
                 {"year", src.year},
                 {"kind", env.t("source_kind_" + src.kind)},
                 {"names", env.f("method_literature_names", {{"features", names}})}};
    if (!src.url.empty()) item["link"] = external_link(src.url, src.title);
    sources.push_back(item);
  }
  const std::string rule = d->rule->rule == "proportional"
                               ? env.f("method_rule_proportional", {{"factor", std::to_string(d->rule->factor)}})
                               : env.f("method_rule_rank_frequency", {{"lowest", std::to_string(d->rule->lowest)},
                                                                      {"step", std::to_string(d->rule->step)},
                                                                      {"ranks", std::to_string(d->rank_count)}});
  return {{"derived", true}, {"rule", rule}, {"rows", rows}, {"sources", sources}};
}

Response personal_page(const PageEnv& env, const CategoryView& c, const std::string& raw) {
  const EditionScore& official = *c.latest();
  const Methodology& m = *official.methodology;
  const std::string name = c.name().get(env.lang);

  Frame frame;
  frame.title = env.t("personal_title") + " · " + name;
  frame.path = personal_path(env.lang, c);
  frame.alternate_path = personal_path(env.other(), c);
  frame.category = &c;
  frame.description = env.t("personal_intro");
  frame.crumbs = {{name, category_path(env.lang, c)}, {env.t("personal_title"), frame.path}};
  json v = page_view(env, frame);

  // Parameters: w.<feature>=…; everything else is ignored (the form sends only these).
  int status = 200;
  std::string error;
  method::PersonalWeights weights = method::PersonalWeights::as_published(m);
  if (auto query = parse_query(raw)) {
    auto parsed = method::parse_personal_weights(m, query->params);
    if (parsed) {
      weights = *parsed;
    } else {
      status = 400;
      error = parsed.error().message;
    }
  } else {
    status = 400;
    error = env.t("personal_bad_query");
  }

  json features = json::array();
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    json options = json::array();
    for (auto importance : {method::Importance::ignore, method::Importance::less, method::Importance::published,
                            method::Importance::more}) {
      options.push_back({{"value", method::to_string(importance)},
                         {"label", env.t(std::string("importance_") + method::to_string(importance))},
                         {"selected", weights.importance[i] == importance}});
    }
    features.push_back({{"id", m.features[i].id},
                        {"name", m.features[i].name.get(env.lang)},
                        {"weight", m.features[i].weight},
                        {"field", "w." + m.features[i].id},
                        {"options", options}});
  }
  v["category"] = {{"name", name}, {"href", category_path(env.lang, c)}};
  v["edition"] = {{"date", long_date(env, official.edition->date)}};
  v["form_action"] = frame.path;
  v["features"] = features;
  v["error"] = error;
  v["script"] = env.assets.static_url("personal.js");

  const auto ranking = method::personal_ranking(official, weights);
  if (!ranking) {
    v["empty"] = env.t("personal_all_ignored");
  } else {
    json rows = json::array();
    for (const auto& p : ranking->services) {
      rows.push_back({{"rank", p.rank},
                      {"name", p.official->assessment->name},
                      {"href", service_path(env.lang, c, p.official->assessment->id)},
                      {"points", tenths(p.scaled_tenths, env.lang)},
                      {"class", class_view(env, *p.klass)},
                      {"official_points", p.official->points},
                      {"official_class", class_view(env, *p.official->klass)},
                      {"official_rank", p.official->rank},
                      {"knockout", !p.knockouts.empty()}});
    }
    v["rows"] = rows;
    v["max"] = m.max_points();
    const std::string query = method::personal_query(m, weights);
    v["share_href"] = query.empty() ? frame.path : frame.path + "?" + query;
    v["as_published"] = weights.all_published();
    v["api_href"] = "/api/v1/categories/" + c.category->id + "/personal" + (query.empty() ? "" : "?" + query);
  }
  Response r = render_page(env, "personal", v, status);
  return r;
}

}  // namespace privascore::web
