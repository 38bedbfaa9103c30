// Helpers for the method's unit tests: small methodologies and assessments
// built from inline TOML, and a loader over an in-memory data tree.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "loader/loader.h"
#include "model/model.h"

namespace privascore::method::testing {

/// Every diagnostic as text, for failure messages.
inline std::string diagnostics(const DiagnosticSink& sink) {
  std::string out;
  for (const auto& d : sink.items()) out += d.to_string() + "\n";
  return out;
}

/// The common head of a test methodology: four levels (green 3, yellow 2,
/// red 1, absent 0) and three classes (green > 2/3 of max … red < 1/3).
inline std::string methodology_head(const std::string& provenance = "published") {
  return R"(category = "t"
version = 1
effective = 2024-06-01
name = { de = "T", en = "T" }
summary = { de = "T", en = "T" }
slug = { de = "t", en = "t" }
weights_provenance = ")" +
         provenance + R"("
provenance_note = { de = "n", en = "n" }
[[level]]
id = "green"
points = 3
colour = "#00aa00"
symbol = "G"
label = { de = "g", en = "g" }
[[level]]
id = "yellow"
points = 2
colour = "#aaaa00"
symbol = "Y"
label = { de = "y", en = "y" }
[[level]]
id = "red"
points = 1
colour = "#aa0000"
symbol = "R"
label = { de = "r", en = "r" }
[[level]]
id = "absent"
points = 0
colour = "#aa0000"
symbol = "X"
label = { de = "x", en = "x" }
)";
}

/// A [[feature]] table.
inline std::string feature(const std::string& id, int weight, const std::string& knockout = "") {
  std::string out = "[[feature]]\nid = \"" + id + "\"\nanchor = \"" + id + "\"\nweight = " + std::to_string(weight) +
                    "\nname = { de = \"" + id + "\", en = \"" + id + "\" }\nexplanation = { de = \"e\", en = \"e\" }\n";
  if (!knockout.empty()) {
    out += "knockout = { level = \"" + knockout +
           "\", cap = \"red\", reason = { de = \"K.o.\", en = \"Knocked out.\" } }\n";
  }
  return out;
}

/// Three classes over [min, max]: green above `green_above`, red below
/// `red_below`, yellow in between (inclusive).
inline std::string classes(int green_above, int red_below) {
  return "[[class]]\nid = \"green\"\ncolour = \"#00aa00\"\nsymbol = \"A\"\nlabel = { de = \"a\", en = \"a\" }\n"
         "more_than = " +
         std::to_string(green_above) +
         "\n[[class]]\nid = \"yellow\"\ncolour = \"#aaaa00\"\nsymbol = \"B\"\nlabel = { de = \"b\", en = \"b\" }\n"
         "at_least = " +
         std::to_string(red_below) + "\nat_most = " + std::to_string(green_above) +
         "\n[[class]]\nid = \"red\"\ncolour = \"#aa0000\"\nsymbol = \"C\"\nlabel = { de = \"c\", en = \"c\" }\n"
         "less_than = " +
         std::to_string(red_below) + "\n";
}

/// Parses and validates; fails the test on any error.
inline Methodology methodology(const std::string& toml) {
  DiagnosticSink sink;
  auto m = parse_methodology(toml, "t.toml", sink);
  EXPECT_TRUE(m) << diagnostics(sink);
  if (!m) return Methodology{};
  validate_methodology(*m, sink);
  EXPECT_FALSE(sink.has_errors()) << diagnostics(sink);
  return *m;
}

/// An assessment with the given (feature, level) ratings, all unverified.
inline Assessment rated(const std::string& id, const std::vector<std::pair<std::string, std::string>>& levels) {
  Assessment a;
  a.id = id;
  a.name = id;
  for (const auto& [feature_id, level] : levels) {
    Rating r;
    r.feature = feature_id;
    r.level = level;
    a.ratings.push_back(r);
  }
  return a;
}

}  // namespace privascore::method::testing
