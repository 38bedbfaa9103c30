// Response value objects of the site: HTML and JSON documents, redirects,
// errors, and the headers every response carries.
//
// Each function returns a complete Response value; Site::handle adds the
// security headers (with_security_headers) and the ETag/304 handling
// (with_etag) at one place. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "web/http.h"

namespace privascore::web {

/// The Content-Security-Policy of every public page.
extern const char* const k_content_security_policy;

/// A 64-bit FNV-1a hash of bytes as 16 lowercase hex digits. Used for
/// content-hashed asset names and strong ETags (identity, not security).
std::string content_hash(std::string_view bytes);

/// 200 text/html; charset=utf-8 with Content-Language.
Response html_response(std::string body, std::string_view lang, int status = 200);
/// 200 application/json; charset=utf-8, CORS open.
Response json_response(std::string body, int status = 200);
/// A JSON error document {"error": message, "hint": hint} with status.
Response json_error(int status, std::string_view message, std::string_view hint = {});
/// 301 (permanent) or 302 to location; body is a short plain-text note.
Response redirect_response(std::string location, bool permanent);
/// 405 with Allow: GET, HEAD.
Response method_not_allowed(bool json);
/// 204 answer to a CORS preflight for the API.
Response preflight_response();

/// Adds the headers every response carries: CSP (unless the response has
/// its own, as an embeddable artifact may), nosniff, referrer and
/// permissions policy, COOP. Never sets a cookie.
void with_security_headers(Response& response);

/// Sets a strong ETag computed from the body (only on 200).
void with_etag(Response& response);
/// True when the request's If-None-Match matches the response's ETag
/// (a list of tags, weak comparison as RFC 9110 asks, or "*").
bool not_modified(const Request& request, const Response& response);
/// The 304 answer for response: same validators and cache headers, no body.
Response not_modified_response(const Response& response);

}  // namespace privascore::web
