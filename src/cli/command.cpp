#include "cli/command.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "version.h"

namespace privascore {

CommandSpec check_command();
CommandSpec score_command();
CommandSpec explain_command();
CommandSpec diff_command();
CommandSpec weights_command();
CommandSpec robustness_command();
CommandSpec serve_command();
CommandSpec build_command();
CommandSpec import_command();
CommandSpec import_wordpress_command();
CommandSpec export_command();
CommandSpec backup_command();
CommandSpec restore_command();
CommandSpec probe_command();
CommandSpec assist_command();
CommandSpec user_command();
CommandSpec audit_command();

const std::vector<CommandSpec>& command_table() {
  static const std::vector<CommandSpec> k_commands = {
      check_command(),      score_command(),  explain_command(), diff_command(),   weights_command(),
      robustness_command(), serve_command(),  build_command(),   import_command(), import_wordpress_command(),
      export_command(),     backup_command(), restore_command(), probe_command(),  assist_command(),
      user_command(),       audit_command(),
  };
  return k_commands;
}

int run_cli(int argc, char** argv) {
  CLI::App app{"privascore: rates the data protection of apps and services (PRIVA SCORE)", "privascore"};
  app.set_version_flag("--version,-V", std::string("privascore ") + k_version);
  app.require_subcommand(1);
  app.footer("Run `privascore COMMAND --help` for the options of a command. Documentation: README.md, docs/.");
  std::vector<std::pair<CLI::App*, CommandRunner>> runners;
  for (const auto& spec : command_table()) {
    CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
    runners.emplace_back(sub, spec.setup(*sub));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // The boundary where CLI11's exceptions become an exit code.
    app.exit(e);
    return k_exit_usage;
  }
  for (auto& [sub, runner] : runners) {
    if (sub->parsed()) return runner();
  }
  return k_exit_usage;
}

}  // namespace privascore
