#include "web/http.h"

namespace privascore::web {

namespace {
const std::string k_empty;
}

const std::string& Request::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return k_empty;
}

void Response::set_header(const std::string& name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (key == name) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(name, std::move(value));
}

const std::string& Response::header(const std::string& name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return k_empty;
}

}  // namespace privascore::web
