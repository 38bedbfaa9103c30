// Query strings: "edition=latest&lang=de" → decoded name/value pairs.
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace privascore::web {

/// Percent-decodes text ('+' becomes a space when form is true). nullopt on
/// a malformed escape ("%zz", a truncated "%4").
std::optional<std::string> percent_decode(std::string_view text, bool form);

struct Query {
  std::vector<std::pair<std::string, std::string>> params;

  /// The first value of name, or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  /// The first parameter name not in allowed, or "" when all are allowed.
  std::string unknown(std::initializer_list<std::string_view> allowed) const;
};

/// Parses a raw query string (without '?'). nullopt when an escape is
/// malformed.
std::optional<Query> parse_query(std::string_view raw);

}  // namespace privascore::web
