#include "assist/probe_accuracy.h"

#include <algorithm>
#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "resources/resources.h"

namespace privascore::resources {
const std::vector<EmbeddedFile>& files_assist_probe();
}  // namespace privascore::resources

namespace privascore::assist {

std::string accuracy_json(std::vector<RuleAccuracy> rules, std::size_t samples) {
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.rule < b.rule; });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& r : rules)
    list.push_back({{"rule", r.rule}, {"feature", r.feature}, {"right", r.right}, {"total", r.total}});
  nlohmann::ordered_json root = {
      {"generated_by",
       "PRIVASCORE_UPDATE_GOLDEN=1 build/tests/privascore_tests --gtest_filter='ProbeCorpus.*' (do not edit)"},
      {"corpus", "tests/assist/real/expected.toml"},
      {"samples", samples},
      {"rules", list}};
  return root.dump(1) + "\n";
}

namespace {

const std::map<std::string, RuleAccuracy, std::less<>>& embedded() {
  static const auto k_table = [] {
    std::map<std::string, RuleAccuracy, std::less<>> table;
    for (const auto& file : resources::files_assist_probe()) {
      if (file.path != "accuracy.json") continue;
      auto root = nlohmann::json::parse(file.content, nullptr, false);
      if (!root.is_object() || !root.contains("rules") || !root["rules"].is_array()) continue;
      for (const auto& r : root["rules"]) {
        if (!r.is_object()) continue;
        RuleAccuracy a;
        a.rule = r.value("rule", "");
        a.feature = r.value("feature", "");
        a.right = r.value("right", 0);
        a.total = r.value("total", 0);
        if (!a.rule.empty()) table[a.rule] = a;
      }
    }
    return table;
  }();
  return k_table;
}

}  // namespace

std::optional<RuleAccuracy> rule_accuracy(std::string_view rule) {
  const auto& table = embedded();
  auto it = table.find(rule);
  if (it == table.end()) return std::nullopt;
  return it->second;
}

std::string describe(const std::optional<RuleAccuracy>& a) {
  if (!a || a->total == 0) return "not measured on the corpus of real configurations";
  return "right in " + std::to_string(a->right) + " of " + std::to_string(a->total) + " real configurations";
}

}  // namespace privascore::assist
