// privascore score: the ranked scores of one edition.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "render/score_json.h"
#include "render/score_text.h"
#include "scoring/scoring.h"

namespace privascore {

CommandSpec score_command() {
  return {"score", "Print the ranked scores of an edition (table, json, csv or md)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              CommonOptions common;
              std::string category;
              std::string edition = "latest";
              std::string format = "table";
              int methodology = 0;
            };
            auto o = std::make_shared<Options>();
            o->common.add_to(app);
            app.add_option("--category,-c", o->category, "Category id, e.g. video-conferencing")->required();
            app.add_option("--edition,-e", o->edition, "Edition date YYYY-MM-DD or latest (default)");
            app.add_option("--format,-f", o->format, "table (default), json, csv or md")
                ->check(CLI::IsMember({"table", "json", "csv", "md"}));
            app.add_option("--methodology,-m", o->methodology,
                           "Score the edition's ratings under another methodology version");
            return [o]() {
              auto catalogue = load_valid_catalogue(o->common.data);
              if (!catalogue) return static_cast<int>(k_exit_invalid_data);
              const Category* category = require_category(*catalogue, o->category);
              if (!category) return static_cast<int>(k_exit_failure);
              const Edition* edition = require_edition(*category, o->edition);
              if (!edition) return static_cast<int>(k_exit_failure);
              const int version = o->methodology ? o->methodology : edition->methodology;
              const Methodology* m = category->methodology(version);
              if (!m) {
                print_error("category `" + category->id + "` has no methodology version " + std::to_string(version));
                return static_cast<int>(k_exit_failure);
              }
              const EditionScore score = score_edition(*m, *edition);
              const Lang lang = o->common.language();
              if (o->format == "json")
                std::cout << score_json(*category, score, lang).dump(2) << "\n";
              else if (o->format == "csv")
                std::cout << score_csv(score, lang);
              else if (o->format == "md")
                std::cout << score_markdown(*category, score, lang);
              else
                std::cout << score_table(*category, score, lang, o->common.style());
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
