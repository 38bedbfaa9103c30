// ServerOptions: where the HTTP server listens and the limits it enforces.
//
// The defaults suit a public site behind no proxy: small requests (the site
// only reads, forms are small), short timeouts for requests that trickle in,
// and a longer one for idle keep-alive connections, which cost no thread.
// Plain value.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "server/listen_address.h"
#include "web/http.h"

namespace privascore::server {

/// A larger (or smaller) body limit for paths starting with prefix, e.g.
/// {"/editor/upload", 1 << 20}. The longest matching prefix wins.
struct PathBodyLimit {
  std::string prefix;
  std::size_t bytes = 0;
};

struct ServerOptions {
  ListenAddress listen;  // default 127.0.0.1:8080; port 0 picks a free port
  int threads = 2;       // event loops, one thread each, running the handler

  /// Requests for which this returns true are handled on a pool of
  /// slow_threads threads instead of on their connection's event loop, so
  /// that a handler that waits (a probe of another server, a password hash,
  /// a database write) does not hold up the other connections of that loop.
  /// Empty: every request is handled on its loop.
  std::function<bool(const web::Request&)> is_slow;
  int slow_threads = 4;

  std::size_t header_limit = 8 * 1024;  // request line and headers; more gets 431
  std::size_t body_limit = 64 * 1024;   // request body; more gets 413
  std::vector<PathBodyLimit> body_limits_by_prefix;
  std::size_t max_connections = 10000;  // beyond this, new connections wait in the kernel's queue

  /// A request (line, headers and body) must arrive within this time once
  /// its first byte did, and a new connection must send its first byte
  /// within it; otherwise 408 (or a plain close when nothing arrived).
  std::chrono::milliseconds request_timeout{10'000};
  /// How long a keep-alive connection may sit idle between requests.
  std::chrono::milliseconds keep_alive_timeout{60'000};
  /// A response must be taken by the client within this time.
  std::chrono::milliseconds write_timeout{30'000};
  /// After SIGTERM/SIGINT or stop(): how long requests in flight may take
  /// before the remaining connections are cut.
  std::chrono::milliseconds shutdown_timeout{10'000};

  /// Whether run() turns SIGTERM and SIGINT into a graceful stop (a second
  /// signal cuts every connection at once). Off for servers inside tests.
  bool handle_signals = true;

  std::FILE* access_log = stderr;  // nullptr: no access log
  std::FILE* error_log = stderr;   // nullptr: errors are not logged
  bool log_ip = false;             // client addresses in the access log
};

}  // namespace privascore::server
