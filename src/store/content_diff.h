// Content comparison of model values: are two methodologies, editions or
// catalogues the same data, and if not, where is the first difference?
//
// Source locations (Loc) never take part: a value loaded from TOML files and
// the same value loaded from the database compare equal. Every other field
// does, including order (levels, features, services, ratings, evidence and
// notes keep the order of the files). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "model/model.h"

namespace privascore::store {

/// How the two sides are named in a difference ("in the database").
struct DiffLabels {
  std::string a = "in the first";
  std::string b = "in the second";
};

/// nullopt when equal; otherwise the first difference, naming the element
/// and both values, e.g. "services/zoom.toml: rating `e2e`: level is \"red\"
/// in the database, \"yellow\" in the import".
std::optional<std::string> methodology_difference(const Methodology& a, const Methodology& b,
                                                  const DiffLabels& labels = {});
/// Compares the edition.toml fields and every assessment.
std::optional<std::string> edition_difference(const Edition& a, const Edition& b, const DiffLabels& labels = {});
std::optional<std::string> catalogue_difference(const Catalogue& a, const Catalogue& b, const DiffLabels& labels = {});

}  // namespace privascore::store
