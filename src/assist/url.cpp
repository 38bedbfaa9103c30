#include "assist/url.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "util/text.h"

namespace privascore::assist {

bool is_ip_literal(std::string_view text) {
  std::string s(text);
  unsigned char buffer[16];
  return inet_pton(AF_INET, s.c_str(), buffer) == 1 || inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

std::string Url::authority() const {
  std::string h = ipv6 ? "[" + host + "]" : host;
  return default_port() ? h : h + ":" + std::to_string(port);
}

std::string Url::origin() const {
  return scheme + "://" + authority();
}
std::string Url::to_string() const {
  return origin() + target;
}
std::string Url::path() const {
  return target.substr(0, target.find('?'));
}

namespace {

bool valid_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
}

// Removes "." and ".." segments (RFC 3986 section 5.2.4).
std::string remove_dot_segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t pos = 1;
  const bool trailing = path.size() > 1 && (path.back() == '/' || path.ends_with("/.") || path.ends_with("/.."));
  while (pos <= path.size()) {
    std::size_t next = path.find('/', pos);
    if (next == std::string::npos) next = path.size();
    std::string segment = path.substr(pos, next - pos);
    if (segment == "..") {
      if (!out.empty()) out.pop_back();
    } else if (segment != "." && !(segment.empty() && next == path.size())) {
      out.push_back(segment);
    }
    pos = next + 1;
  }
  std::string result;
  for (const auto& s : out) result += "/" + s;
  if (result.empty() || trailing) result += "/";
  if (result.size() > 1 && result.ends_with("//") && !path.ends_with("//")) result.pop_back();
  return result;
}

}  // namespace

Result<Url> parse_url(std::string_view text) {
  std::string input(text);
  while (!input.empty() && std::isspace(static_cast<unsigned char>(input.back()))) input.pop_back();
  std::size_t lead = 0;
  while (lead < input.size() && std::isspace(static_cast<unsigned char>(input[lead]))) ++lead;
  input.erase(0, lead);
  if (input.empty()) return fail("empty URL", "give an instance address such as https://meet.example.org/");
  for (char c : input)
    if (static_cast<unsigned char>(c) < 0x20 || c == ' ')
      return fail("URL `" + input + "` contains spaces or control characters");
  Url url;
  std::string rest;
  std::size_t scheme_end = input.find("://");
  if (scheme_end == std::string::npos) {
    // "host:8443/x" is a bare host with a port; "ftp:..." or "javascript:..." is another scheme.
    std::size_t colon = input.find(':');
    if (colon != std::string::npos && input.front() != '[') {
      std::size_t end = input.find_first_of("/?#", colon);
      std::string after = input.substr(colon + 1, end == std::string::npos ? std::string::npos : end - colon - 1);
      bool digits = !after.empty() && std::all_of(after.begin(), after.end(),
                                                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
      if (!digits)
        return fail("URL scheme `" + input.substr(0, colon) + "` is not supported",
                    "only http:// and https:// URLs can be probed");
    }
    url.scheme = "https";
    rest = input;
  } else {
    url.scheme = input.substr(0, scheme_end);
    url.scheme = lower(url.scheme);
    if (url.scheme != "http" && url.scheme != "https")
      return fail("URL scheme `" + url.scheme + "` is not supported", "only http:// and https:// URLs can be probed");
    rest = input.substr(scheme_end + 3);
  }
  std::size_t authority_end = rest.find_first_of("/?#");
  std::string authority = rest.substr(0, authority_end);
  std::string tail = authority_end == std::string::npos ? "" : rest.substr(authority_end);
  if (authority.find('@') != std::string::npos)
    return fail("URL `" + input + "` contains user credentials", "remove the `user:password@` part");
  if (authority.empty()) return fail("URL `" + input + "` has no host");
  std::string port_text;
  if (authority.front() == '[') {
    std::size_t close = authority.find(']');
    if (close == std::string::npos) return fail("URL `" + input + "`: unclosed `[` in the IPv6 address");
    url.host = authority.substr(1, close - 1);
    url.ipv6 = true;
    unsigned char buffer[16];
    if (inet_pton(AF_INET6, url.host.c_str(), buffer) != 1)
      return fail("URL `" + input + "`: `" + url.host + "` is not an IPv6 address");
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return fail("URL `" + input + "`: unexpected text after the IPv6 address");
      port_text = authority.substr(close + 2);
    }
  } else {
    std::size_t colon = authority.rfind(':');
    url.host = authority.substr(0, colon);
    if (colon != std::string::npos) port_text = authority.substr(colon + 1);
    for (char c : url.host) {
      if (static_cast<unsigned char>(c) >= 0x80)
        return fail("host `" + url.host + "` is not ASCII", "write internationalised names in their xn-- form");
      if (!valid_host_char(c)) return fail("host `" + url.host + "` contains `" + std::string(1, c) + "`");
    }
    url.host = lower(url.host);
    while (!url.host.empty() && url.host.back() == '.') url.host.pop_back();
    if (url.host.empty()) return fail("URL `" + input + "` has no host");
  }
  if (!port_text.empty() || (authority.back() == ':' && !url.ipv6)) {
    if (port_text.empty() || port_text.size() > 5 || !std::all_of(port_text.begin(), port_text.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        }))
      return fail("URL `" + input + "`: port `" + port_text + "` is not a number from 1 to 65535");
    long port = std::stol(port_text);
    if (port < 1 || port > 65535) return fail("URL `" + input + "`: port " + port_text + " is out of range");
    url.port = static_cast<std::uint16_t>(port);
  } else {
    url.port = url.https() ? 443 : 80;
  }
  tail = tail.substr(0, tail.find('#'));
  if (tail.empty() || tail.front() == '?') tail = "/" + tail;
  std::size_t q = tail.find('?');
  url.target = remove_dot_segments(tail.substr(0, q)) + (q == std::string::npos ? "" : tail.substr(q));
  return url;
}

Result<Url> resolve_url(const Url& base, std::string_view reference) {
  std::string ref(reference);
  while (!ref.empty() && std::isspace(static_cast<unsigned char>(ref.back()))) ref.pop_back();
  std::size_t lead = 0;
  while (lead < ref.size() && std::isspace(static_cast<unsigned char>(ref[lead]))) ++lead;
  ref.erase(0, lead);
  ref = ref.substr(0, ref.find('#'));
  if (ref.find("://") != std::string::npos) {
    std::size_t colon = ref.find(':');
    bool scheme_like = std::all_of(ref.begin(), ref.begin() + static_cast<long>(colon), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
    if (scheme_like) return parse_url(ref);
  }
  if (ref.rfind("//", 0) == 0) return parse_url(base.scheme + ":" + ref);
  {
    std::size_t colon = ref.find(':');
    std::size_t slash = ref.find_first_of("/?");
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash))
      return fail("link `" + ref + "` does not use http or https");
  }
  Url out = base;
  if (ref.empty()) return out;
  if (ref.front() == '/') {
    out.target = ref;
  } else if (ref.front() == '?') {
    out.target = base.path() + ref;
  } else {
    std::string dir = base.path();
    dir = dir.substr(0, dir.rfind('/') + 1);
    out.target = dir + ref;
  }
  std::size_t q = out.target.find('?');
  out.target = remove_dot_segments(out.target.substr(0, q)) + (q == std::string::npos ? "" : out.target.substr(q));
  return out;
}

Url child_url(const Url& base, std::string_view relative) {
  Url out = base;
  std::string dir = base.path();
  if (dir.empty() || dir.back() != '/') dir += '/';
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  out.target = dir + std::string(relative);
  return out;
}

}  // namespace privascore::assist
