// The JSON documents of docs/json.md: scores, explanations, hosting
// variants and diffs, as the CLI prints them and the web API serves them.
#include "render/score_json.h"

namespace privascore {

namespace {

using nlohmann::json;

json feature_json(const FeatureScore& f, Lang lang) {
  json j;
  j["id"] = f.feature->id;
  j["name"] = f.feature->name.get(lang);
  j["level"] = f.unknown ? std::string(Rating::k_unknown) : f.level->id;
  j["counted_level"] = f.level->id;
  j["points"] = f.points;
  j["max_points"] = f.max_points;
  j["weight"] = f.feature->weight;
  j["status"] = f.rating ? to_string(f.rating->status) : "unverified";
  j["knockout"] = f.knockout_fired;
  return j;
}

json service_json(const ServiceScore& s, Lang lang) {
  json j;
  j["id"] = s.assessment->id;
  j["name"] = s.assessment->name;
  j["vendor"] = s.assessment->vendor;
  j["points"] = s.points;
  j["max_points"] = s.max_points;
  j["class"] = s.klass->id;
  j["class_label"] = s.klass->label.get(lang);
  j["computed_class"] = s.computed_class->id;
  j["rank"] = s.rank;
  j["provisional"] = s.provisional;
  j["coverage_percent"] = s.coverage_percent();
  j["unverified_features"] = s.unverified;
  // Hosting variants: the ranked score is the default variant's.
  j["depends_on_host"] = s.assessment->depends_on_host();
  j["variant_count"] = s.assessment->variants.size();
  if (const Variant* v = s.assessment->default_variant()) j["default_variant"] = v->id;
  json knockouts = json::array();
  for (const Feature* f : s.knockouts) {
    knockouts.push_back({{"feature", f->id},
                         {"level", f->knockout->level},
                         {"cap", f->knockout->cap},
                         {"reason", f->knockout->reason.get(lang)}});
  }
  j["knockouts"] = knockouts;
  json features = json::array();
  for (const auto& f : s.features) features.push_back(feature_json(f, lang));
  j["features"] = features;
  return j;
}

json methodology_summary(const Methodology& m, Lang lang) {
  json levels = json::array();
  for (const auto& l : m.levels) {
    levels.push_back({{"id", l.id}, {"points", l.points}, {"symbol", l.symbol}, {"label", l.label.get(lang)}});
  }
  json classes = json::array();
  for (const auto& c : m.classes) {
    classes.push_back({{"id", c.id}, {"label", c.label.get(lang)}, {"range", c.range_text(lang)}});
  }
  json features = json::array();
  for (const auto& f : m.features) {
    features.push_back({{"id", f.id}, {"anchor", f.anchor}, {"name", f.name.get(lang)}, {"weight", f.weight}});
  }
  return {{"version", m.version},
          {"weights_provenance", to_string(m.weights_provenance)},
          {"levels", levels},
          {"classes", classes},
          {"features", features}};
}

json explain_document(const Category& category, const EditionScore& score, const ServiceScore& s, Lang lang) {
  json j = service_json(s, lang);
  j["category"] = category.id;
  j["edition"] = score.edition->date.to_string();
  j["methodology_version"] = score.methodology->version;
  j["website"] = s.assessment->website;
  if (!s.assessment->licence.empty()) j["licence"] = s.assessment->licence;
  if (!s.assessment->repository.empty()) j["repository"] = s.assessment->repository;
  if (s.assessment->note) j["note"] = s.assessment->note->get(lang);
  for (std::size_t i = 0; i < s.features.size(); ++i) {
    const FeatureScore& f = s.features[i];
    json& fj = j["features"][i];
    fj["lost"] = f.lost();
    if (f.rating) {
      fj["justification"] = f.rating->justification.get(lang);
      json evidence = json::array();
      for (const auto& e : f.rating->evidence) {
        json ej = {{"url", e.url}, {"title", e.title}};
        if (!e.quote.empty()) ej["quote"] = e.quote;
        if (e.retrieved) ej["retrieved"] = e.retrieved->to_string();
        evidence.push_back(ej);
      }
      fj["evidence"] = evidence;
    }
  }
  return j;
}

}  // namespace

json score_json(const Category& category, const EditionScore& score, Lang lang) {
  json j;
  j["category"] = category.id;
  j["category_name"] = score.methodology->name.get(lang);
  j["edition"] = score.edition->date.to_string();
  j["lang"] = lang_code(lang);
  j["max_points"] = score.max_points;
  j["min_points"] = score.min_points;
  j["methodology"] = methodology_summary(*score.methodology, lang);
  j["scored_under_other_methodology"] = score.methodology->version != score.edition->methodology;
  json services = json::array();
  for (const auto& s : score.services) services.push_back(service_json(s, lang));
  j["services"] = services;
  return j;
}

json variants_json(const std::vector<VariantScore>& variants, Lang lang) {
  json out = json::array();
  for (const auto& v : variants) {
    json j = {{"id", v.variant->id},
              {"name", v.variant->name.get(lang)},
              {"default", v.variant->is_default},
              {"overridden", v.overridden},
              {"points_delta", v.points_delta}};
    if (!v.variant->operator_name.empty()) j["operator"] = v.variant->operator_name;
    if (!v.variant->url.empty()) j["url"] = v.variant->url;
    if (v.variant->note) j["note"] = v.variant->note->get(lang);
    if (v.service) {
      j["points"] = v.service->points;
      j["max_points"] = v.service->max_points;
      j["class"] = v.service->klass->id;
      j["rank"] = v.service->rank;
      j["provisional"] = v.service->provisional;
      j["unverified_features"] = v.service->unverified;
    }
    out.push_back(j);
  }
  return out;
}

json explain_json(const Category& category, const EditionScore& score, const ServiceScore& s, Lang lang) {
  json j = explain_document(category, score, s, lang);
  if (s.assessment->depends_on_host()) {
    const auto variants = score_variants(*score.methodology, *score.edition, *s.assessment);
    const Variant* def = s.assessment->default_variant();
    j["variant"] = def ? def->id : std::string();
    j["variants"] = variants_json(variants, lang);
  }
  return j;
}

json explain_variant_json(const Category& category, const VariantScore& shown, const std::vector<VariantScore>& all,
                          Lang lang) {
  json j = explain_document(category, shown.score, *shown.service, lang);
  j["variant"] = shown.variant->id;
  j["variants"] = variants_json(all, lang);
  return j;
}

json diff_json(const Category& category, const EditionDiff& diff, Lang lang) {
  json j;
  j["category"] = category.id;
  j["from"] = {{"edition", diff.from->date.to_string()},
               {"methodology", diff.from->methodology},
               {"max_points", diff.from_methodology ? diff.from_methodology->max_points() : 0}};
  j["to"] = {{"edition", diff.to->date.to_string()},
             {"methodology", diff.to->methodology},
             {"max_points", diff.to_methodology ? diff.to_methodology->max_points() : 0}};
  j["joined"] = diff.joined;
  j["left"] = diff.left;
  j["unchanged"] = diff.unchanged;
  json changed = json::array();
  for (const auto& c : diff.changed) {
    json causes = json::array();
    for (const auto& f : c.causes) {
      causes.push_back({{"feature", f.feature},
                        {"from_level", f.from_level},
                        {"to_level", f.to_level},
                        {"from_points", f.from_points},
                        {"to_points", f.to_points},
                        {"from_weight", f.from_weight},
                        {"to_weight", f.to_weight},
                        {"delta", f.delta()},
                        {"from_status", f.from_status},
                        {"to_status", f.to_status}});
    }
    changed.push_back({{"id", c.id},
                       {"name", c.name},
                       {"from_points", c.from_points},
                       {"to_points", c.to_points},
                       {"delta", c.delta()},
                       {"delta_from_ratings", c.delta_from_ratings},
                       {"delta_from_methodology", c.delta_from_methodology},
                       {"from_class", c.from_class},
                       {"to_class", c.to_class},
                       {"from_rank", c.from_rank},
                       {"to_rank", c.to_rank},
                       {"causes", causes}});
  }
  j["changed"] = changed;
  json mchanges = json::array();
  for (const auto& m : diff.methodology_changes) {
    mchanges.push_back({{"kind", m.kind}, {"subject", m.subject}, {"from", m.from}, {"to", m.to}});
  }
  j["methodology_changes"] = mchanges;
  json notes = json::array();
  for (const auto& n : diff.to->notes) {
    json nj = {{"kind", n.kind}, {"text", n.text.get(lang)}, {"reason", n.reason.get(lang)}};
    if (!n.service.empty()) nj["service"] = n.service;
    if (!n.feature.empty()) nj["feature"] = n.feature;
    notes.push_back(nj);
  }
  j["notes"] = notes;
  return j;
}

}  // namespace privascore
