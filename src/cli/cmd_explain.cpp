// privascore explain: every point of one service, with justification and evidence.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "render/score_json.h"
#include "render/score_text.h"
#include "scoring/scoring.h"
#include "scoring/variants.h"
#include "util/text.h"

namespace privascore {

CommandSpec explain_command() {
  return {"explain", "Explain a service's score: points earned and lost per feature, with evidence",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              CommonOptions common;
              std::string service;
              std::string category;
              std::string edition = "latest";
              std::string format = "text";
              std::string variant;
            };
            auto o = std::make_shared<Options>();
            o->common.add_to(app);
            app.add_option("service", o->service, "Service id, e.g. jitsi-meet")->required();
            app.add_option("--category,-c", o->category, "Category id (needed when the id is in several categories)");
            app.add_option("--edition,-e", o->edition, "Edition date YYYY-MM-DD or latest (default)");
            app.add_option("--format,-f", o->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
            app.add_option("--variant", o->variant, "Hosting variant id, e.g. meet-jit-si (default: the one rated)");
            return [o]() {
              auto catalogue = load_valid_catalogue(o->common.data);
              if (!catalogue) return static_cast<int>(k_exit_invalid_data);
              std::vector<const Category*> candidates;
              if (!o->category.empty()) {
                const Category* c = require_category(*catalogue, o->category);
                if (!c) return static_cast<int>(k_exit_failure);
                candidates.push_back(c);
              } else {
                for (const auto& c : catalogue->categories) candidates.push_back(&c);
              }
              std::vector<std::pair<const Category*, const Edition*>> found;
              std::vector<std::string> all_ids;
              for (const Category* c : candidates) {
                const Edition* e = c->find_edition(o->edition);
                if (!e) continue;
                for (const auto& id : e->services) all_ids.push_back(id);
                if (e->assessment(o->service)) found.emplace_back(c, e);
              }
              if (found.empty()) {
                if (candidates.size() == 1 && !candidates[0]->find_edition(o->edition)) {
                  require_edition(*candidates[0], o->edition);
                  return static_cast<int>(k_exit_failure);
                }
                std::string close = closest_match(o->service, all_ids);
                print_error("no service `" + o->service + "` in edition " + o->edition,
                            close.empty() ? "services: " + join(all_ids, ", ") : "did you mean `" + close + "`?");
                return static_cast<int>(k_exit_failure);
              }
              if (found.size() > 1) {
                std::vector<std::string> ids;
                for (const auto& [c, e] : found) ids.push_back(c->id);
                print_error("service `" + o->service + "` is rated in several categories",
                            "add --category " + join(ids, " or --category "));
                return static_cast<int>(k_exit_failure);
              }
              const auto [category, edition] = found.front();
              const Methodology* m = category->methodology(edition->methodology);
              const EditionScore score = score_edition(*m, *edition);
              const ServiceScore* s = score.service(o->service);
              const Lang lang = o->common.language();
              // Hosting variants: the explanation lists them; --variant explains one of them.
              const Assessment& assessment = *edition->assessment(o->service);
              std::vector<VariantScore> variants;
              const VariantScore* chosen = nullptr;
              if (!o->variant.empty()) {
                variants = score_variants(*m, *edition, assessment);
                std::vector<std::string> ids;
                for (const auto& v : variants) {
                  ids.push_back(v.variant->id);
                  if (v.variant->id == o->variant) chosen = &v;
                }
                if (!chosen) {
                  std::string close = closest_match(o->variant, ids);
                  print_error("service `" + o->service + "` has no variant `" + o->variant + "`",
                              ids.empty()
                                  ? "it has no hosting variants"
                                  : (close.empty() ? "variants: " + join(ids, ", ") : "did you mean `" + close + "`?"));
                  return static_cast<int>(k_exit_failure);
                }
              }
              if (o->format == "json") {
                std::cout << (chosen ? explain_variant_json(*category, *chosen, variants, lang)
                                     : explain_json(*category, score, *s, lang))
                                 .dump(2)
                          << "\n";
              } else {
                std::cout << (chosen ? explain_variant_text(*category, *chosen, variants, lang, o->common.style())
                                     : explain_text(*category, score, *s, lang, o->common.style()));
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
