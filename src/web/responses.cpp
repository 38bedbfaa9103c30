#include "web/responses.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "util/text.h"

namespace privascore::web {

const char* const k_content_security_policy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

std::string content_hash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static const char* const k_hex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = k_hex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

Response html_response(std::string body, std::string_view lang, int status) {
  Response r;
  r.status = status;
  r.set_header("content-type", "text/html; charset=utf-8");
  if (!lang.empty()) r.set_header("content-language", std::string(lang));
  r.body = std::move(body);
  return r;
}

Response json_response(std::string body, int status) {
  Response r;
  r.status = status;
  r.set_header("content-type", "application/json; charset=utf-8");
  r.set_header("access-control-allow-origin", "*");
  r.body = std::move(body);
  return r;
}

Response json_error(int status, std::string_view message, std::string_view hint) {
  nlohmann::json j;
  j["error"] = std::string(message);
  if (!hint.empty()) j["hint"] = std::string(hint);
  Response r = json_response(j.dump(2) + "\n", status);
  r.set_header("cache-control", "no-store");
  return r;
}

Response redirect_response(std::string location, bool permanent) {
  Response r;
  r.status = permanent ? 301 : 302;
  r.set_header("content-type", "text/plain; charset=utf-8");
  r.set_header("cache-control", permanent ? "public, max-age=86400" : "no-cache");
  r.body = "See " + location + "\n";
  r.set_header("location", std::move(location));
  return r;
}

Response method_not_allowed(bool json) {
  Response r = json ? json_error(405, "method not allowed", "the API answers GET and HEAD only")
                    : Response{405, {{"content-type", "text/plain; charset=utf-8"}}, "405 Method Not Allowed\n"};
  r.set_header("allow", json ? "GET, HEAD, OPTIONS" : "GET, HEAD");
  return r;
}

Response preflight_response() {
  Response r;
  r.status = 204;
  r.set_header("access-control-allow-origin", "*");
  r.set_header("access-control-allow-methods", "GET, HEAD, OPTIONS");
  r.set_header("access-control-allow-headers", "If-None-Match");
  r.set_header("access-control-max-age", "86400");
  r.set_header("allow", "GET, HEAD, OPTIONS");
  return r;
}

void with_security_headers(Response& response) {
  // An artifact that must differ (an embeddable page) brings its own policy.
  if (response.header("content-security-policy").empty())
    response.set_header("content-security-policy", k_content_security_policy);
  response.set_header("x-content-type-options", "nosniff");
  // same-origin: nothing leaves for other sites, and browsers still send
  // the Origin of a form posted to this site (the editor and the report
  // form check it; under no-referrer Chromium sends "Origin: null").
  response.set_header("referrer-policy", "same-origin");
  response.set_header("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  response.set_header("cross-origin-opener-policy", "same-origin");
}

void with_etag(Response& response) {
  if (response.status != 200) return;
  response.set_header("etag", "\"" + content_hash(response.content()) + "\"");
}

namespace {

// The opaque tag without W/ prefix and quotes.
std::string_view opaque(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') tag = tag.substr(1, tag.size() - 2);
  return tag;
}

}  // namespace

bool not_modified(const Request& request, const Response& response) {
  const std::string& etag = response.header("etag");
  if (etag.empty() || response.status != 200) return false;
  std::string_view list = request.header("if-none-match");
  if (list.empty()) return false;
  const std::string_view mine = opaque(etag);
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = trim(list.substr(0, comma));
    if (item == "*" || (!item.empty() && opaque(item) == mine)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

Response not_modified_response(const Response& response) {
  Response r;
  r.status = 304;
  for (const char* name : {"etag", "cache-control", "vary", "content-language", "access-control-allow-origin"}) {
    const std::string& value = response.header(name);
    if (!value.empty()) r.set_header(name, value);
  }
  return r;
}

}  // namespace privascore::web
