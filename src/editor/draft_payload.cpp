#include "editor/draft_payload.h"
#include <nlohmann/json.hpp>

namespace privascore::editor {

using nlohmann::json;

namespace {

tl::unexpected<Error> bad(const std::string& what) {
  return fail(ErrorKind::invalid, "the stored draft is malformed: " + what);
}

bool string_field(const json& j, const char* key, std::string& out, bool required) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return !required;
  if (!it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool text_field(const json& j, const char* key, Text& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_object()) return false;
  return string_field(*it, "de", out.de, true) && string_field(*it, "en", out.en, true);
}

json bound_json(const std::optional<Bound>& bound) {
  if (!bound) return nullptr;
  return {{"value", bound->value}, {"inclusive", bound->inclusive}};
}

bool bound_from_json(const json& j, std::optional<Bound>& out) {
  if (j.is_null()) {
    out.reset();
    return true;
  }
  if (!j.is_object() || !j.contains("value") || !j["value"].is_number_integer() || !j.contains("inclusive") ||
      !j["inclusive"].is_boolean()) {
    return false;
  }
  out = Bound{j["value"].get<int>(), j["inclusive"].get<bool>()};
  return true;
}

}  // namespace

json text_json(const Text& text) {
  return {{"de", text.de}, {"en", text.en}};
}

json rating_json(const Rating& rating) {
  json evidence = json::array();
  for (const Evidence& e : rating.evidence) {
    evidence.push_back({{"url", e.url},
                        {"title", e.title},
                        {"quote", e.quote},
                        {"retrieved", e.retrieved ? json(e.retrieved->to_string()) : json(nullptr)}});
  }
  return {{"feature", rating.feature},
          {"level", rating.level},
          {"status", to_string(rating.status)},
          {"justification", text_json(rating.justification)},
          {"evidence", evidence}};
}

Result<Rating> rating_from_json(const json& j) {
  if (!j.is_object()) return bad("a rating is not an object");
  Rating r;
  std::string status;
  if (!string_field(j, "feature", r.feature, true) || !string_field(j, "level", r.level, true) ||
      !string_field(j, "status", status, true) || !text_field(j, "justification", r.justification)) {
    return bad("a rating lacks feature, level, status or justification");
  }
  if (status == "sourced")
    r.status = RatingStatus::sourced;
  else if (status == "unverified")
    r.status = RatingStatus::unverified;
  else
    return bad("rating status \"" + status + "\"");
  if (auto it = j.find("evidence"); it != j.end()) {
    if (!it->is_array()) return bad("evidence is not a list");
    for (const json& e : *it) {
      Evidence ev;
      std::string retrieved;
      if (!e.is_object() || !string_field(e, "url", ev.url, true) || !string_field(e, "title", ev.title, true) ||
          !string_field(e, "quote", ev.quote, false) || !string_field(e, "retrieved", retrieved, false)) {
        return bad("an evidence entry lacks url or title");
      }
      if (!retrieved.empty()) {
        ev.retrieved = Date::parse(retrieved);
        if (!ev.retrieved) return bad("evidence date \"" + retrieved + "\"");
      }
      r.evidence.push_back(std::move(ev));
    }
  }
  return r;
}

json service_json(const Assessment& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"vendor", a.vendor},
          {"website", a.website},
          {"licence", a.licence},
          {"repository", a.repository},
          {"note", a.note ? text_json(*a.note) : json(nullptr)}};
}

Result<Assessment> service_from_json(const json& j) {
  if (!j.is_object()) return bad("a service is not an object");
  Assessment a;
  if (!string_field(j, "id", a.id, true) || !string_field(j, "name", a.name, true) ||
      !string_field(j, "vendor", a.vendor, true) || !string_field(j, "website", a.website, true) ||
      !string_field(j, "licence", a.licence, false) || !string_field(j, "repository", a.repository, false)) {
    return bad("a service lacks id, name, vendor or website");
  }
  if (auto it = j.find("note"); it != j.end() && !it->is_null()) {
    Text note;
    if (!text_field(j, "note", note)) return bad("a service note is not {de, en}");
    a.note = note;
  }
  return a;
}

json variant_json(const Variant& v) {
  return {{"id", v.id},
          {"name", text_json(v.name)},
          {"operator", v.operator_name},
          {"url", v.url},
          {"note", v.note ? text_json(*v.note) : json(nullptr)}};
}

Result<Variant> variant_from_json(const json& j) {
  if (!j.is_object()) return bad("a variant is not an object");
  Variant v;
  if (!string_field(j, "id", v.id, true) || !text_field(j, "name", v.name) ||
      !string_field(j, "operator", v.operator_name, false) || !string_field(j, "url", v.url, false)) {
    return bad("a variant lacks id or name");
  }
  if (auto it = j.find("note"); it != j.end() && !it->is_null()) {
    Text note;
    if (!text_field(j, "note", note)) return bad("a variant note is not {de, en}");
    v.note = note;
  }
  return v;
}

json methodology_edit_json(const MethodologyEdit& change) {
  json weights = json::array();
  for (const auto& [feature, weight] : change.weights) weights.push_back({{"feature", feature}, {"weight", weight}});
  json classes = json::array();
  for (const ClassBounds& c : change.classes) {
    classes.push_back({{"id", c.id}, {"lower", bound_json(c.lower)}, {"upper", bound_json(c.upper)}});
  }
  return {{"weights", weights}, {"classes", classes}};
}

Result<MethodologyEdit> methodology_edit_from_json(const json& j) {
  if (!j.is_object() || !j.contains("weights") || !j["weights"].is_array() || !j.contains("classes") ||
      !j["classes"].is_array()) {
    return bad("a methodology change lacks weights or classes");
  }
  MethodologyEdit change;
  for (const json& w : j["weights"]) {
    std::string feature;
    if (!w.is_object() || !string_field(w, "feature", feature, true) || !w.contains("weight") ||
        !w["weight"].is_number_integer()) {
      return bad("a weight entry");
    }
    change.weights.emplace_back(feature, w["weight"].get<int>());
  }
  for (const json& c : j["classes"]) {
    ClassBounds bounds;
    if (!c.is_object() || !string_field(c, "id", bounds.id, true) ||
        !bound_from_json(c.value("lower", json()), bounds.lower) ||
        !bound_from_json(c.value("upper", json()), bounds.upper)) {
      return bad("a class entry");
    }
    change.classes.push_back(std::move(bounds));
  }
  return change;
}

MethodologyEdit current_weights(const Methodology& m) {
  MethodologyEdit change;
  for (const Feature& f : m.features) change.weights.emplace_back(f.id, f.weight);
  for (const ClassBand& c : m.classes) change.classes.push_back(ClassBounds{c.id, c.lower, c.upper});
  return change;
}

Methodology apply_methodology_edit(const Methodology& base, const MethodologyEdit& change, int version,
                                   const Date& effective) {
  Methodology m = base;
  m.version = version;
  m.effective = effective;
  m.loc = Loc{};
  for (const auto& [feature, weight] : change.weights) {
    for (Feature& f : m.features)
      if (f.id == feature) f.weight = weight;
  }
  for (const ClassBounds& bounds : change.classes) {
    for (ClassBand& c : m.classes) {
      if (c.id != bounds.id) continue;
      c.lower = bounds.lower;
      c.upper = bounds.upper;
    }
  }
  return m;
}

}  // namespace privascore::editor
