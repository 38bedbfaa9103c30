// The JSON form of what a draft proposes (a rating, a new service, a
// methodology change) and of the published state it replaces, as stored in
// draft.payload / draft.before and shown in the audit trail.
//
// Reading checks the shape (types, required keys) and reports the first
// problem; whether the values fit the methodology is checked when the draft
// is applied (draft_apply.h). Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/model.h"
#include "util/error.h"

namespace privascore::editor {

nlohmann::json text_json(const Text& text);

/// {feature, level, status, justification: {de, en}, evidence: [{url, title, quote, retrieved}]}.
nlohmann::json rating_json(const Rating& rating);
Result<Rating> rating_from_json(const nlohmann::json& json);

/// The service itself, without ratings: {id, name, vendor, website, licence, repository, note}.
nlohmann::json service_json(const Assessment& assessment);
Result<Assessment> service_from_json(const nlohmann::json& json);

/// A hosting variant without its rating overrides: {id, name: {de, en},
/// operator, url, note}.
nlohmann::json variant_json(const Variant& variant);
Result<Variant> variant_from_json(const nlohmann::json& json);

/// New point bounds of one class (nullopt: open on that side).
struct ClassBounds {
  std::string id;
  std::optional<Bound> lower;
  std::optional<Bound> upper;
};

/// A methodology change an admin proposes: weights and class thresholds.
struct MethodologyEdit {
  std::vector<std::pair<std::string, int>> weights;  // feature id, weight; every feature
  std::vector<ClassBounds> classes;                  // every class, best first
};

nlohmann::json methodology_edit_json(const MethodologyEdit& change);
Result<MethodologyEdit> methodology_edit_from_json(const nlohmann::json& json);
/// The weights and thresholds a methodology has now.
MethodologyEdit current_weights(const Methodology& methodology);
/// A copy of base as version `version`, effective on `effective`, with the
/// change's weights and bounds. Features and classes the change does not
/// name keep their values.
Methodology apply_methodology_edit(const Methodology& base, const MethodologyEdit& change, int version,
                                   const Date& effective);

}  // namespace privascore::editor
