// privascore export: write the database as TOML files (docs/formats.md).
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "store/store.h"
#include "store/toml_export.h"

namespace privascore {

CommandSpec export_command() {
  return {"export", "Write every category of the database as TOML files in the layout of docs/formats.md",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string dir;
              std::string db = store::k_default_database;
              bool force = false;
            };
            auto o = std::make_shared<Options>();
            app.add_option("DIR", o->dir, "Folder to write; must be new or empty unless --force")->required();
            app.add_option("--db", o->db, std::string("Database file (default: ") + store::k_default_database + ")");
            app.add_flag("--force", o->force, "Replace DIR when it is not empty (only a privascore data folder)");
            app.footer(
                "The files are written to a temporary folder next to DIR, read back and compared with the database, "
                "and only then renamed to DIR: a failure leaves DIR as it was. `privascore check --data DIR` accepts "
                "the result.");
            return [o]() {
              auto db = store::Store::open(o->db, store::Store::OpenMode::existing);
              if (!db) {
                print_error(db.error().message, db.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              auto catalogue = db->load_catalogue();
              if (!catalogue) {
                print_error(catalogue.error().message, catalogue.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              if (catalogue->categories.empty()) {
                print_error("database " + o->db + " holds no category; nothing to export",
                            "import data first: privascore import --db " + o->db);
                return static_cast<int>(k_exit_failure);
              }
              auto summary = store::export_catalogue(*catalogue, o->dir, store::ExportOptions{o->force});
              if (!summary) {
                print_error(summary.error().message, summary.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::cout << "exported " << catalogue->categories.size() << " categories from " << o->db << " to "
                        << o->dir << ": " << summary->files << " files" << (summary->replaced ? " (replaced)" : "")
                        << "\n";
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
