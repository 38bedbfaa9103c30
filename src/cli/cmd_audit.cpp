// privascore audit export: the editor's audit trail as JSON.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "editor/audit.h"
#include "editor/editor_schema.h"
#include "store/store.h"

namespace privascore {

CommandSpec audit_command() {
  return {"audit", "Export the editor's audit trail (who changed what, when and why) as JSON",
          [](CLI::App& app) -> CommandRunner {
            struct Options {
              std::string db = store::k_default_database;
              std::string service;
              std::string category;
            };
            auto o = std::make_shared<Options>();
            app.require_subcommand(1);
            CLI::App* exp = app.add_subcommand("export", "Print every audit event as JSON, newest first");
            exp->add_option("--service", o->service, "Only events about this service id");
            exp->add_option("--category", o->category, "Only events about this category id");
            exp->add_option("--db", o->db, std::string("Database file (default: ") + store::k_default_database + ")");
            return [o]() {
              auto opened = store::Store::open(o->db, store::Store::OpenMode::existing);
              if (!opened) {
                print_error(opened.error().message, opened.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              auto migrated = editor::migrate_editor(opened->database());
              if (!migrated) {
                print_error(migrated.error().message, migrated.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              auto events = editor::audit_events(opened->database(), editor::AuditFilter{o->category, o->service, 0});
              if (!events) {
                print_error(events.error().message, events.error().hint);
                return static_cast<int>(k_exit_failure);
              }
              std::cout << editor::audit_json(*events).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                        << "\n";
              return static_cast<int>(k_exit_ok);
            };
          }};
}

}  // namespace privascore
