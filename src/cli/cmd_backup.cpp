// privascore backup: a consistent copy of the database, safe while serving.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "store/backup.h"
#include "store/store.h"

namespace privascore {

CommandSpec backup_command() {
  return {"backup", "Copy the database to FILE with SQLite's online backup (safe while the server runs)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string file;
              std::string db = store::k_default_database;
              bool force = false;
            };
            auto o = std::make_shared<Options>();
            app.add_option("FILE", o->file, "Backup file to write")->required();
            app.add_option("--db", o->db, std::string("Database file (default: ") + store::k_default_database + ")");
            app.add_flag("--force", o->force, "Overwrite FILE when it exists");
            app.footer("FILE is a single self-contained SQLite file; `privascore restore FILE` brings it back.");
            return [o]() {
              auto summary = store::backup_database(o->db, o->file, o->force);
              if (!summary) {
                print_error(summary.error().message, summary.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::cout << "backed up " << o->db << " to " << o->file << " (schema version " << summary->schema_version
                        << ", " << summary->bytes << " bytes)\n";
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
