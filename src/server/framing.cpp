#include "server/framing.h"

#include <string_view>
#include <vector>

namespace privascore::server {

namespace beast = boost::beast;
namespace http = beast::http;

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string trimmed_lowercase(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return lowercase(text);
}

}  // namespace

std::string transfer_encoding_problem(const http::request_header<>& request, int& status) {
  status = 400;
  if (request.version() == 10) return "HTTP/1.0 requests must not use Transfer-Encoding";
  if (request.count(http::field::content_length) > 0)
    return "a request must not have both Transfer-Encoding and Content-Length";
  std::vector<std::string> codings;
  const auto [first, last] = request.equal_range(http::field::transfer_encoding);
  for (auto it = first; it != last; ++it) {
    std::string_view value = it->value();
    while (true) {
      const std::size_t comma = value.find(',');
      codings.push_back(trimmed_lowercase(value.substr(0, comma)));
      if (comma == std::string_view::npos) break;
      value.remove_prefix(comma + 1);
    }
  }
  for (const std::string& coding : codings)
    if (coding.empty()) return "the Transfer-Encoding header has an empty coding";
  // Without chunked last the body's length cannot be known (RFC 9112 6.3).
  if (codings.empty() || codings.back() != "chunked") return "the last transfer-coding of a request must be chunked";
  for (std::size_t i = 0; i < codings.size(); ++i) {
    const std::string& coding = codings[i];
    if (coding != "chunked") {
      status = 501;
      std::string shown;
      for (const char c : coding) shown += is_token_char(c) || c == ';' || c == '=' || c == ' ' ? c : '?';
      return "the transfer-coding `" + shown + "` is not implemented; send the body with Content-Length or chunked";
    }
    if (i + 1 != codings.size()) return "chunked must be the last transfer-coding, and given once";
  }
  return {};
}

}  // namespace privascore::server
