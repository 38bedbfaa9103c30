#include <exception>
#include <iostream>

#include "cli/command.h"

int main(int argc, char** argv) {
  try {
    return privascore::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, not a user error: say so plainly.
    std::cerr << "privascore: internal error: " << e.what() << "\n";
    return 70;
  }
}
