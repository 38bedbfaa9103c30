#include "editor_web/request_origin.h"

#include <algorithm>

#include "util/text.h"

namespace privascore::editor {

namespace {

bool from_trusted_proxy(const web::Request& request, const config::EditorConfig& config) {
  return std::find(config.trusted_proxies.begin(), config.trusted_proxies.end(), request.client) !=
         config.trusted_proxies.end();
}

}  // namespace

bool via_tls(const web::Request& request, const config::EditorConfig& config) {
  if (!from_trusted_proxy(request, config)) return false;
  std::string proto = request.header("x-forwarded-proto");
  // A chain of proxies appends; the first hop is the client's.
  proto = lower(trim(std::string_view(proto).substr(0, proto.find(','))));
  return proto == "https";
}

bool secure_context(const web::Request& request, const config::EditorConfig& config) {
  return config.secure_cookies || via_tls(request, config);
}

std::string client_address(const web::Request& request, const config::EditorConfig& config) {
  if (!from_trusted_proxy(request, config)) return request.client;
  const std::string& forwarded = request.header("x-forwarded-for");
  if (forwarded.empty()) return request.client;
  const std::size_t comma = forwarded.rfind(',');
  std::string last{
      trim(comma == std::string::npos ? std::string_view(forwarded) : std::string_view(forwarded).substr(comma + 1))};
  return last.empty() ? request.client : last;
}

std::string request_origin(const web::Request& request, const config::EditorConfig& config) {
  return std::string(secure_context(request, config) ? "https://" : "http://") + lower(request.header("host"));
}

bool same_origin(const web::Request& request, const config::EditorConfig& config) {
  const std::string& origin = request.header("origin");
  if (!origin.empty() && lower(origin) != request_origin(request, config)) return false;
  const std::string site = lower(request.header("sec-fetch-site"));
  if (!site.empty() && site != "same-origin" && site != "none") return false;
  return true;
}

}  // namespace privascore::editor
