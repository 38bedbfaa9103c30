// Files compiled into the binary (the bundled data, later web assets), so
// that `privascore` is one self-contained executable.
//
// The tables are generated at build time by cmake/embed.cmake. Read-only;
// safe from any thread.
#pragma once

#include <string_view>
#include <vector>

namespace privascore::resources {

struct EmbeddedFile {
  std::string_view path;     // relative to the set's root, '/'-separated
  std::string_view content;  // the bytes
};

/// The files of one set ("data", ...); empty for an unknown set.
const std::vector<EmbeddedFile>& files(std::string_view set);

}  // namespace privascore::resources
