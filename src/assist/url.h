// Url: an absolute http or https URL as the probe uses it. Parsing is strict:
// other schemes, user credentials, non-ASCII host names and malformed ports
// are errors that say what to write instead. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/error.h"

namespace privascore::assist {

struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case; IPv6 literals without brackets
  std::uint16_t port = 0;
  std::string target = "/";  // path and query, starts with '/'; no fragment
  bool ipv6 = false;

  bool https() const { return scheme == "https"; }
  bool default_port() const { return port == (https() ? 443 : 80); }
  /// "host" or "host:port" ("[::1]:8080" for IPv6), as sent in Host.
  std::string authority() const;
  std::string origin() const;  // "https://host[:port]"
  std::string to_string() const;
  /// The path without the query.
  std::string path() const;
};

/// Parses an absolute URL. A bare host ("meet.example.org") is read as
/// https://meet.example.org/. Fails for other schemes, credentials,
/// fragments-only input, bad ports and non-ASCII hosts.
Result<Url> parse_url(std::string_view text);

/// Resolves a reference (absolute, scheme-relative, absolute-path or
/// relative) against base, as browsers do for Location headers and links.
Result<Url> resolve_url(const Url& base, std::string_view reference);

/// base treated as a directory: "https://h/tenant" + "config.js" ->
/// "https://h/tenant/config.js"; the query of base is dropped.
Url child_url(const Url& base, std::string_view relative);

/// True when text is an IPv4 or IPv6 address literal.
bool is_ip_literal(std::string_view text);

}  // namespace privascore::assist
