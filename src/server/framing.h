// Framing checks on a parsed request head that the HTTP parser leaves to
// its user (RFC 9112 6.1, 6.3). Pure; internal to src/server and its fuzz
// target.
#pragma once

#include <boost/beast/http/message.hpp>
#include <string>

namespace privascore::server {

/// Why a request's Transfer-Encoding cannot be honoured, with the status in
/// status; "" when it is exactly "chunked" (in any case, any whitespace).
/// Codings other than chunked are not implemented (501): passing
/// "gzip, chunked" on as chunked would hand the site a body it cannot read.
/// Chunked not last (the length of the body cannot be known) or given
/// twice, an empty coding, Transfer-Encoding in
/// HTTP/1.0 or beside Content-Length are framing that a proxy in front
/// could read differently (400).
std::string transfer_encoding_problem(const boost::beast::http::request_header<>& request, int& status);

}  // namespace privascore::server
