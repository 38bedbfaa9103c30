// privascore check: validate the data and cross-check published figures.
#include <CLI/CLI.hpp>
#include <iostream>

#include "check/check.h"
#include "cli/cli_common.h"
#include "cli/command.h"
#include "loader/loader.h"
#include "method/derivation.h"

namespace privascore {

CommandSpec check_command() {
  return {"check", "Validate the data: every problem with file:line:column and a fix; exit 2 when invalid",
          [](CLI::App& app) -> CommandRunner {
            auto options = std::make_shared<CommonOptions>();
            auto max_age = std::make_shared<int>(12);
            auto quiet = std::make_shared<bool>(false);
            options->add_to(app, false);
            app.add_option("--max-evidence-age", *max_age,
                           "Warn when evidence is older than this many months (default 12)")
                ->check(CLI::Range(1, 1200));
            app.add_flag("--quiet,-q", *quiet, "Print errors only, no warnings or summary");
            return [options, max_age, quiet]() {
              auto source = open_data(options->data);
              DiagnosticSink sink;
              Catalogue catalogue = load_catalogue(*source, sink);
              if (!sink.has_errors()) {
                check_catalogue(catalogue, CheckOptions{today(), *max_age}, sink);
                method::check_weight_derivations(catalogue, sink);
              }
              for (const auto& d : sink.items()) {
                if (d.severity == Severity::error || !*quiet) std::cerr << d.to_string() << "\n";
              }
              int editions = 0, assessments = 0, ratings = 0, unverified = 0;
              for (const auto& c : catalogue.categories) {
                editions += static_cast<int>(c.editions.size());
                for (const auto& e : c.editions) {
                  assessments += static_cast<int>(e.assessments.size());
                  for (const auto& a : e.assessments) {
                    for (const auto& r : a.ratings) {
                      ++ratings;
                      unverified += r.status == RatingStatus::unverified;
                    }
                  }
                }
              }
              if (sink.has_errors()) {
                std::cerr << "privascore: " << sink.error_count() << " error(s), " << sink.warning_count()
                          << " warning(s); the data is invalid and nothing was written\n";
                return static_cast<int>(k_exit_invalid_data);
              }
              if (!*quiet) {
                std::cout << "ok: " << catalogue.categories.size() << " categories, " << editions << " editions, "
                          << assessments << " assessments, " << ratings << " ratings (" << unverified
                          << " unverified), " << sink.warning_count() << " warning(s)\n";
              }
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
