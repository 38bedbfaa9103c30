// privascore import: validate a data directory and add it to the database.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "check/check.h"
#include "cli/cli_common.h"
#include "cli/command.h"
#include "loader/loader.h"
#include "store/import_plan.h"
#include "store/store.h"

namespace privascore {

namespace {

/// --dry-run: the plan of the import, nothing written (a missing database
/// is not created).
int dry_run_import(const Catalogue& catalogue, const std::string& shown, const std::string& path) {
  Catalogue database;
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (exists) {
    auto db = store::Store::open(path, store::Store::OpenMode::read_only);
    if (!db) {
      print_error(db.error().message, db.error().hint);
      return static_cast<int>(k_exit_failure);
    }
    auto loaded = db->load_catalogue();
    if (!loaded) {
      print_error(loaded.error().message, loaded.error().hint);
      return static_cast<int>(k_exit_failure);
    }
    database = std::move(*loaded);
  }
  const store::ImportPlan plan = store::plan_import(database, catalogue);
  std::cout << "dry run: importing " << shown << " into " << path << (exists ? "" : " (a new database)") << " would\n"
            << plan.to_text();
  if (plan.refuses()) {
    std::cout << "the import would be refused and write nothing: a published edition or methodology version never "
                 "changes; put a correction in a new edition (a new date) and a changed methodology in a new "
                 "version\n";
    return static_cast<int>(k_exit_failure);
  }
  std::cout << (plan.adds() ? "nothing was written; run the same command without --dry-run to import it\n"
                            : "nothing to import: the database holds all of it\n");
  return static_cast<int>(k_exit_ok);
}

}  // namespace

CommandSpec import_command() {
  return {
      "import", "Validate the data, then add it to the database in one transaction (published editions never change)",
      [](CLI::App& app) -> CommandRunner {
        struct Options {
          std::string data;
          std::string db = store::k_default_database;
          bool dry_run = false;
        };
        auto o = std::make_shared<Options>();
        app.add_option("--data", o->data, "Data directory (default: the data bundled in the binary)");
        app.add_option("--db", o->db,
                       std::string("Database file, created when missing (default: ") + store::k_default_database + ")");
        app.add_flag("--dry-run", o->dry_run,
                     "Show what the import would add and refuse, and change nothing (exit 1 when it would refuse)");
        app.footer(
            "Validates the data exactly like `privascore check` and writes nothing when it has errors (exit 2). "
            "Importing data that is already in the database changes nothing. An edition or methodology version "
            "that is already in the database with different content is refused (exit 1): a correction is a new "
            "edition. --dry-run lists the new editions and methodology versions and the refused ones first; "
            "`privascore serve` names this command when its data differs from the database.");
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
          if (o->dry_run) return dry_run_import(catalogue, shown, o->db);
          auto db = store::Store::open(o->db, store::Store::OpenMode::create);
          if (!db) {
            print_error(db.error().message, db.error().hint);
            return static_cast<int>(k_exit_failure);
          }
          // What is new, to list it once it is in (the import itself refuses
          // the whole of it when anything published would change).
          auto before = db->load_catalogue();
          if (!before) {
            print_error(before.error().message, before.error().hint);
            return static_cast<int>(k_exit_failure);
          }
          const store::ImportPlan plan = store::plan_import(*before, catalogue);
          auto summary = db->import_catalogue(catalogue);
          if (!summary) {
            print_error(summary.error().message, summary.error().hint);
            if (plan.refused.size() > 1) {
              std::cerr << "  " << plan.refused.size()
                        << " published elements differ in all; the same command with --dry-run lists them\n";
            }
            return static_cast<int>(k_exit_failure);
          }
          if (summary->changed()) {
            std::cout << "imported " << shown << " into " << o->db << ": " << summary->to_string() << "\n";
            const std::string added = plan.to_text();
            for (std::size_t at = 0; at < added.size() && added[at] == '+';) {
              const std::size_t end = added.find('\n', at);
              std::cout << added.substr(at, end - at + 1);
              at = end + 1;
            }
          } else
            std::cout << "already up to date: " << o->db << " holds all of " << shown << " (" << summary->to_string()
                      << ")\n";
          return static_cast<int>(k_exit_ok);
        };
      }};
}

}  // namespace privascore
