// privascore weights: how a methodology's weights follow from its literature
// table (frequency count, ranking, derived weights), or that the derivation
// is not published.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "method/derivation.h"
#include "method/method_output.h"

namespace privascore {

CommandSpec weights_command() {
  return {"weights", "Show how the weights follow from the literature table (or that they are not derived)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              CommonOptions common;
              std::string category;
              int methodology = 0;
              std::string format = "text";
            };
            auto o = std::make_shared<Options>();
            o->common.add_to(app);
            app.add_option("--category,-c", o->category, "Category id, e.g. messengers")->required();
            app.add_option("--methodology,-m", o->methodology, "Methodology version (default: the latest)");
            app.add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
            return [o]() {
              auto catalogue = load_valid_catalogue(o->common.data);
              if (!catalogue) return static_cast<int>(k_exit_invalid_data);
              const Category* category = require_category(*catalogue, o->category);
              if (!category) return static_cast<int>(k_exit_failure);
              const Methodology* m =
                  o->methodology ? category->methodology(o->methodology) : category->latest_methodology();
              if (!m) {
                std::string versions;
                for (const auto& [v, unused] : category->methodologies)
                  versions += (versions.empty() ? "" : ", ") + std::to_string(v);
                print_error(
                    "category `" + category->id + "` has no methodology version " + std::to_string(o->methodology),
                    "versions: " + versions);
                return static_cast<int>(k_exit_failure);
              }
              const auto derivation = method::derive_weights(*m);
              const Lang lang = o->common.language();
              if (o->format == "json")
                std::cout << method::weights_json(*category, *m, derivation, lang).dump(2) << "\n";
              else
                std::cout << method::weights_text(*category, *m, derivation, lang);
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
