// libFuzzer target for the HTTP request parsing of the server: the input is
// fed to the request parser as the server configures it (header and body
// limits), in pieces as a network would deliver them, and every head it
// accepts goes through the server's own checks (framing, request target,
// query). Every outcome must be a parse error or a checked request, never a
// crash, a sanitizer report, a hang or unbounded memory; and what the checks
// let through must keep their promises (a decoded path with no NUL, no
// control character, no `..` segment, valid UTF-8).
//
// Build and run: `make fuzz` (see fuzz/CMakeLists.txt and the Makefile).
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "server/framing.h"
#include "server/request_target.h"
#include "util/text.h"
#include "web/query.h"

namespace {

namespace http = boost::beast::http;
using namespace privascore;

void check(bool condition) {
  if (!condition) std::abort();
}

void check_head(const http::request_parser<http::string_body>& parser) {
  const auto& request = parser.get();
  if (request.count(http::field::transfer_encoding) > 0) {
    int status = 0;
    const std::string reason = server::transfer_encoding_problem(request, status);
    check(reason.empty() || status == 400 || status == 501);
    check(find_invalid_utf8(reason) == std::string::npos);
  }
  auto target = server::parse_request_target(request.target());
  if (!target) return;
  const std::string& path = target->path;
  check(!path.empty() && path.front() == '/');
  check(find_invalid_utf8(path) == std::string::npos);
  for (const char c : path) check(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '\\');
  check(path.find("/../") == std::string::npos && path.find("/./") == std::string::npos);
  const web::QuerySpec spec{{"edition", "lang", "from", "to", "model"}, {"w."}};
  if (auto query = web::parse_query_checked(target->query, spec)) {
    const std::string canonical = query->canonical();
    check(web::canonical_query(canonical) == canonical);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte chooses how the input is cut into pieces (1 to 256 bytes).
  const std::size_t piece = input.empty() ? 1 : 1 + static_cast<unsigned char>(input.front());
  http::request_parser<http::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  std::string buffer;
  std::size_t offset = input.empty() ? 0 : 1;
  bool head_checked = false;
  while (offset < input.size() || !buffer.empty()) {
    if (offset < input.size()) {
      const std::size_t n = std::min(piece, input.size() - offset);
      buffer.append(input.substr(offset, n));
      offset += n;
    }
    boost::beast::error_code ec;
    const std::size_t used = parser.put(boost::asio::buffer(buffer), ec);
    if (ec == http::error::need_more) {
      if (offset >= input.size()) break;
      continue;
    }
    if (ec) break;
    check(used <= buffer.size());
    buffer.erase(0, used);
    if (parser.is_header_done() && !head_checked) {
      check_head(parser);
      head_checked = true;
    }
    if (parser.is_done()) break;
    if (used == 0 && offset >= input.size()) break;
  }
  return 0;
}
