// Query strings: "edition=latest&lang=de" → decoded name/value pairs.
//
// Two parsers. parse_query is lenient (repeated names are kept, any name is
// accepted) for the HTML pages and forms that ignore what they do not know.
// parse_query_checked is the API's: it decodes and validates once and
// refuses, naming the parameter, a malformed escape, a name or value that is
// not UTF-8 after decoding, a repeated name, an unknown name and more than
// k_max_query_params parameters. Its result has one canonical spelling
// (Query::canonical), which the site's cache uses as its key, so that
// `?lang=%65n`, `?lang=en` and `?&lang=en` share one entry.
// Pure; thread-safe.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace privascore::web {

/// Percent-decodes text ('+' becomes a space when form is true). nullopt on
/// a malformed escape ("%zz", a truncated "%4").
std::optional<std::string> percent_decode(std::string_view text, bool form);

/// Percent-encodes everything but the unreserved characters of RFC 3986
/// (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(std::string_view text);

/// More parameters than this are refused by parse_query_checked.
constexpr std::size_t k_max_query_params = 64;

struct Query {
  std::vector<std::pair<std::string, std::string>> params;

  /// The first value of name, or nullopt.
  std::optional<std::string> get(std::string_view name) const;
  /// The first parameter name not in allowed, or "" when all are allowed.
  std::string unknown(std::initializer_list<std::string_view> allowed) const;
  /// The parameters sorted by name (then value), percent-encoded minimally
  /// and joined by '&': one spelling for every way of writing the same query.
  std::string canonical() const;
};

/// What parse_query_checked refused: the parameter (as written, so that it
/// can be shown even when it is not UTF-8), what is wrong, how to fix it.
struct QueryError {
  std::string parameter;
  std::string message;
  std::string hint;
};

/// The parameters a query may have: exact names and name prefixes (e.g.
/// "w." for w.<feature>).
struct QuerySpec {
  std::vector<std::string_view> names;
  std::vector<std::string_view> prefixes;

  bool allows(std::string_view name) const;
  /// "edition, lang, w.<…>" for hints.
  std::string describe() const;
};

/// Parses a raw query string (without '?'). nullopt when an escape is
/// malformed or a name or value is not UTF-8 after decoding.
std::optional<Query> parse_query(std::string_view raw);

/// Parses, decodes and validates a raw query string (without '?') against
/// spec; see the top of this file for what is refused.
tl::expected<Query, QueryError> parse_query_checked(std::string_view raw, const QuerySpec& spec);

/// The cache key for a raw query: Query::canonical of the lenient parse, or
/// the raw text when it does not parse (such a query is answered 400 and its
/// answer is not cached).
std::string canonical_query(std::string_view raw);

}  // namespace privascore::web
