// Messages: the one text catalogue. Every text a reader sees, on the site,
// on the command line, in graphics, feeds, badges and open data, in German
// and English, read from web/i18n/de.json and web/i18n/en.json.
//
// A catalogue is one flat JSON object of key → string. Keys are grouped by
// a prefix where they are used outside the site's pages: `cli_` (terminal
// output), `publish_` (graphics, badges, the category PDF, feeds, open
// data), `probe_` (the probe page). Placeholders are written {name} and
// filled by format(); a key + "_one" holds the wording for a count of 1
// (web::PageEnv::count picks it). Both catalogues must have the same keys and the same
// placeholders per key (tests check it, and that every key the code names
// exists). Immutable after construction; thread-safe; cheap to copy.
#pragma once

#include <initializer_list>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "model/model.h"

namespace privascore {

class Messages {
 public:
  using Args = std::initializer_list<std::pair<std::string_view, std::string>>;

  /// An empty catalogue: every key shows itself.
  Messages();

  /// Parses the two catalogues. The error names the file and what is wrong
  /// (not JSON, not an object, a value that is not a string).
  static tl::expected<Messages, std::string> parse(std::string_view de_json, std::string_view en_json);
  /// The catalogue compiled into the binary (resource set "web"), parsed
  /// once. Empty (every key shows itself) if it does not parse, which a
  /// test rules out.
  static const Messages& builtin();

  /// The message; the key itself when the catalogue lacks it.
  std::string get(Lang lang, std::string_view key) const;
  /// The message with each {name} replaced by its value; a placeholder
  /// without a value stays as it is.
  std::string format(Lang lang, std::string_view key, Args args) const;
  /// The whole catalogue (templates read it as {{t.key}}).
  const nlohmann::json& catalog(Lang lang) const;
  /// Keys of one catalogue, sorted.
  std::vector<std::string> keys(Lang lang) const;

 private:
  struct Catalogues;
  explicit Messages(std::shared_ptr<const Catalogues> catalogues);
  std::shared_ptr<const Catalogues> m_catalogues;
};

/// pattern with each {name} replaced by its value (Messages::format's rule).
std::string fill_placeholders(std::string_view pattern, Messages::Args args);

/// The message for key in lang from the built-in catalogue (shorthand for
/// Messages::builtin().get()).
std::string tr(Lang lang, std::string_view key);
/// Messages::builtin().format().
std::string tr(Lang lang, std::string_view key, Messages::Args args);

}  // namespace privascore
