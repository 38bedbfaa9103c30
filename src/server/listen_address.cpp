#include "server/listen_address.h"

#include <boost/asio/ip/address.hpp>
#include <charconv>

namespace privascore::server {

namespace {

constexpr const char* k_form = "expected HOST:PORT, for example 127.0.0.1:8080, 0.0.0.0:8080 or [::1]:8080";

tl::unexpected<Error> refuse(std::string_view text, const std::string& what) {
  return fail("listen address `" + std::string(text) + "`: " + what + "; " + k_form);
}

}  // namespace

std::string ListenAddress::to_string() const {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

std::string ListenAddress::url() const {
  return "http://" + to_string() + "/";
}

Result<ListenAddress> parse_listen_address(std::string_view text) {
  if (text.empty()) return refuse(text, "empty");
  std::string_view host;
  std::string_view port;
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return refuse(text, "`[` without a closing `]`");
    host = text.substr(1, close - 1);
    const std::string_view rest = text.substr(close + 1);
    if (rest.empty() || rest.front() != ':') return refuse(text, "missing `:PORT` after `]`");
    port = rest.substr(1);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      const bool digits = text.find_first_not_of("0123456789") == std::string_view::npos;
      return refuse(text,
                    digits ? "missing host (did you mean 127.0.0.1:" + std::string(text) + "?)" : "missing `:PORT`");
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) return refuse(text, "an IPv6 address must be written in brackets");
  }
  if (host.empty()) return refuse(text, "missing host");
  if (port.empty()) return refuse(text, "missing port");
  if (port.find_first_not_of("0123456789") != std::string_view::npos || port.size() > 5)
    return refuse(text, "port `" + std::string(port) + "` is not a number from 0 to 65535");
  unsigned value = 0;
  std::from_chars(port.data(), port.data() + port.size(), value);
  if (value > 65535) return refuse(text, "port `" + std::string(port) + "` is not a number from 0 to 65535");

  ListenAddress address;
  address.port = static_cast<std::uint16_t>(value);
  if (host == "localhost") {
    address.host = "127.0.0.1";
    return address;
  }
  boost::system::error_code ec;
  const auto ip = boost::asio::ip::make_address(std::string(host), ec);
  if (ec)
    return refuse(text, "host `" + std::string(host) +
                            "` is not an IP address (host names other than localhost are not resolved)");
  if (text.front() == '[' && !ip.is_v6()) return refuse(text, "only IPv6 addresses go in brackets");
  address.host = ip.to_string();
  return address;
}

}  // namespace privascore::server
