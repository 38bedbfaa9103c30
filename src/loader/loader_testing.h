// Test data shared by the unit tests of several layers (scoring, check): a
// tiny methodology in TOML. Category "t", version 1; levels green (3 points)
// and red (1); features "a" (weight 2) and "b" (weight 1), so totals run from
// 3 to 9; classes green above 6 points, red at most 6. No knock-out.
#pragma once

namespace privascore::test_data {

inline constexpr const char* k_tiny_methodology = R"(category = "t"
version = 1
effective = 2024-01-01
name = { de = "T", en = "T" }
summary = { de = "T", en = "T" }
slug = { de = "t", en = "t" }
weights_provenance = "published"
provenance_note = { de = "n", en = "n" }
[[level]]
id = "green"
points = 3
colour = "#00aa00"
symbol = "G"
label = { de = "g", en = "g" }
[[level]]
id = "red"
points = 1
colour = "#aa0000"
symbol = "R"
label = { de = "r", en = "r" }
[[feature]]
id = "a"
anchor = "a"
weight = 2
name = { de = "A", en = "A" }
explanation = { de = "A", en = "A" }
[[feature]]
id = "b"
anchor = "b"
weight = 1
name = { de = "B", en = "B" }
explanation = { de = "B", en = "B" }
[[class]]
id = "green"
colour = "#00aa00"
symbol = "G"
label = { de = "g", en = "g" }
more_than = 6
[[class]]
id = "red"
colour = "#aa0000"
symbol = "R"
label = { de = "r", en = "r" }
at_most = 6
)";

}  // namespace privascore::test_data
