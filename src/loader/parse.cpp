// Parsing one TOML file into a model value: the methodology, the assessment
// and the edition. Each table of a file has its own reader function; a
// problem within one file is reported here, rules that need other values
// are in validate.cpp, rules across files in loader.cpp.
#include <algorithm>
#include <cstdint>

#include "loader/loader.h"
#include "loader/toml_reader.h"
#include "util/text.h"

namespace privascore {

namespace {

const std::vector<std::string> k_note_kinds = {"joined", "left", "reassessment", "correction", "methodology", "other"};
const std::vector<std::string> k_source_kinds = {"trade-press", "consumer-advice", "expert-interview",
                                                 "authority",   "academic",        "other"};
const std::vector<std::string> k_derivation_rules = {"rank-frequency", "proportional"};

bool valid_colour(const std::string& colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  return std::all_of(colour.begin() + 1, colour.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

int to_int(std::int64_t value, int low, int high, TableReader& reader, const std::string& key,
           const std::string& what) {
  if (value < low || value > high) {
    reader.sink().error(reader.loc_of(key), "`" + key + "` is " + std::to_string(value) + ", out of range for " + what,
                        "use a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return low - 1;
  }
  return static_cast<int>(value);
}

// The colour at `colour`, reported when it is not #rrggbb.
std::string read_colour(TableReader& t) {
  std::string colour = t.string("colour", true).value_or("");
  if (!colour.empty() && !valid_colour(colour)) {
    t.sink().error(t.loc_of("colour"), "`colour` \"" + colour + "\" is not a colour",
                   "write #rrggbb, for example \"#1a7f37\"");
  }
  return colour;
}

// Reports value at key when it is set and not one of allowed ("unknown <what>").
void check_one_of(TableReader& t, const char* key, const std::string& value, const std::vector<std::string>& allowed,
                  const std::string& what) {
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string close = closest_match(value, allowed);
  t.sink().error(t.loc_of(key), "unknown " + what + " \"" + value + "\"",
                 close.empty() ? "use one of: " + join(allowed, ", ") : "did you mean \"" + close + "\"?");
}

void read_bound(TableReader& r, ClassBand& band, const char* inclusive_key, const char* exclusive_key, bool lower) {
  const bool has_inclusive = r.has(inclusive_key);
  const bool has_exclusive = r.has(exclusive_key);
  if (has_inclusive && has_exclusive) {
    r.sink().error(r.loc_of(exclusive_key),
                   std::string("class `") + band.id + "` has both `" + inclusive_key + "` and `" + exclusive_key + "`",
                   std::string("keep one ") + (lower ? "lower" : "upper") + " bound: `" + inclusive_key +
                       "` includes the value, `" + exclusive_key + "` excludes it");
  }
  for (const char* key : {inclusive_key, exclusive_key}) {
    auto value = r.integer(key, false);
    if (!value) continue;
    int v = to_int(*value, -1000000, 1000000, r, key, "a class bound");
    Bound bound{v, std::string(key) == inclusive_key};
    (lower ? band.lower : band.upper) = bound;
  }
}

// --- the methodology ---

void read_slug(TableReader& r, Methodology& m) {
  m.slug = r.text("slug", true).value_or(Text{});
  if (!m.slug.empty() && (!is_valid_id(m.slug.de) || !is_valid_id(m.slug.en))) {
    r.sink().error(r.loc_of("slug"),
                   "`slug` must be URL-safe in both languages: \"" + m.slug.de + "\", \"" + m.slug.en + "\"",
                   id_hint(is_valid_id(m.slug.de) ? m.slug.en : m.slug.de));
  }
}

void read_weights_provenance(TableReader& r, Methodology& m) {
  auto p = r.string("weights_provenance", true);
  if (!p) return;
  if (*p == "published")
    m.weights_provenance = WeightsProvenance::published;
  else if (*p == "derived")
    m.weights_provenance = WeightsProvenance::derived;
  else if (*p == "reconstructed")
    m.weights_provenance = WeightsProvenance::reconstructed;
  else {
    std::string close = closest_match(*p, {"published", "derived", "reconstructed"});
    r.sink().error(r.loc_of("weights_provenance"), "unknown weights_provenance \"" + *p + "\"",
                   close.empty() ? "use published, derived or reconstructed" : "did you mean \"" + close + "\"?");
  }
}

Level read_level(TableReader& t) {
  Level level;
  level.loc = t.loc();
  level.id = t.id("id", true).value_or("");
  if (auto v = t.integer("points", true)) level.points = to_int(*v, 0, 1000, t, "points", "level points");
  level.colour = read_colour(t);
  level.symbol = t.string("symbol", true).value_or("");
  level.label = t.text("label", true).value_or(Text{});
  t.finish({"id", "points", "colour", "symbol", "label"});
  return level;
}

Knockout read_knockout(TableReader& k) {
  Knockout ko;
  ko.loc = k.loc();
  ko.level = k.id("level", true).value_or("");
  ko.cap = k.id("cap", true).value_or("");
  ko.reason = k.text("reason", true).value_or(Text{});
  k.finish({"level", "cap", "reason"});
  return ko;
}

Feature read_feature(TableReader& t) {
  Feature f;
  f.loc = t.loc();
  f.id = t.id("id", true).value_or("");
  f.anchor = t.id("anchor", true).value_or("");
  f.name = t.text("name", true).value_or(Text{});
  f.explanation = t.text("explanation", true).value_or(Text{});
  f.weight_loc = t.loc_of("weight");
  if (auto w = t.integer("weight", true)) {
    if (*w <= 0) {
      t.sink().error(t.loc_of("weight"),
                     "weight of feature `" + f.id + "` is " + std::to_string(*w) + "; weights must be positive",
                     "use a whole number of at least 1; a feature every service meets belongs in [[standard]]");
    } else {
      f.weight = to_int(*w, 1, 100000, t, "weight", "a weight");
    }
  }
  t.table("knockout", false, [&](TableReader& k) { f.knockout = read_knockout(k); });
  t.finish({"id", "anchor", "name", "explanation", "weight", "knockout"});
  return f;
}

Standard read_standard(TableReader& t) {
  Standard s;
  s.loc = t.loc();
  s.id = t.id("id", true).value_or("");
  s.name = t.text("name", true).value_or(Text{});
  s.reason = t.text("reason", true).value_or(Text{});
  t.finish({"id", "name", "reason"});
  return s;
}

ClassBand read_class(TableReader& t) {
  ClassBand c;
  c.loc = t.loc();
  c.id = t.id("id", true).value_or("");
  c.colour = read_colour(t);
  c.symbol = t.string("symbol", true).value_or("");
  c.label = t.text("label", true).value_or(Text{});
  read_bound(t, c, "at_least", "more_than", true);
  read_bound(t, c, "at_most", "less_than", false);
  t.finish({"id", "colour", "symbol", "label", "at_least", "more_than", "at_most", "less_than"});
  return c;
}

LiteratureSource read_source(TableReader& t) {
  LiteratureSource src;
  src.loc = t.loc();
  src.id = t.id("id", true).value_or("");
  src.title = t.string("title", true).value_or("");
  if (auto y = t.integer("year", true)) src.year = to_int(*y, 1900, 2200, t, "year", "a publication year");
  src.url = t.url("url", false).value_or("");
  src.kind = t.string("kind", true).value_or("");
  check_one_of(t, "kind", src.kind, k_source_kinds, "source kind");
  src.names_loc = t.loc_of("names");
  src.names = t.string_array("names", true).value_or(std::vector<std::string>{});
  t.finish({"id", "title", "year", "url", "kind", "names"});
  return src;
}

// One parameter of the derivation rule; `applies` says whether the rule takes it.
void read_parameter(TableReader& t, const DerivationRule& d, const char* key, bool applies, int& out) {
  if (!t.has(key)) return;
  auto v = t.integer(key, false);
  if (!applies) {
    const bool rank = d.rule == "rank-frequency";
    const bool proportional = d.rule == "proportional";
    t.sink().error(t.loc_of(key), std::string("`") + key + "` is not a parameter of rule \"" + d.rule + "\"",
                   rank ? "rank-frequency takes `lowest` and `step`"
                        : (proportional ? "proportional takes `factor`" : "choose a rule first"));
    return;
  }
  if (v) out = to_int(*v, 1, 100000, t, key, "a derivation parameter");
}

DerivationRule read_derivation(TableReader& t) {
  DerivationRule d;
  d.loc = t.loc();
  d.rule = t.string("rule", true).value_or("");
  check_one_of(t, "rule", d.rule, k_derivation_rules, "derivation rule");
  const bool rank = d.rule == "rank-frequency";
  const bool proportional = d.rule == "proportional";
  read_parameter(t, d, "lowest", rank, d.lowest);
  read_parameter(t, d, "step", rank, d.step);
  read_parameter(t, d, "factor", proportional, d.factor);
  t.finish({"rule", "lowest", "step", "factor"});
  return d;
}

// --- the assessment ---

Evidence read_evidence(TableReader& e) {
  Evidence ev;
  ev.loc = e.loc();
  ev.url = e.url("url", true).value_or("");
  ev.title = e.string("title", true).value_or("");
  ev.quote = e.string("quote", false).value_or("");
  ev.retrieved = e.date("retrieved", false);
  e.finish({"url", "title", "quote", "retrieved"});
  return ev;
}

// One [[rating]] (or [[variant.rating]]) table with its evidence.
Rating read_rating(TableReader& t) {
  Rating rating;
  rating.loc = t.loc();
  rating.feature = t.id("feature", true).value_or("");
  rating.level = t.id("level", true).value_or("");
  rating.level_loc = t.loc_of("level");
  if (auto s = t.string("status", true)) {
    if (*s == "sourced")
      rating.status = RatingStatus::sourced;
    else if (*s == "unverified")
      rating.status = RatingStatus::unverified;
    else {
      std::string close = closest_match(*s, {"sourced", "unverified"});
      t.sink().error(
          t.loc_of("status"), "unknown status \"" + *s + "\" for feature `" + rating.feature + "`",
          close.empty() ? "use \"sourced\" (backed by evidence) or \"unverified\"" : "did you mean \"" + close + "\"?");
    }
  }
  rating.justification = t.text("justification", true).value_or(Text{});
  t.tables("evidence", false, [&](TableReader& e) { rating.evidence.push_back(read_evidence(e)); });
  t.finish({"feature", "level", "status", "justification", "evidence"});
  return rating;
}

Variant read_variant(TableReader& t) {
  Variant v;
  v.loc = t.loc();
  v.id = t.id("id", true).value_or("");
  v.name = t.text("name", true).value_or(Text{});
  v.operator_name = t.string("operator", false).value_or("");
  v.url = t.url("url", false).value_or("");
  v.is_default = t.boolean("default", false).value_or(false);
  v.note = t.text("note", false);
  t.tables("rating", false, [&](TableReader& rt) { v.ratings.push_back(read_rating(rt)); });
  t.finish({"id", "name", "operator", "url", "default", "note", "rating"});
  return v;
}

// --- the edition ---

// The `services` list: valid ids, each once, and not empty.
void read_services(TableReader& r, Edition& e) {
  auto services = r.string_array("services", true);
  if (!services) return;
  std::map<std::string, bool> seen;
  for (const auto& id : *services) {
    if (!is_valid_id(id)) {
      r.sink().error(r.loc_of("services"), "service id \"" + id + "\" in `services` is not a valid id", id_hint(id));
      continue;
    }
    if (seen[id]) {
      r.sink().error(r.loc_of("services"), "service `" + id + "` is listed twice in `services`",
                     "list each service once");
      continue;
    }
    seen[id] = true;
    e.services.push_back(id);
    e.service_locs.push_back(r.loc_of("services"));
  }
  if (services->empty())
    r.sink().error(r.loc_of("services"), "`services` is empty", "list the ids of the services rated");
}

EditionNote read_note(TableReader& t) {
  EditionNote n;
  n.loc = t.loc();
  n.kind = t.string("kind", true).value_or("");
  check_one_of(t, "kind", n.kind, k_note_kinds, "note kind");
  n.service = t.id("service", false).value_or("");
  n.feature = t.id("feature", false).value_or("");
  n.text = t.text("text", true).value_or(Text{});
  n.reason = t.text("reason", true).value_or(Text{});
  t.finish({"kind", "service", "feature", "text", "reason"});
  return n;
}

PublishedFigure read_published(TableReader& t) {
  PublishedFigure p;
  p.loc = t.loc();
  p.service = t.id("service", true).value_or("");
  if (auto v = t.integer("points", false)) p.points = to_int(*v, 0, 10000000, t, "points", "published points");
  p.class_id = t.id("class", false).value_or("");
  if (auto v = t.integer("methodology", false))
    p.methodology = to_int(*v, 1, 1000000, t, "methodology", "a methodology version");
  if (!p.points && p.class_id.empty()) {
    t.sink().error(p.loc, "published figure for `" + p.service + "` gives neither points nor class",
                   "add points = … or class = \"…\"");
  }
  t.finish({"service", "points", "class", "methodology"});
  return p;
}

}  // namespace

std::optional<Methodology> parse_methodology(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the methodology", sink);
  Methodology m;
  m.loc = r.loc();
  m.category = r.id("category", true).value_or("");
  if (auto v = r.integer("version", true)) m.version = to_int(*v, 1, 1000000, r, "version", "a methodology version");
  m.effective = r.date("effective", true).value_or(Date{});
  m.name = r.text("name", true).value_or(Text{});
  m.summary = r.text("summary", true).value_or(Text{});
  read_slug(r, m);
  read_weights_provenance(r, m);
  m.provenance_note = r.text("provenance_note", true).value_or(Text{});
  m.hosting_note = r.text("hosting_note", false);
  r.tables("level", true, [&](TableReader& t) { m.levels.push_back(read_level(t)); });
  r.tables("feature", true, [&](TableReader& t) { m.features.push_back(read_feature(t)); });
  r.tables("standard", false, [&](TableReader& t) { m.standards.push_back(read_standard(t)); });
  r.tables("class", true, [&](TableReader& t) { m.classes.push_back(read_class(t)); });
  // The literature table and the rule that derives the weights from it (optional).
  r.tables("source", false, [&](TableReader& t) { m.sources.push_back(read_source(t)); });
  r.table("derivation", false, [&](TableReader& t) { m.derivation = read_derivation(t); });
  r.finish({"category", "version", "effective", "name", "summary", "slug", "weights_provenance", "provenance_note",
            "hosting_note", "level", "feature", "standard", "class", "source", "derivation"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return m;
}

std::optional<Assessment> parse_assessment(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the assessment", sink);
  Assessment a;
  a.loc = r.loc();
  a.id = r.id("id", true).value_or("");
  a.name = r.string("name", true).value_or("");
  a.vendor = r.string("vendor", true).value_or("");
  a.website = r.url("website", true).value_or("");
  a.licence = r.string("licence", false).value_or("");
  a.repository = r.url("repository", false).value_or("");
  a.note = r.text("note", false);
  r.tables("rating", true, [&](TableReader& t) { a.ratings.push_back(read_rating(t)); });
  r.tables("variant", false, [&](TableReader& t) { a.variants.push_back(read_variant(t)); });
  r.finish({"id", "name", "vendor", "website", "licence", "repository", "note", "rating", "variant"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return a;
}

std::optional<Edition> parse_edition(std::string content, const std::string& file, DiagnosticSink& sink) {
  const int errors_before = sink.error_count();
  TomlDocument doc = TomlDocument::parse(std::move(content), file, sink);
  if (!doc.root()) return std::nullopt;
  TableReader r(*doc.root(), file, "the edition", sink);
  Edition e;
  e.loc = r.loc();
  e.category = r.id("category", true).value_or("");
  e.date = r.date("date", true).value_or(Date{});
  e.methodology_loc = r.loc_of("methodology");
  if (auto v = r.integer("methodology", true))
    e.methodology = to_int(*v, 1, 1000000, r, "methodology", "a methodology version");
  e.title = r.text("title", true).value_or(Text{});
  e.summary = r.text("summary", true).value_or(Text{});
  e.source = r.url("source", false).value_or("");
  read_services(r, e);
  r.tables("note", false, [&](TableReader& t) { e.notes.push_back(read_note(t)); });
  r.tables("published", false, [&](TableReader& t) { e.published.push_back(read_published(t)); });
  r.finish({"category", "date", "methodology", "title", "summary", "source", "services", "note", "published"});
  if (sink.error_count() != errors_before) return std::nullopt;
  return e;
}

}  // namespace privascore
