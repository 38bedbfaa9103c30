#include "web/api.h"
#include <nlohmann/json.hpp>

#include <variant>

#include "method/method_output.h"
#include "method/personal.h"
#include "method/robustness.h"
#include "render/score_json.h"
#include "scoring/diff.h"
#include "util/text.h"
#include "web/query.h"
#include "web/responses.h"
#include "web/urls.h"

namespace privascore::web {

namespace {

using nlohmann::json;

constexpr const char* k_cache_control = "public, max-age=60";

Response document(const json& j) {
  Response r = json_response(j.dump(2) + "\n");
  r.set_header("cache-control", k_cache_control);
  return r;
}

// The parsed query and language, or the 400 answer.
struct Params {
  Query query;
  Lang lang = Lang::en;
};

// Every endpoint reads its query here: decoded and checked once (see
// parse_query_checked), so a malformed, non-UTF-8, repeated or unknown
// parameter is a 400 naming it, never a 500 or a new cache entry.
std::variant<Params, Response> read_params(const std::string& raw, const QuerySpec& spec) {
  auto query = parse_query_checked(raw, spec);
  if (!query) return json_error(400, query.error().message, query.error().hint);
  Params p;
  p.query = std::move(*query);
  if (auto lang = p.query.get("lang")) {
    auto parsed = parse_lang(*lang);
    if (!parsed) return json_error(400, "unknown language `" + *lang + "`", "use lang=de or lang=en");
    p.lang = *parsed;
  }
  return p;
}

std::variant<Params, Response> read_params(const std::string& raw, std::initializer_list<std::string_view> allowed) {
  return read_params(raw, QuerySpec{std::vector<std::string_view>(allowed), {}});
}

std::variant<const CategoryView*, Response> find_category(const SiteData& data, const std::string& id) {
  if (const CategoryView* c = data.by_id(id)) return c;
  std::vector<std::string> ids;
  for (const auto& c : data.categories()) ids.push_back(c.category->id);
  return json_error(404, "unknown category `" + id + "`", "categories: " + join(ids, ", "));
}

std::vector<std::string> edition_dates(const CategoryView& c) {
  std::vector<std::string> dates;
  for (const auto& s : c.scores) dates.push_back(s.edition->date.to_string());
  return dates;
}

// Resolves "latest" or a date to a scored edition, or the 400/404 answer.
std::variant<const EditionScore*, Response> find_edition(const CategoryView& c, const std::string& spec,
                                                         const char* param) {
  if (spec == "latest") return c.latest();
  auto date = Date::parse(spec);
  if (!date) {
    return json_error(400, std::string("`") + param + "` must be latest or a date YYYY-MM-DD, not `" + spec + "`",
                      "editions: " + join(edition_dates(c), ", "));
  }
  for (const auto& s : c.scores)
    if (s.edition->date == *date) return &s;
  return json_error(404, "category `" + c.category->id + "` has no edition " + spec,
                    "editions: " + join(edition_dates(c), ", "));
}

json text_json(const Text& t) {
  return {{"de", t.de}, {"en", t.en}};
}

std::string api_base(const CategoryView& c) {
  return "/api/v1/categories/" + c.category->id;
}

json methodology_json(const Methodology& m, Lang lang) {
  json levels = json::array();
  for (const Level& l : m.levels)
    levels.push_back({{"id", l.id}, {"points", l.points}, {"symbol", l.symbol}, {"label", l.label.get(lang)}});
  json features = json::array();
  for (const Feature& f : m.features) {
    json fj = {{"id", f.id},
               {"anchor", f.anchor},
               {"name", f.name.get(lang)},
               {"explanation", f.explanation.get(lang)},
               {"weight", f.weight},
               {"max_points", f.weight * m.highest_level().points}};
    if (f.knockout) {
      fj["knockout"] = {
          {"level", f.knockout->level}, {"cap", f.knockout->cap}, {"reason", f.knockout->reason.get(lang)}};
    }
    features.push_back(fj);
  }
  json classes = json::array();
  for (const ClassBand& c : m.classes) {
    json cj = {{"id", c.id}, {"symbol", c.symbol}, {"label", c.label.get(lang)}, {"range", c.range_text(lang)}};
    if (c.lower) cj["lower"] = {{"value", c.lower->value}, {"inclusive", c.lower->inclusive}};
    if (c.upper) cj["upper"] = {{"value", c.upper->value}, {"inclusive", c.upper->inclusive}};
    classes.push_back(cj);
  }
  json standards = json::array();
  for (const Standard& s : m.standards)
    standards.push_back({{"id", s.id}, {"name", s.name.get(lang)}, {"reason", s.reason.get(lang)}});
  json j = {{"version", m.version},
            {"effective", m.effective.to_string()},
            {"weights_provenance", to_string(m.weights_provenance)},
            {"provenance_note", m.provenance_note.get(lang)},
            {"weight_sum", m.weight_sum()},
            {"max_points", m.max_points()},
            {"min_points", m.min_points()},
            {"levels", levels},
            {"features", features},
            {"classes", classes},
            {"standards", standards}};
  if (m.hosting_note) j["hosting_note"] = m.hosting_note->get(lang);
  return j;
}

}  // namespace

Response api_categories(const SiteData& data, const std::string& raw) {
  auto params = read_params(raw, {"lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Lang lang = std::get<Params>(params).lang;
  json list = json::array();
  for (const CategoryView& c : data.categories()) {
    const EditionScore& latest = *c.latest();
    list.push_back({{"id", c.category->id},
                    {"name", c.name().get(lang)},
                    {"slug", text_json(c.slug)},
                    {"latest_edition", latest.edition->date.to_string()},
                    {"editions", c.scores.size()},
                    {"methodology_version", c.methodology->version},
                    {"max_points", latest.max_points},
                    {"services", latest.services.size()},
                    {"links",
                     {{"self", api_base(c)},
                      {"editions", api_base(c) + "/editions"},
                      {"scores", api_base(c) + "/scores?edition=latest"},
                      {"page", category_path(lang, c)}}}});
  }
  return document({{"lang", lang_code(lang)}, {"categories", list}});
}

Response api_category(const SiteData& data, const std::string& id, const std::string& raw) {
  auto params = read_params(raw, {"lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Lang lang = std::get<Params>(params).lang;
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  json versions = json::array();
  for (const auto& [number, m] : c.category->methodologies) versions.push_back(number);
  return document({{"id", c.category->id},
                   {"lang", lang_code(lang)},
                   {"name", c.name().get(lang)},
                   {"summary", c.methodology->summary.get(lang)},
                   {"slug", text_json(c.slug)},
                   {"latest_edition", c.latest()->edition->date.to_string()},
                   {"editions", edition_dates(c)},
                   {"methodology_versions", versions},
                   {"methodology", methodology_json(*c.methodology, lang)},
                   {"links",
                    {{"editions", api_base(c) + "/editions"},
                     {"scores", api_base(c) + "/scores?edition=latest"},
                     {"page", category_path(lang, c)},
                     {"methodology_page", methodology_path(lang, c)}}}});
}

Response api_editions(const SiteData& data, const std::string& id, const std::string& raw) {
  auto params = read_params(raw, {"lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Lang lang = std::get<Params>(params).lang;
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  json editions = json::array();
  for (const EditionScore& s : c.scores) {
    const Edition& e = *s.edition;
    json notes = json::array();
    for (const EditionNote& n : e.notes) {
      json nj = {{"kind", n.kind}, {"text", n.text.get(lang)}, {"reason", n.reason.get(lang)}};
      if (!n.service.empty()) nj["service"] = n.service;
      if (!n.feature.empty()) nj["feature"] = n.feature;
      notes.push_back(nj);
    }
    const std::string date = e.date.to_string();
    json ej = {
        {"date", date},
        {"methodology", e.methodology},
        {"title", e.title.get(lang)},
        {"summary", e.summary.get(lang)},
        {"services", e.services},
        {"max_points", s.max_points},
        {"notes", notes},
        {"links", {{"scores", api_base(c) + "/scores?edition=" + date}, {"page", edition_path(lang, c, e.date)}}}};
    if (!e.source.empty()) ej["source"] = e.source;
    editions.push_back(ej);
  }
  return document({{"category", c.category->id}, {"lang", lang_code(lang)}, {"editions", editions}});
}

Response api_scores(const SiteData& data, const std::string& id, const std::string& raw) {
  auto params = read_params(raw, {"edition", "lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Params& p = std::get<Params>(params);
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  auto edition = find_edition(c, p.query.get("edition").value_or("latest"), "edition");
  if (auto* error = std::get_if<Response>(&edition)) return std::move(*error);
  return document(score_json(*c.category, *std::get<const EditionScore*>(edition), p.lang));
}

Response api_service(const SiteData& data, const std::string& id, const std::string& service, const std::string& raw) {
  auto params = read_params(raw, {"edition", "lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Params& p = std::get<Params>(params);
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  auto edition = find_edition(c, p.query.get("edition").value_or("latest"), "edition");
  if (auto* error = std::get_if<Response>(&edition)) return std::move(*error);
  const EditionScore& score = *std::get<const EditionScore*>(edition);
  const ServiceScore* s = score.service(service);
  if (!s) {
    std::vector<std::string> ids;
    for (const auto& other : score.services) ids.push_back(other.assessment->id);
    return json_error(
        404,
        "edition " + score.edition->date.to_string() + " of `" + c.category->id + "` has no service `" + service + "`",
        "services: " + join(ids, ", "));
  }
  return document(explain_json(*c.category, score, *s, p.lang));
}

Response api_diff(const SiteData& data, const std::string& id, const std::string& raw) {
  auto params = read_params(raw, {"from", "to", "lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Params& p = std::get<Params>(params);
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  auto to = find_edition(c, p.query.get("to").value_or("latest"), "to");
  if (auto* error = std::get_if<Response>(&to)) return std::move(*error);
  const Edition& to_edition = *std::get<const EditionScore*>(to)->edition;
  const Edition* from_edition = nullptr;
  if (auto from_spec = p.query.get("from")) {
    auto from = find_edition(c, *from_spec, "from");
    if (auto* error = std::get_if<Response>(&from)) return std::move(*error);
    from_edition = std::get<const EditionScore*>(from)->edition;
  } else {
    from_edition = c.category->previous(to_edition);
    if (!from_edition) {
      return json_error(400, "edition " + to_edition.date.to_string() + " has no earlier edition to compare with",
                        "give from=DATE; editions: " + join(edition_dates(c), ", "));
    }
  }
  if (!c.score(*from_edition)) {
    return json_error(404, "edition " + from_edition->date.to_string() + " cannot be scored",
                      "editions: " + join(edition_dates(c), ", "));
  }
  return document(diff_json(*c.category, diff_editions(*c.category, *from_edition, to_edition), p.lang));
}

Response api_personal(const SiteData& data, const std::string& id, const std::string& raw) {
  // edition, lang and w.<feature>; the features are checked against the
  // edition's methodology below.
  auto params = read_params(raw, QuerySpec{{"edition", "lang"}, {"w."}});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Params& p = std::get<Params>(params);
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  auto edition = find_edition(c, p.query.get("edition").value_or("latest"), "edition");
  if (auto* error = std::get_if<Response>(&edition)) return std::move(*error);
  const EditionScore& score = *std::get<const EditionScore*>(edition);
  auto weights = method::parse_personal_weights(*score.methodology, p.query.params);
  if (!weights) return json_error(400, weights.error().message, "give w.<feature>=ignore|less|published|more");
  auto ranking = method::personal_ranking(score, *weights);
  if (!ranking) return json_error(400, ranking.error().message, "set at least one feature to less, published or more");
  return document(method::personal_json(*c.category, *ranking, p.lang));
}

Response api_robustness(const SiteData& data, const std::string& id, const std::string& raw) {
  auto params = read_params(raw, {"edition", "model", "lang"});
  if (auto* error = std::get_if<Response>(&params)) return std::move(*error);
  const Params& p = std::get<Params>(params);
  auto found = find_category(data, id);
  if (auto* error = std::get_if<Response>(&found)) return std::move(*error);
  const CategoryView& c = *std::get<const CategoryView*>(found);
  auto edition = find_edition(c, p.query.get("edition").value_or("latest"), "edition");
  if (auto* error = std::get_if<Response>(&edition)) return std::move(*error);
  const EditionScore& score = *std::get<const EditionScore*>(edition);
  method::RobustnessOptions options;  // 10,000 weightings, seed 1: the documented defaults
  const std::string model = p.query.get("model").value_or("pm25");
  auto parsed = method::parse_weight_model(model);
  if (!parsed) return json_error(400, "unknown model `" + model + "`", "use model=pm25 or model=order");
  options.model = *parsed;
  auto result = method::robustness(*score.methodology, *score.edition, options);
  if (!result) return json_error(400, result.error().message, result.error().hint);
  return document(method::robustness_json(*c.category, *score.methodology, *score.edition, *result, p.lang));
}

Response api_not_found(const std::string& path) {
  return json_error(404, "no API endpoint at `" + path + "`",
                    "endpoints: /api/v1/categories, /api/v1/categories/{id}, …/editions, …/scores, "
                    "…/services/{service}, …/diff, …/personal, …/robustness (see docs/api.md)");
}

}  // namespace privascore::web
