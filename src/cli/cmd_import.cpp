// privascore import: validate a data directory and add it to the database.
#include <CLI/CLI.hpp>
#include <iostream>

#include "check/check.h"
#include "cli/cli_common.h"
#include "cli/command.h"
#include "loader/loader.h"
#include "store/store.h"

namespace privascore {

CommandSpec import_command() {
  return {
      "import", "Validate the data, then add it to the database in one transaction (published editions never change)",
      [](CLI::App& app) -> CommandRunner {
        struct Options {
          std::string data;
          std::string db = store::k_default_database;
        };
        auto o = std::make_shared<Options>();
        app.add_option("--data", o->data, "Data directory (default: the data bundled in the binary)");
        app.add_option("--db", o->db,
                       std::string("Database file, created when missing (default: ") + store::k_default_database + ")");
        app.footer(
            "Validates the data exactly like `privascore check` and writes nothing when it has errors (exit 2). "
            "Importing data that is already in the database changes nothing. An edition or methodology version "
            "that is already in the database with different content is refused (exit 1): a correction is a new "
            "edition.");
        return [o]() {
          const std::string shown = o->data.empty() ? std::string("the bundled data") : o->data;
          auto source = open_data(o->data);
          DiagnosticSink sink;
          Catalogue catalogue = load_catalogue(*source, sink);
          if (!sink.has_errors()) check_catalogue(catalogue, CheckOptions{today(), 12}, sink);
          if (sink.has_errors()) {
            for (const auto& d : sink.items()) {
              if (d.severity == Severity::error) std::cerr << d.to_string() << "\n";
            }
            std::cerr << "privascore: " << sink.error_count() << " error(s) in " << shown << "; nothing was written to "
                      << o->db << "\n";
            return static_cast<int>(k_exit_invalid_data);
          }
          auto db = store::Store::open(o->db, store::Store::OpenMode::create);
          if (!db) {
            print_error(db.error().message, db.error().hint);
            return static_cast<int>(k_exit_failure);
          }
          auto summary = db->import_catalogue(catalogue);
          if (!summary) {
            print_error(summary.error().message, summary.error().hint);
            return static_cast<int>(k_exit_failure);
          }
          if (summary->changed())
            std::cout << "imported " << shown << " into " << o->db << ": " << summary->to_string() << "\n";
          else
            std::cout << "already up to date: " << o->db << " holds all of " << shown << " (" << summary->to_string()
                      << ")\n";
          return static_cast<int>(k_exit_ok);
        };
      }};
}

}  // namespace privascore
