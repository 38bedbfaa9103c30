// Request and Response: the plain values that pass between the HTTP server
// (src/server, the transport) and the site (src/web, what is served).
//
// The site is a pure function of a Request and the data; it never sees a
// socket. The server parses bytes into a Request, calls the handler, and
// writes the Response. Values only; no thread-safety concerns.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace privascore::web {

struct Request {
  std::string method;                                        // "GET", "HEAD", "POST", ...
  std::string target;                                        // raw request target: path and query, percent-encoded
  std::string path;                                          // decoded path, no query ("/en/video-conferencing")
  std::string query;                                         // raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lowercase
  std::string body;
  std::string client;  // peer address; never logged by default
  /// Set by a caller that sends Response::content() (the HTTP server): a
  /// cached body may then come as Response::shared_body, without a copy.
  bool takes_shared_body = false;

  /// The first header with this (lowercase) name, or "".
  const std::string& header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"content-type", "text/html; charset=utf-8"}
  std::string body;
  /// An immutable body shared with the site's cache. When set, it is the
  /// body and `body` is empty; only requests with takes_shared_body get one.
  std::shared_ptr<const std::string> shared_body;

  /// The body, wherever it is.
  const std::string& content() const { return shared_body ? *shared_body : body; }

  void set_header(const std::string& name, std::string value);
  const std::string& header(const std::string& name) const;
};

/// What the server calls for each request. Must be safe to call from
/// several threads at once.
using Handler = std::function<Response(const Request&)>;

}  // namespace privascore::web
