// privascore diff: what changed between two editions, and why.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "render/score_json.h"
#include "render/score_text.h"
#include "scoring/diff.h"

namespace privascore {

CommandSpec diff_command() {
  return {"diff", "Compare two editions: joined, left, point and class changes with their causes",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              CommonOptions common;
              std::string category;
              std::string from;
              std::string to = "latest";
              std::string format = "text";
            };
            auto o = std::make_shared<Options>();
            o->common.add_to(app);
            app.add_option("--category,-c", o->category, "Category id")->required();
            app.add_option("from", o->from, "Older edition (YYYY-MM-DD); default: the one before TO");
            app.add_option("to", o->to, "Newer edition (YYYY-MM-DD or latest, the default)");
            app.add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
            return [o]() {
              auto catalogue = load_valid_catalogue(o->common.data);
              if (!catalogue) return static_cast<int>(k_exit_invalid_data);
              const Category* category = require_category(*catalogue, o->category);
              if (!category) return static_cast<int>(k_exit_failure);
              const Edition* to = require_edition(*category, o->to);
              if (!to) return static_cast<int>(k_exit_failure);
              const Edition* from = nullptr;
              if (o->from.empty()) {
                from = category->previous(*to);
                if (!from) {
                  print_error("edition " + to->date.to_string() + " is the first of `" + category->id + "`",
                              "name two editions: privascore diff --category " + category->id + " FROM TO");
                  return static_cast<int>(k_exit_failure);
                }
              } else {
                from = require_edition(*category, o->from);
                if (!from) return static_cast<int>(k_exit_failure);
              }
              const EditionDiff diff = diff_editions(*category, *from, *to);
              const Lang lang = o->common.language();
              if (o->format == "json")
                std::cout << diff_json(*category, diff, lang).dump(2) << "\n";
              else
                std::cout << diff_text(*category, diff, lang, o->common.style());
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
