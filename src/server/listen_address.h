// ListenAddress: where the server listens, parsed from the --listen option.
//
// Accepted forms: "127.0.0.1:8080", "0.0.0.0:80", "localhost:8080" (means
// 127.0.0.1) and "[::1]:8080" (IPv6 in brackets). Port 0 asks the system
// for a free port (tests). Host names other than localhost are refused: the
// server binds an address, it does not resolve names. Plain value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "util/error.h"

namespace privascore::server {

struct ListenAddress {
  std::string host = "127.0.0.1";  // an IPv4 or IPv6 literal, without brackets
  std::uint16_t port = 8080;

  /// "127.0.0.1:8080" or "[::1]:8080".
  std::string to_string() const;
  /// "http://127.0.0.1:8080/"; a wildcard host is shown as is.
  std::string url() const;
};

/// Parses "host:port" or "[v6]:port". On failure returns a message naming
/// the offending text and the expected form.
Result<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace privascore::server
