// Renderings of the method's results for the command line and the JSON API:
// the weight derivation, robustness and personal rankings (hosting variants
// are rendered with the explanation, in render/score_json.h and render/score_text.h).
//
// Pure: every function returns text or a JSON value. The JSON shapes are
// documented in docs/methodology.md and are what the web API serves.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "method/derivation.h"
#include "method/personal.h"
#include "method/robustness.h"
#include "model/model.h"
#include "scoring/scoring.h"

namespace privascore::method {

nlohmann::json weights_json(const Category& category, const Methodology& methodology,
                            const std::optional<WeightDerivation>& derivation, Lang lang);
std::string weights_text(const Category& category, const Methodology& methodology,
                         const std::optional<WeightDerivation>& derivation, Lang lang);

/// "stable" or "borderline".
const char* verdict(const ServiceRobustness& service);
/// One sentence describing the model ("every weight varied independently …").
std::string model_description(const RobustnessOptions& options, Lang lang);
nlohmann::json robustness_json(const Category& category, const Methodology& methodology, const Edition& edition,
                               const RobustnessResult& result, Lang lang);
/// One service's figures, as the service page and the API show them.
nlohmann::json service_robustness_json(const Methodology& methodology, const ServiceRobustness& service);
std::string robustness_text(const Category& category, const Methodology& methodology, const Edition& edition,
                            const RobustnessResult& result, Lang lang);

nlohmann::json personal_json(const Category& category, const PersonalRanking& ranking, Lang lang);

}  // namespace privascore::method
