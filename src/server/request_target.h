// The request target of an HTTP request, split and checked before the site
// sees it.
//
// The path is percent-decoded exactly once. A path the site could mistake
// for something else is refused rather than repaired: `..` or `.` segments
// (also when written `%2e%2e` or joined by `%2f`), NUL and other control
// characters, backslashes, malformed percent escapes and bytes that are not
// UTF-8 after decoding. The query is passed on undecoded. Pure functions.
#pragma once

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace privascore::server {

struct RequestTarget {
  std::string path;   // decoded, starts with '/'
  std::string query;  // raw, without '?'; "" when absent
};

/// Splits and checks an origin-form target ("/a/b?x=1") or an absolute-form
/// one ("http://host/a/b?x=1", whose scheme and authority are ignored). On
/// failure returns the reason, fit to show to the client in a 400 page.
tl::expected<RequestTarget, std::string> parse_request_target(std::string_view target);

/// The path part of a raw target (up to '?'), for the access log; never
/// decoded, so it cannot carry control characters the parser let through.
std::string_view raw_path(std::string_view target);

}  // namespace privascore::server
