// The data model: categories, methodology versions, assessments and editions.
//
// Plain values, filled by the loaders (src/loader) or the store, read by the
// scoring engine and the renderers. Nothing here does I/O. Each element keeps
// the source location it was read from so that validation can point at it.
// Values are immutable after loading; sharing them read-only between threads
// is safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "util/diagnostic.h"

namespace privascore {

enum class Lang { de, en };

/// "de" / "en".
const char* lang_code(Lang lang);
/// Parses "de" or "en".
std::optional<Lang> parse_lang(std::string_view code);

/// A text a reader sees, in German (the original) and English.
struct Text {
  std::string de;
  std::string en;

  const std::string& get(Lang lang) const { return lang == Lang::de ? de : en; }
  bool empty() const { return de.empty() && en.empty(); }
};

/// One step of a category's level scale (green 3, yellow 2, red 1, absent 0).
struct Level {
  std::string id;
  int points = 0;
  std::string colour;  // "#rrggbb"
  std::string symbol;  // shown beside the colour, never colour alone
  Text label;
  Loc loc;
};

/// A knock-out rule: when a service is rated at or below `level` (or the
/// feature is unknown), its class is at best `cap`. Points are unchanged.
struct Knockout {
  std::string level;
  std::string cap;
  Text reason;
  Loc loc;
};

/// A scored data-protection feature of a category.
struct Feature {
  std::string id;
  std::string anchor;
  Text name;
  Text explanation;
  int weight = 0;
  std::optional<Knockout> knockout;
  Loc loc;
  Loc weight_loc;  // where `weight` is written (for derivation errors)
};

/// A standard every rated service meets, therefore not scored.
struct Standard {
  std::string id;
  Text name;
  Text reason;
  Loc loc;
};

/// One end of a class's point range.
struct Bound {
  int value = 0;
  bool inclusive = true;
};

/// A result class (green / yellow / red) and its point range.
struct ClassBand {
  std::string id;
  std::string colour;
  std::string symbol;
  Text label;
  std::optional<Bound> lower;
  std::optional<Bound> upper;
  Loc loc;

  bool contains(int points) const;
  /// "more than 200", "100 to 200", "less than 100" in the given language.
  std::string range_text(Lang lang) const;
};

/// One entry of a methodology's literature table: a source and the features
/// it names. The weights follow from how often the sources name each feature
/// (see DerivationRule and src/method/derivation.h).
struct LiteratureSource {
  std::string id;
  std::string title;
  int year = 0;
  std::string url;
  std::string kind;                // trade-press, consumer-advice, expert-interview, authority, academic, other
  std::vector<std::string> names;  // feature ids this source names, each once
  Loc loc;
  Loc names_loc;
};

/// The documented rule that turns the literature table into weights
/// (docs/formats.md, "Weights from sources").
struct DerivationRule {
  std::string rule;  // "rank-frequency" or "proportional"
  int lowest = 1;    // rank-frequency: weight of the least-named rank
  int step = 1;      // rank-frequency: added per rank above the least-named
  int factor = 1;    // proportional: weight = factor × number of sources
  Loc loc;
};

enum class WeightsProvenance { published, derived, reconstructed };
const char* to_string(WeightsProvenance provenance);

/// A versioned methodology of a category: scale, features, weights, classes.
struct Methodology {
  std::string category;
  int version = 0;
  Date effective;
  Text name;
  Text summary;
  Text slug;
  WeightsProvenance weights_provenance = WeightsProvenance::reconstructed;
  Text provenance_note;
  std::optional<Text> hosting_note;
  std::vector<Level> levels;      // best first
  std::vector<Feature> features;  // most important first
  std::vector<Standard> standards;
  std::vector<ClassBand> classes;            // best first
  std::vector<LiteratureSource> sources;     // optional literature table
  std::optional<DerivationRule> derivation;  // present exactly when sources are
  Loc loc;

  /// Computed from the scale and the weights, never typed.
  int max_points() const;
  int min_points() const;
  int weight_sum() const;

  const Level* level(std::string_view id) const;
  const Feature* feature(std::string_view id) const;
  const ClassBand* class_band(std::string_view id) const;
  /// Index of a class in best-first order; -1 when unknown.
  int class_index(std::string_view id) const;
  /// The level with the fewest points (what `unknown` counts as).
  const Level& lowest_level() const;
  const Level& highest_level() const;
  /// The class whose range contains points; nullptr when none does.
  const ClassBand* class_for(int points) const;
};

enum class RatingStatus { sourced, unverified };
const char* to_string(RatingStatus status);

struct Evidence {
  std::string url;
  std::string title;
  std::string quote;  // verbatim, may be empty
  std::optional<Date> retrieved;
  Loc loc;
};

/// The level of one feature for one service, with its justification.
struct Rating {
  static constexpr const char* k_unknown = "unknown";

  std::string feature;
  std::string level;  // a level id or "unknown"
  RatingStatus status = RatingStatus::unverified;
  Text justification;
  std::vector<Evidence> evidence;
  Loc loc;
  Loc level_loc;

  bool unknown() const { return level == k_unknown; }
};

/// A hosting variant of a service (self-hosted, a named provider, a regional
/// offer). It inherits every rating of its assessment and overrides some.
/// The default variant is the one that was rated: it overrides nothing, so
/// the assessment's own score is the default variant's score.
struct Variant {
  std::string id;
  Text name;
  std::string operator_name;  // who runs it ("8x8, Inc."); may be empty (self-hosted)
  std::string url;            // may be empty
  bool is_default = false;
  std::optional<Text> note;
  std::vector<Rating> ratings;  // overrides, at most one per feature
  Loc loc;

  const Rating* rating(std::string_view feature) const;
};

/// A service as assessed in one edition.
struct Assessment {
  std::string id;
  std::string name;
  std::string vendor;
  std::string website;
  std::string licence;
  std::string repository;
  std::optional<Text> note;
  std::vector<Rating> ratings;
  std::vector<Variant> variants;  // empty, or exactly one default
  Loc loc;

  const Rating* rating(std::string_view feature) const;
  const Variant* variant(std::string_view variant_id) const;
  /// The variant marked default; nullptr when there are no variants.
  const Variant* default_variant() const;
  /// Whether the score depends on who hosts or offers the service.
  bool depends_on_host() const { return !variants.empty(); }
};

struct EditionNote {
  std::string kind;  // joined, left, reassessment, correction, methodology, other
  std::string service;
  std::string feature;
  Text text;
  Text reason;
  Loc loc;
};

/// A figure printed in the original publication, kept to cross-check.
struct PublishedFigure {
  std::string service;
  std::optional<int> points;
  std::string class_id;
  std::optional<int> methodology;  // scored under this version, if not the edition's
  Loc loc;
};

/// A dated edition of a category: the assessments as published that day.
struct Edition {
  std::string category;
  Date date;
  int methodology = 0;
  Loc methodology_loc;  // where `methodology` is written
  Text title;
  Text summary;
  std::string source;
  std::vector<std::string> services;
  std::vector<Loc> service_locs;
  std::vector<EditionNote> notes;
  std::vector<PublishedFigure> published;
  std::vector<Assessment> assessments;  // in the order of `services`
  Loc loc;

  const Assessment* assessment(std::string_view id) const;
};

/// A category with all its methodology versions and editions.
struct Category {
  std::string id;
  std::map<int, Methodology> methodologies;
  std::vector<Edition> editions;  // oldest first

  const Methodology* methodology(int version) const;
  const Methodology* latest_methodology() const;
  const Edition* edition(const Date& date) const;
  const Edition* latest_edition() const;
  /// The edition before `edition`, or nullptr.
  const Edition* previous(const Edition& edition) const;
  /// Resolves "latest" or "YYYY-MM-DD"; nullptr when there is no such edition.
  const Edition* find_edition(std::string_view spec) const;
};

/// Everything loaded from a data directory.
struct Catalogue {
  std::vector<Category> categories;  // sorted by id

  const Category* category(std::string_view id) const;
  std::vector<std::string> category_ids() const;
};

}  // namespace privascore
