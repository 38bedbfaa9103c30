#include "assist/suggestion.h"
#include <nlohmann/json.hpp>

#include <ctime>

#include "assist/content_hash.h"

namespace privascore::assist {

const char* to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::low: return "low";
    case Confidence::medium: return "medium";
    case Confidence::high: return "high";
  }
  return "low";
}

std::optional<Confidence> parse_confidence(std::string_view text) {
  if (text == "low") return Confidence::low;
  if (text == "medium") return Confidence::medium;
  if (text == "high") return Confidence::high;
  return std::nullopt;
}

std::string Suggestion::subject() const {
  if (!service.empty() && !variant.empty()) return service + " (" + variant + ")";
  return service.empty() ? variant : service;
}

void Suggestion::make_id() {
  std::string key =
      origin + '\x1f' + category + '\x1f' + service + '\x1f' + variant + '\x1f' + feature + '\x1f' + level;
  for (const auto& e : evidence) key += '\x1e' + e.kind + '\x1f' + e.text + '\x1f' + e.url + '\x1f' + e.content_sha256;
  id = sha256_hex(key).substr(0, 16);
}

std::string rule_text(const Suggestion& s) {
  if (s.rule.empty()) return {};
  if (!s.rule_right || !s.rule_total) return "rule " + s.rule + ", not measured on the corpus of real configurations";
  return "rule " + s.rule + ", right in " + std::to_string(*s.rule_right) + " of " + std::to_string(*s.rule_total) +
         " real configurations";
}

nlohmann::json to_json(const SuggestionEvidence& evidence) {
  nlohmann::json j = {{"kind", evidence.kind},
                      {"text", evidence.text},
                      {"url", evidence.url},
                      {"retrieved", evidence.retrieved},
                      {"content_sha256", evidence.content_sha256}};
  if (evidence.offset) j["offset"] = *evidence.offset;
  if (evidence.line) j["line"] = *evidence.line;
  return j;
}

nlohmann::json to_json(const Suggestion& s) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const auto& e : s.evidence) evidence.push_back(to_json(e));
  nlohmann::json j = {
      {"id", s.id},           {"origin", s.origin},   {"category", s.category}, {"service", s.service},
      {"variant", s.variant}, {"feature", s.feature}, {"level", s.level},       {"confidence", to_string(s.confidence)},
      {"summary", s.summary}, {"evidence", evidence}, {"caveats", s.caveats},   {"created", s.created}};
  if (!s.rule.empty()) j["rule"] = s.rule;
  if (s.rule_right && s.rule_total) j["rule_accuracy"] = {{"right", *s.rule_right}, {"total", *s.rule_total}};
  return j;
}

namespace {

Result<std::string> string_field(const nlohmann::json& j, const char* name, bool required) {
  auto it = j.find(name);
  if (it == j.end()) {
    if (required) return fail(std::string("suggestion: missing field `") + name + "`");
    return std::string();
  }
  if (!it->is_string()) return fail(std::string("suggestion: field `") + name + "` must be a string");
  return it->get<std::string>();
}

}  // namespace

Result<Suggestion> suggestion_from_json(const nlohmann::json& j) {
  if (!j.is_object()) return fail("suggestion: expected a JSON object");
  Suggestion s;
  struct Field {
    const char* name;
    std::string* target;
    bool required;
  };
  std::string confidence;
  const Field fields[] = {{"id", &s.id, true},
                          {"origin", &s.origin, true},
                          {"category", &s.category, true},
                          {"service", &s.service, false},
                          {"variant", &s.variant, false},
                          {"feature", &s.feature, true},
                          {"level", &s.level, false},
                          {"confidence", &confidence, true},
                          {"summary", &s.summary, false},
                          {"created", &s.created, false},
                          {"rule", &s.rule, false}};
  for (const auto& f : fields) {
    auto value = string_field(j, f.name, f.required);
    if (!value) return tl::unexpected(value.error());
    *f.target = std::move(*value);
  }
  auto c = parse_confidence(confidence);
  if (!c) return fail("suggestion " + s.id + ": confidence `" + confidence + "` is not low, medium or high");
  s.confidence = *c;
  if (auto it = j.find("evidence"); it != j.end()) {
    if (!it->is_array()) return fail("suggestion " + s.id + ": `evidence` must be an array");
    for (const auto& e : *it) {
      if (!e.is_object()) return fail("suggestion " + s.id + ": each evidence entry must be an object");
      SuggestionEvidence ev;
      ev.kind = e.value("kind", "");
      ev.text = e.value("text", "");
      ev.url = e.value("url", "");
      ev.retrieved = e.value("retrieved", "");
      ev.content_sha256 = e.value("content_sha256", "");
      if (e.contains("offset") && e["offset"].is_number_unsigned()) ev.offset = e["offset"].get<std::size_t>();
      if (e.contains("line") && e["line"].is_number_unsigned()) ev.line = e["line"].get<std::size_t>();
      s.evidence.push_back(std::move(ev));
    }
  }
  if (auto it = j.find("rule_accuracy"); it != j.end()) {
    if (!it->is_object() || !it->contains("right") || !it->contains("total") || !(*it)["right"].is_number_integer() ||
        !(*it)["total"].is_number_integer())
      return fail("suggestion " + s.id + ": `rule_accuracy` must be {\"right\": N, \"total\": M}");
    s.rule_right = (*it)["right"].get<int>();
    s.rule_total = (*it)["total"].get<int>();
  }
  if (auto it = j.find("caveats"); it != j.end() && it->is_array()) {
    for (const auto& c2 : *it)
      if (c2.is_string()) s.caveats.push_back(c2.get<std::string>());
  }
  return s;
}

std::vector<Evidence> to_rating_evidence(const Suggestion& s) {
  std::vector<Evidence> out;
  for (const auto& e : s.evidence) {
    Evidence ev;
    ev.url = e.url;
    if (s.origin == "policy")
      ev.title = "Privacy policy (quoted by the policy analyser)";
    else if (s.origin == "location")
      ev.title = "DNS and IP-to-country lookup";
    else
      ev.title = "Instance configuration (read by the instance probe)";
    ev.quote = e.text;
    if (e.retrieved.size() >= 10) ev.retrieved = Date::parse(std::string_view(e.retrieved).substr(0, 10));
    out.push_back(std::move(ev));
  }
  return out;
}

std::string dump_json(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace privascore::assist
