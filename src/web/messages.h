// Messages: every interface string of the site in German and English, read
// from the catalogs web/i18n/de.json and web/i18n/en.json.
//
// A catalog is one flat JSON object of key → string. Placeholders are
// written {name} and filled by format(). Both catalogs must have the same
// keys (a test checks it). Immutable after construction; thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "model/model.h"
#include "util/error.h"
#include "web/assets.h"

namespace privascore::web {

class Messages {
 public:
  /// Parses the two catalogs. The error names the file and what is wrong
  /// (not JSON, not an object, a value that is not a string).
  static Result<Messages> parse(std::string_view de_json, std::string_view en_json);
  /// Reads i18n/de.json and i18n/en.json from the assets.
  static Result<Messages> load(const Assets& assets);

  /// The message; the key itself when the catalog lacks it.
  std::string get(Lang lang, std::string_view key) const;
  /// The message with each {name} replaced by its value.
  std::string format(Lang lang, std::string_view key,
                     std::initializer_list<std::pair<std::string_view, std::string>> args) const;
  /// The whole catalog (templates read it as {{t.key}}).
  const nlohmann::json& catalog(Lang lang) const { return lang == Lang::de ? m_de : m_en; }
  /// Keys of one catalog, sorted.
  std::vector<std::string> keys(Lang lang) const;

 private:
  nlohmann::json m_de;
  nlohmann::json m_en;
};

}  // namespace privascore::web
