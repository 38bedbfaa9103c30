#include "method/method_output.h"
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "util/text.h"

namespace privascore::method {

namespace {

using nlohmann::json;

std::string pick(Lang lang, const std::string& de, const std::string& en) {
  return lang == Lang::de ? de : en;
}

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
    return pick(lang, "Regel proportional: Gewicht = ", "Rule proportional: weight = ") + std::to_string(rule.factor) +
           pick(lang, " × Zahl der Quellen, die die Funktion nennen", " × number of sources naming the feature");
  }
  return pick(lang, "Regel rank-frequency: Gewicht = ", "Rule rank-frequency: weight = ") +
         std::to_string(rule.lowest) + " + " + std::to_string(rule.step) + " × (" + std::to_string(rank_count) + " − " +
         pick(lang, "Rang); gleich oft genannte Funktionen teilen einen Rang",
              "rank); features named equally often share a rank");
}

const char* provenance_sentence_en(WeightsProvenance p) {
  switch (p) {
    case WeightsProvenance::published: return "The weights are as published; the literature table behind them is not.";
    case WeightsProvenance::derived: return "The weights are derived from the literature table below.";
    case WeightsProvenance::reconstructed:
      return "The weights are reconstructed: the literature table and the derivation were not published, so "
             "`privascore weights` cannot show them.";
  }
  return "";
}

const char* provenance_sentence_de(WeightsProvenance p) {
  switch (p) {
    case WeightsProvenance::published:
      return "Die Gewichte sind wie veröffentlicht; die Literaturtabelle dahinter ist nicht veröffentlicht.";
    case WeightsProvenance::derived: return "Die Gewichte sind aus der Literaturtabelle unten abgeleitet.";
    case WeightsProvenance::reconstructed:
      return "Die Gewichte sind rekonstruiert: Literaturtabelle und Ableitung wurden nicht veröffentlicht, "
             "daher kann `privascore weights` sie nicht zeigen.";
  }
  return "";
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
                    pick(lang, "Methodik", "methodology") + " v" + std::to_string(m.version) + " · " +
                    pick(lang, "Gewichte: ", "weights: ") + to_string(m.weights_provenance) + "\n";
  out += std::string(lang == Lang::de ? provenance_sentence_de(m.weights_provenance)
                                      : provenance_sentence_en(m.weights_provenance)) +
         "\n";
  if (!d) {
    out += "\n" + m.provenance_note.get(lang) + "\n\n";
    std::size_t width = display_width(pick(lang, "Funktion", "Feature"));
    for (const auto& f : m.features) width = std::max(width, display_width(f.name.get(lang)));
    out += pad_right(pick(lang, "Funktion", "Feature"), width) + "  " + pick(lang, "Gewicht", "weight") + "\n";
    for (const auto& f : m.features) {
      out += pad_right(f.name.get(lang), width) + "  " + pad_left(std::to_string(f.weight), 7) + "\n";
    }
    out += pad_right(pick(lang, "Summe", "Total"), width) + "  " + pad_left(std::to_string(m.weight_sum()), 7) + "\n";
    return out;
  }
  std::vector<std::string> kinds;
  for (const auto& [kind, count] : d->sources_by_kind) kinds.push_back(kind + " " + std::to_string(count));
  out += "\n" + pick(lang, "Literaturtabelle: ", "Literature table: ") + std::to_string(d->source_count) +
         pick(lang, " Quellen (", " sources (") + join(kinds, ", ") + ")\n";
  out += rule_text(*d->rule, d->rank_count, lang) + "\n\n";

  std::size_t width = display_width(pick(lang, "Funktion", "Feature"));
  for (const auto& ff : d->features) {
    if (ff.scored()) width = std::max(width, display_width(ff.feature->name.get(lang)));
  }
  out += pad_right(pick(lang, "Funktion", "Feature"), width) + "  " + pad_left(pick(lang, "genannt", "named"), 9) +
         "  " + pad_left(pick(lang, "Rang", "rank"), 4) + "  " + pad_left(pick(lang, "abgeleitet", "derived"), 10) +
         "  " + pad_left(pick(lang, "angegeben", "stated"), 9) + "\n";
  for (const auto& ff : d->features) {
    if (!ff.scored()) continue;
    out += pad_right(ff.feature->name.get(lang), width) + "  " +
           pad_left(std::to_string(ff.count) + "/" + std::to_string(d->source_count), 9) + "  " +
           pad_left(std::to_string(ff.rank), 4) + "  " + pad_left(std::to_string(ff.derived_weight), 10) + "  " +
           pad_left(std::to_string(ff.stated_weight), 9) +
           (ff.agrees() ? "" : pick(lang, "  ≠ abweichend", "  ≠ differs")) + "\n";
  }
  std::vector<std::string> standards;
  for (const auto& ff : d->features) {
    if (ff.scored()) continue;
    standards.push_back(ff.id + " (" + std::to_string(ff.count) + "/" + std::to_string(d->source_count) + ")");
  }
  if (!standards.empty()) {
    out += pick(lang, "Genannt, aber nicht bewertet (Standards): ", "Named but not scored (standards): ") +
           join(standards, ", ") + "\n";
  }
  out += "\n" + pick(lang, "Quellen:", "Sources:") + "\n";
  for (const auto& s : m.sources) {
    out += "  " + s.id + ": " + s.title + " (" + std::to_string(s.year) + ", " + s.kind + ")";
    if (!s.url.empty()) out += " <" + s.url + ">";
    out += "\n    " + pick(lang, "nennt: ", "names: ") + join(s.names, ", ") + "\n";
  }
  out += "\n" +
         (d->agrees()
              ? pick(lang, "Die angegebenen Gewichte folgen aus der Regel.", "The stated weights follow from the rule.")
              : pick(lang,
                     "Die angegebenen Gewichte weichen von der Ableitung ab; `privascore check` "
                     "meldet das als Fehler.",
                     "The stated weights disagree with the derivation; `privascore check` reports "
                     "this as an error.")) +
         "\n";
  return out;
}

// ---- robustness ----

const char* verdict(const ServiceRobustness& s) {
  return s.stable ? "stable" : "borderline";
}

std::string model_description(const RobustnessOptions& o, Lang lang) {
  if (o.model == WeightModel::order) {
    return pick(lang,
                "jede Gewichtung, die die veröffentlichte Rangfolge der Funktionen erhält (gleich gewichtete "
                "bleiben gleich), gleichverteilt gezogen und auf die veröffentlichte Gewichtssumme skaliert",
                "every weighting that keeps the published order of importance (equal weights stay equal), drawn "
                "uniformly and scaled to the published weight sum");
  }
  const std::string spread = std::to_string(static_cast<int>(o.spread * 100.0 + 0.5));
  return pick(lang,
              "jedes Gewicht unabhängig und gleichverteilt um bis zu ±" + spread +
                  " % verändert, dann auf die veröffentlichte Gewichtssumme skaliert",
              "every weight varied independently and uniformly by up to ±" + spread +
                  " %, then scaled to the published weight sum");
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
                    pick(lang, "Ausgabe ", "edition ") + edition.date.to_string() + " · " +
                    pick(lang, "Methodik", "methodology") + " v" + std::to_string(m.version) + "\n";
  out += pick(lang, "Robustheit, Modell ", "Robustness, model ") + to_string(r.options.model) + ": " +
         model_description(r.options, lang) + ".\n";
  out += std::to_string(r.options.samples) + pick(lang, " Gewichtungen, Startwert ", " weightings, seed ") +
         std::to_string(r.options.seed) +
         pick(lang, "; stabil = Klasse in mindestens ", "; stable = class kept in at least ") +
         percent(r.options.stable_share, lang) + pick(lang, " der Gewichtungen gehalten.\n\n", " of them.\n\n");

  std::size_t name_width = display_width(pick(lang, "Dienst", "Service"));
  for (const auto& s : r.services) name_width = std::max(name_width, display_width(s.name));
  std::size_t class_width = display_width(pick(lang, "Klasse", "Class"));
  for (const auto& c : m.classes) class_width = std::max(class_width, display_width(c.symbol + " " + c.id));
  out += pad_left(pick(lang, "Rang", "Rank"), 4) + "  " + pad_right(pick(lang, "Dienst", "Service"), name_width) +
         "  " + pad_right(pick(lang, "Klasse", "Class"), class_width) + "  " +
         pad_left(pick(lang, "gehalten", "kept"), 8) + "  " + pad_left(pick(lang, "Ränge", "ranks"), 7) + "  " +
         pad_left(pick(lang, "Punkte", "points"), 13) + "  " + pick(lang, "Urteil", "verdict") + "\n";
  for (const auto& s : r.services) {
    const ClassBand& c = m.classes[s.official_class];
    const std::string ranks = s.min_rank == s.max_rank ? std::to_string(s.min_rank)
                                                       : std::to_string(s.min_rank) + "–" + std::to_string(s.max_rank);
    out += pad_left(std::to_string(s.official_rank), 4) + "  " + pad_right(s.name, name_width) + "  " +
           pad_right(c.symbol + " " + c.id, class_width) + "  " + pad_left(percent(s.kept_share(), lang), 8) + "  " +
           pad_left(ranks, 7) + "  " +
           pad_left(one_decimal(s.min_points, lang) + "–" + one_decimal(s.max_points, lang), 13) + "  " +
           (s.stable ? pick(lang, "stabil", "stable") : pick(lang, "grenzwertig", "borderline")) + "\n";
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
          {"label", pick(lang,
                         "Persönliche Ansicht: nach Ihren Gewichten, nicht der offizielle PRIVA SCORE. Punkte auf "
                         "die offizielle Skala umgerechnet (Maximum " +
                             std::to_string(m.max_points()) + ").",
                         "Personal view: by your weights, not the official PRIVA SCORE. Points rescaled to the "
                         "official scale (maximum " +
                             std::to_string(m.max_points()) + ").")},
          {"max_points", m.max_points()},
          {"query", personal_query(m, r.weights)},
          {"weights", weights},
          {"services", services}};
}

}  // namespace privascore::method
