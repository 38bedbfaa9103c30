// privascore restore: replace the database with a checked backup.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "store/backup.h"
#include "store/store.h"

namespace privascore {

CommandSpec restore_command() {
  return {"restore", "Replace the database with a backup made by `privascore backup` (checked first, atomic)",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string file;
              std::string db = store::k_default_database;
            };
            auto o = std::make_shared<Options>();
            app.add_option("FILE", o->file, "Backup file to restore")->required();
            app.add_option("--db", o->db,
                           std::string("Database file to replace (default: ") + store::k_default_database + ")");
            app.footer(
                "The backup's schema version and integrity are checked before anything is written; the database "
                "then changes in one transaction. Restart a running server afterwards.");
            return [o]() {
              auto summary = store::restore_database(o->file, o->db);
              if (!summary) {
                print_error(summary.error().message, summary.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::cout << "restored " << o->file << " into " << o->db << " (backup schema version "
                        << summary->backup_version << ", now " << summary->schema_version << ")\n";
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
