// privascore robustness: per service, the share of plausible weightings under
// which it keeps its class and the range of ranks it takes.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "method/method_output.h"
#include "method/robustness.h"

namespace privascore {

CommandSpec robustness_command() {
  return {"robustness", "Would each service keep its class under other plausible weights? (seeded sampling)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              CommonOptions common;
              std::string category;
              std::string edition = "latest";
              std::string model = "pm25";
              std::uint64_t samples = 10000;
              std::uint64_t seed = 1;
              std::string format = "text";
            };
            auto o = std::make_shared<Options>();
            o->common.add_to(app);
            app.add_option("--category,-c", o->category, "Category id, e.g. video-conferencing")->required();
            app.add_option("--edition,-e", o->edition, "Edition date YYYY-MM-DD or latest (default)");
            app.add_option("--model", o->model,
                           "pm25 (default): every weight ±25 %; order: every weighting keeping the published order")
                ->check(CLI::IsMember({"pm25", "order"}));
            app.add_option("--samples,-n", o->samples, "Number of weightings (default 10000)")
                ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100000000}));
            app.add_option("--seed", o->seed,
                           "Seed of the generator (default 1); the same seed gives the same figures");
            app.add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
            return [o]() {
              auto catalogue = load_valid_catalogue(o->common.data);
              if (!catalogue) return static_cast<int>(k_exit_invalid_data);
              const Category* category = require_category(*catalogue, o->category);
              if (!category) return static_cast<int>(k_exit_failure);
              const Edition* edition = require_edition(*category, o->edition);
              if (!edition) return static_cast<int>(k_exit_failure);
              const Methodology* m = category->methodology(edition->methodology);
              if (!m) return static_cast<int>(k_exit_failure);
              method::RobustnessOptions options;
              options.model = *method::parse_weight_model(o->model);
              options.samples = o->samples;
              options.seed = o->seed;
              const auto result = method::robustness(*m, *edition, options);
              if (!result) {
                print_error(result.error().message);
                return static_cast<int>(k_exit_failure);
              }
              const Lang lang = o->common.language();
              if (o->format == "json")
                std::cout << method::robustness_json(*category, *m, *edition, *result, lang).dump(2) << "\n";
              else
                std::cout << method::robustness_text(*category, *m, *edition, *result, lang);
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
