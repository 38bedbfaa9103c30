// Helpers for tests: paths of the source tree and the binary, running the
// CLI as a subprocess, reading files.
#pragma once

#include <string>
#include <vector>

namespace privascore::test {

/// Absolute path of a file in the source tree ("data", "tests/golden/x").
std::string source_path(const std::string& relative);

/// Path of the built privascore executable.
std::string binary_path();

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

/// Runs the privascore binary with args (no shell), environment LANG=C,
/// NO_COLOR=1, and returns its exit code and output.
RunResult run_privascore(const std::vector<std::string>& args);

/// The whole file; fails the current test when it cannot be read.
std::string read_text(const std::string& path);

}  // namespace privascore::test
