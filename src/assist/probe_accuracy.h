// The measured precision of each instance-probe rule: how often the
// verdict of a rule was right on the probe corpus of real configurations
// (tests/assist/real/, docs/assist.md). The figures are computed by
// ProbeCorpus.VerdictsOnRealConfigurations and stored in
// assist-data/probe-accuracy/accuracy.json, which the binary embeds; each
// probe suggestion carries its rule's figures. Read-only; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privascore::assist {

struct RuleAccuracy {
  std::string rule;     // "jitsi.e2e.available"
  std::string feature;  // "e2e"
  int right = 0;        // verdicts of the rule that were right on the corpus
  int total = 0;        // verdicts the rule gave on the corpus
};

/// The text of accuracy.json for these figures (rules sorted by id).
std::string accuracy_json(std::vector<RuleAccuracy> rules, std::size_t samples);

/// The embedded figures of rule, or nullopt when the corpus never exercised it.
std::optional<RuleAccuracy> rule_accuracy(std::string_view rule);

/// "right in 12 of 13 real configurations" or "not measured on the corpus".
std::string describe(const std::optional<RuleAccuracy>& accuracy);

}  // namespace privascore::assist
