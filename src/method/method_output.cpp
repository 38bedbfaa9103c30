#include "method/method_output.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "render/messages.h"
#include "util/text.h"

namespace privascore::method {

namespace {

using nlohmann::json;

std::string pad_right(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : std::string(width - w, ' ') + s;
}

// A share as "97.3 %" (German: "97,3 %").
std::string percent(double share, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", share * 100.0);
  std::string out = buffer;
  if (lang == Lang::de) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string one_decimal(double value, Lang lang) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string out = buffer;
  if (lang == Lang::de) std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

// A rounded double for JSON: figures derived from samplings carry no more
// precision than this.
double rounded(double value, double unit) {
  return static_cast<double>(static_cast<long long>(value / unit + (value >= 0 ? 0.5 : -0.5))) * unit;
}

std::string rule_text(const DerivationRule& rule, int rank_count, Lang lang) {
  if (rule.rule == "proportional") {
    return tr(lang, "cli_method_rule_proportional", {{"factor", std::to_string(rule.factor)}});
  }
  return tr(lang, "cli_method_rule_rank_frequency",
            {{"lowest", std::to_string(rule.lowest)},
             {"step", std::to_string(rule.step)},
             {"ranks", std::to_string(rank_count)}});
}

// The sentence on how the weights were obtained.
std::string provenance_sentence(WeightsProvenance p, Lang lang) {
  switch (p) {
    case WeightsProvenance::published: return tr(lang, "cli_method_provenance_published");
    case WeightsProvenance::derived: return tr(lang, "cli_method_provenance_derived");
    case WeightsProvenance::reconstructed: break;
  }
  return tr(lang, "cli_method_provenance_reconstructed");
}

}  // namespace

// ---- weights ----

json weights_json(const Category& category, const Methodology& m, const std::optional<WeightDerivation>& d, Lang lang) {
  json j;
  j["category"] = category.id;
  j["methodology"] = m.version;
  j["weights_provenance"] = to_string(m.weights_provenance);
  j["provenance_note"] = m.provenance_note.get(lang);
  j["derivation_published"] = d.has_value();
  json weights = json::array();
  for (const auto& f : m.features) weights.push_back({{"id", f.id}, {"name", f.name.get(lang)}, {"weight", f.weight}});
  j["weights"] = weights;
  if (!d) {
    j["derivation"] = nullptr;
    return j;
  }
  json rule = {{"rule", d->rule->rule}};
  if (d->rule->rule == "proportional") {
    rule["factor"] = d->rule->factor;
  } else {
    rule["lowest"] = d->rule->lowest;
    rule["step"] = d->rule->step;
  }
  json features = json::array();
  for (const auto& ff : d->features) {
    json fj = {{"id", ff.id}, {"scored", ff.scored()}, {"count", ff.count}};
    if (ff.scored()) {
      fj["name"] = ff.feature->name.get(lang);
      fj["rank"] = ff.rank;
      fj["derived_weight"] = ff.derived_weight;
      fj["stated_weight"] = ff.stated_weight;
      fj["agrees"] = ff.agrees();
    } else {
      for (const auto& s : m.standards)
        if (s.id == ff.id) fj["name"] = s.name.get(lang);
    }
    features.push_back(fj);
  }
  json sources = json::array();
  for (const auto& s : m.sources) {
    json sj = {{"id", s.id}, {"title", s.title}, {"year", s.year}, {"kind", s.kind}, {"names", s.names}};
    if (!s.url.empty()) sj["url"] = s.url;
    sources.push_back(sj);
  }
  j["derivation"] = {{"rule", rule},
                     {"source_count", d->source_count},
                     {"rank_count", d->rank_count},
                     {"sources_by_kind", d->sources_by_kind},
                     {"features", features},
                     {"agrees", d->agrees()}};
  j["sources"] = sources;
  return j;
}

std::string weights_text(const Category& category, const Methodology& m, const std::optional<WeightDerivation>& d,
                         Lang lang) {
  std::string out = "PRIVA SCORE · " + m.name.get(lang) + " (" + category.id + ") · " +
                    tr(lang, "cli_method_methodology") + " v" + std::to_string(m.version) + " · " +
                    tr(lang, "cli_method_weights_are", {{"provenance", to_string(m.weights_provenance)}}) + "\n";
  out += provenance_sentence(m.weights_provenance, lang) + "\n";
  if (!d) {
    out += "\n" + m.provenance_note.get(lang) + "\n\n";
    std::size_t width = display_width(tr(lang, "cli_method_feature"));
    for (const auto& f : m.features) width = std::max(width, display_width(f.name.get(lang)));
    out += pad_right(tr(lang, "cli_method_feature"), width) + "  " + tr(lang, "cli_method_weight") + "\n";
    for (const auto& f : m.features) {
      out += pad_right(f.name.get(lang), width) + "  " + pad_left(std::to_string(f.weight), 7) + "\n";
    }
    out += pad_right(tr(lang, "cli_method_total"), width) + "  " + pad_left(std::to_string(m.weight_sum()), 7) + "\n";
    return out;
  }
  std::vector<std::string> kinds;
  for (const auto& [kind, count] : d->sources_by_kind) kinds.push_back(kind + " " + std::to_string(count));
  out += "\n" +
         tr(lang, "cli_method_literature_table",
            {{"count", std::to_string(d->source_count)}, {"kinds", join(kinds, ", ")}}) +
         "\n";
  out += rule_text(*d->rule, d->rank_count, lang) + "\n\n";

  std::size_t width = display_width(tr(lang, "cli_method_feature"));
  for (const auto& ff : d->features) {
    if (ff.scored()) width = std::max(width, display_width(ff.feature->name.get(lang)));
  }
  out += pad_right(tr(lang, "cli_method_feature"), width) + "  " + pad_left(tr(lang, "cli_method_named"), 9) + "  " +
         pad_left(tr(lang, "cli_method_rank"), 4) + "  " + pad_left(tr(lang, "cli_method_derived"), 10) + "  " +
         pad_left(tr(lang, "cli_method_stated"), 9) + "\n";
  for (const auto& ff : d->features) {
    if (!ff.scored()) continue;
    out += pad_right(ff.feature->name.get(lang), width) + "  " +
           pad_left(std::to_string(ff.count) + "/" + std::to_string(d->source_count), 9) + "  " +
           pad_left(std::to_string(ff.rank), 4) + "  " + pad_left(std::to_string(ff.derived_weight), 10) + "  " +
           pad_left(std::to_string(ff.stated_weight), 9) + (ff.agrees() ? "" : "  " + tr(lang, "cli_method_differs")) +
           "\n";
  }
  std::vector<std::string> standards;
  for (const auto& ff : d->features) {
    if (ff.scored()) continue;
    standards.push_back(ff.id + " (" + std::to_string(ff.count) + "/" + std::to_string(d->source_count) + ")");
  }
  if (!standards.empty()) {
    out += tr(lang, "cli_method_named_not_scored", {{"standards", join(standards, ", ")}}) + "\n";
  }
  out += "\n" + tr(lang, "cli_method_sources") + "\n";
  for (const auto& s : m.sources) {
    out += "  " + s.id + ": " + s.title + " (" + std::to_string(s.year) + ", " + s.kind + ")";
    if (!s.url.empty()) out += " <" + s.url + ">";
    out += "\n    " + tr(lang, "cli_method_names", {{"features", join(s.names, ", ")}}) + "\n";
  }
  out += "\n" + (d->agrees() ? tr(lang, "cli_method_weights_agree") : tr(lang, "cli_method_weights_disagree")) + "\n";
  return out;
}

// ---- robustness ----

const char* verdict(const ServiceRobustness& s) {
  return s.stable ? "stable" : "borderline";
}

std::string model_description(const RobustnessOptions& o, Lang lang) {
  if (o.model == WeightModel::order) {
    return tr(lang, "cli_method_model_order");
  }
  const std::string spread = std::to_string(static_cast<int>(o.spread * 100.0 + 0.5));
  return tr(lang, "cli_method_model_spread", {{"spread", spread}});
}

json service_robustness_json(const Methodology& m, const ServiceRobustness& s) {
  json shares = json::object();
  std::uint64_t total = 0;
  for (auto c : s.class_counts) total += c;
  for (std::size_t c = 0; c < s.class_counts.size() && c < m.classes.size(); ++c) {
    shares[m.classes[c].id] = total ? rounded(static_cast<double>(s.class_counts[c]) / total, 1e-4) : 0.0;
  }
  json j = {{"official_rank", s.official_rank},
            {"official_class", s.official_class < m.classes.size() ? m.classes[s.official_class].id : ""},
            {"kept_class_share", rounded(s.kept_share(), 1e-4)},
            {"kept_class_samples", s.kept_class},
            {"class_shares", shares},
            {"min_rank", s.min_rank},
            {"max_rank", s.max_rank},
            {"min_points", rounded(s.min_points, 0.1)},
            {"max_points", rounded(s.max_points, 0.1)},
            {"verdict", verdict(s)}};
  if (!s.id.empty()) {
    j["id"] = s.id;
    j["name"] = s.name;
  }
  return j;
}

json robustness_json(const Category& category, const Methodology& m, const Edition& edition, const RobustnessResult& r,
                     Lang lang) {
  json services = json::array();
  for (const auto& s : r.services) services.push_back(service_robustness_json(m, s));
  return {{"category", category.id},
          {"edition", edition.date.to_string()},
          {"methodology", m.version},
          {"model", to_string(r.options.model)},
          {"model_description", model_description(r.options, lang)},
          {"samples", r.options.samples},
          {"seed", r.options.seed},
          {"spread", r.options.model == WeightModel::pm25 ? json(r.options.spread) : json(nullptr)},
          {"stable_share", r.options.stable_share},
          {"weight_sum", m.weight_sum()},
          {"services", services}};
}

std::string robustness_text(const Category& category, const Methodology& m, const Edition& edition,
                            const RobustnessResult& r, Lang lang) {
  std::string out = "PRIVA SCORE · " + m.name.get(lang) + " (" + category.id + ") · " +
                    tr(lang, "cli_method_edition", {{"date", edition.date.to_string()}}) + " · " +
                    tr(lang, "cli_method_methodology") + " v" + std::to_string(m.version) + "\n";
  out += tr(lang, "cli_method_robustness_model",
            {{"model", to_string(r.options.model)}, {"description", model_description(r.options, lang)}}) +
         "\n";
  out += tr(lang, "cli_method_robustness_samples",
            {{"samples", std::to_string(r.options.samples)},
             {"seed", std::to_string(r.options.seed)},
             {"share", percent(r.options.stable_share, lang)}}) +
         "\n\n";

  std::size_t name_width = display_width(tr(lang, "cli_method_service"));
  for (const auto& s : r.services) name_width = std::max(name_width, display_width(s.name));
  std::size_t class_width = display_width(tr(lang, "cli_method_class"));
  for (const auto& c : m.classes) class_width = std::max(class_width, display_width(c.symbol + " " + c.id));
  out += pad_left(tr(lang, "cli_method_rank_heading"), 4) + "  " +
         pad_right(tr(lang, "cli_method_service"), name_width) + "  " +
         pad_right(tr(lang, "cli_method_class"), class_width) + "  " + pad_left(tr(lang, "cli_method_kept"), 8) + "  " +
         pad_left(tr(lang, "cli_method_ranks"), 7) + "  " + pad_left(tr(lang, "cli_method_points"), 13) + "  " +
         tr(lang, "cli_method_verdict") + "\n";
  for (const auto& s : r.services) {
    const ClassBand& c = m.classes[s.official_class];
    const std::string ranks = s.min_rank == s.max_rank ? std::to_string(s.min_rank)
                                                       : std::to_string(s.min_rank) + "–" + std::to_string(s.max_rank);
    out += pad_left(std::to_string(s.official_rank), 4) + "  " + pad_right(s.name, name_width) + "  " +
           pad_right(c.symbol + " " + c.id, class_width) + "  " + pad_left(percent(s.kept_share(), lang), 8) + "  " +
           pad_left(ranks, 7) + "  " +
           pad_left(one_decimal(s.min_points, lang) + "–" + one_decimal(s.max_points, lang), 13) + "  " +
           (s.stable ? tr(lang, "cli_method_stable") : tr(lang, "cli_method_borderline")) + "\n";
  }
  return out;
}

// ---- personal weights ----

json personal_json(const Category& category, const PersonalRanking& r, Lang lang) {
  const Methodology& m = *r.official->methodology;
  json weights = json::array();
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    weights.push_back({{"feature", m.features[i].id},
                       {"name", m.features[i].name.get(lang)},
                       {"importance", to_string(r.weights.importance[i])},
                       {"published_weight", m.features[i].weight},
                       {"personal_weight", r.half_weights[i] / 2.0}});
  }
  json services = json::array();
  for (const auto& s : r.services) {
    json ko = json::array();
    for (const Feature* f : s.knockouts) ko.push_back({{"feature", f->id}, {"reason", f->knockout->reason.get(lang)}});
    services.push_back({{"id", s.official->assessment->id},
                        {"name", s.official->assessment->name},
                        {"personal_points", s.scaled_tenths / 10.0},
                        {"personal_share_permille", s.permille},
                        {"personal_class", s.klass->id},
                        {"personal_rank", s.rank},
                        {"personal_knockouts", ko},
                        {"official_points", s.official->points},
                        {"official_class", s.official->klass->id},
                        {"official_rank", s.official->rank}});
  }
  return {{"category", category.id},
          {"edition", r.official->edition->date.to_string()},
          {"methodology", m.version},
          {"personal", true},
          {"label", tr(lang, "cli_method_personal_label", {{"max", std::to_string(m.max_points())}})},
          {"max_points", m.max_points()},
          {"query", personal_query(m, r.weights)},
          {"weights", weights},
          {"services", services}};
}

}  // namespace privascore::method
