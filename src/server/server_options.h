// ServerOptions: where the HTTP server listens and the limits it enforces.
//
// The defaults suit a public site behind no proxy: small requests (the site
// only reads, forms are small), short timeouts for requests that trickle in,
// and a longer one for idle keep-alive connections, which cost no thread.
// Plain value.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
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

/// The threads for one kind of slow request, and how many such requests
/// may wait for them; one more gets 503 with Retry-After.
struct SlowPool {
  std::string kind;
  int threads = 2;
  std::size_t queue_limit = 16;
};

struct ServerOptions {
  ListenAddress listen;  // default 127.0.0.1:8080; port 0 picks a free port
  int threads = 2;       // event loops, one thread each, running the handler

  /// The kind of slow request a request is ("editor", "probe"), or "" for
  /// one handled on its connection's event loop. Each kind is handled on a
  /// pool of its own (slow_pools; a kind not listed there gets a pool of
  /// slow_threads threads and slow_queue_limit places), so that a handler
  /// that waits (a probe of another server, a password hash, a database
  /// write) holds up neither the other connections of its loop nor the
  /// requests of another kind. Empty: every request is handled on its loop.
  std::function<std::string(const web::Request&)> slow_kind;
  /// The older form of slow_kind: true puts a request in the kind "slow".
  /// Used only when slow_kind is empty.
  std::function<bool(const web::Request&)> is_slow;
  std::vector<SlowPool> slow_pools;
  int slow_threads = 4;
  std::size_t slow_queue_limit = 64;

  std::size_t header_limit = 8 * 1024;  // request line and headers; more gets 431
  std::size_t body_limit = 64 * 1024;   // request body; more gets 413
  std::vector<PathBodyLimit> body_limits_by_prefix;

  // The connection policy (docs/security.md): no client can hold the
  // server's connections, and no connection lives for ever.
  /// At this many open connections the oldest idle keep-alive connection is
  /// closed for a new one; when none is idle, new connections wait in the
  /// kernel's queue.
  std::size_t max_connections = 10000;
  /// Open connections per client address (an IPv6 client is its /64). A
  /// client at the limit loses its own oldest idle keep-alive connection
  /// for a new one; when none of its connections is idle, the new one is
  /// closed at once. 0: no limit (behind a proxy every client has the
  /// proxy's address).
  std::size_t max_connections_per_client = 128;
  /// A connection is closed ("Connection: close" on its last response)
  /// after this many requests, or once it is this old, however busy.
  std::uint64_t max_requests_per_connection = 1000;
  std::chrono::milliseconds max_connection_age{300'000};

  /// The request line and headers must arrive within this time once the
  /// first byte did, and a new connection must send its first byte within
  /// it; otherwise 408 (or a plain close when nothing arrived).
  std::chrono::milliseconds request_timeout{10'000};
  /// The body must arrive within this time once the headers did; otherwise 408.
  std::chrono::milliseconds body_timeout{10'000};
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
