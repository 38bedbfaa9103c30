#include "resources/resources.h"

namespace privascore::resources {

const std::vector<EmbeddedFile>& files_data();
const std::vector<EmbeddedFile>& files_web();

const std::vector<EmbeddedFile>& files(std::string_view set) {
  static const std::vector<EmbeddedFile> k_none;
  if (set == "data") return files_data();
  if (set == "web") return files_web();
  return k_none;
}

}  // namespace privascore::resources
