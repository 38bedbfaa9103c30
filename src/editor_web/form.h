// Reading what a browser sends: application/x-www-form-urlencoded bodies and
// query strings, and cookies; writing Set-Cookie headers.
//
// Decoding never fails: a malformed percent escape is kept as written. The
// values are bytes as sent; callers check UTF-8 and length where it
// matters. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http.h"

namespace privascore::editor {

/// Decodes %XX escapes (and '+' as a space when plus_is_space).
std::string percent_decode(std::string_view text, bool plus_is_space);
/// Encodes everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percent_encode(std::string_view text);

class Form {
 public:
  /// Parses "a=1&b=x+y"; an empty text gives an empty form.
  static Form parse(std::string_view text);

  /// The first value of name; "" when absent.
  const std::string& get(std::string_view name) const;
  bool has(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

 private:
  std::vector<std::pair<std::string, std::string>> m_fields;
};

/// The value of a cookie from the request's Cookie header; "" when absent.
std::string cookie_value(const web::Request& request, std::string_view name);

struct CookieOptions {
  std::string path = "/";
  bool secure = false;
  bool http_only = true;
  std::string same_site = "Strict";
  long max_age = -1;  // -1: a session cookie (no Max-Age); 0: delete
};

/// "name=value; Path=/edit; HttpOnly; SameSite=Strict[; Secure][; Max-Age=0]".
std::string set_cookie_header(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace privascore::editor
