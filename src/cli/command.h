// The command table: each subcommand is one row (name, summary, setup).
//
// setup() adds the subcommand's options to its CLI11 app and returns the
// function that runs it; that function returns the process exit code.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace privascore {

/// Exit codes shared by every subcommand.
enum ExitCode : int {
  k_exit_ok = 0,
  k_exit_failure = 1,       // a request that cannot be met (unknown service, I/O error)
  k_exit_invalid_data = 2,  // the data has errors; nothing was written
  k_exit_usage = 64,        // wrong command line
};

using CommandRunner = std::function<int()>;

struct CommandSpec {
  const char* name;
  const char* summary;
  std::function<CommandRunner(CLI::App&)> setup;
};

/// Every subcommand, in the order `--help` lists them.
const std::vector<CommandSpec>& command_table();

/// Runs the program; the body of main().
int run_cli(int argc, char** argv);

}  // namespace privascore
