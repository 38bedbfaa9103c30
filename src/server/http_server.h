// HttpServer: the HTTP/1.1 transport that turns connections into calls of a
// web::Handler (Boost.Beast/Asio, event-driven).
//
// Idle and slow connections cost memory, not threads: every socket
// operation is asynchronous, so a thousand idle keep-alive connections do
// not delay a new request. There is one event loop per thread
// (options.threads); each connection lives on one loop. The handler runs on
// the connection's loop, or, for requests options.slow_kind names a kind,
// on that kind's own pool with a bounded queue (handlers that wait must not
// hold up a loop, and one kind must not hold up another; a full queue
// answers 503), and must be safe to call from several threads at once.
//
// The connection policy (options, docs/security.md): a per-client limit of
// open connections, the oldest idle keep-alive connection reclaimed when a
// limit is reached, a last request and a greatest age per connection, and
// deadlines for the first byte, the headers, the body, the idle time
// between requests and the response.
//
// What the site never has to care about:
// - framing: Content-Length, Connection, Date and Server ("privascore", no
//   version) are set here; keep-alive and pipelining are honoured;
// - HEAD: the handler sees the request as a GET; the body is dropped and
//   its length kept in Content-Length;
// - requests that are malformed or too big get a 4xx from the server itself
//   and never reach the handler: bad request line or headers 400, path that
//   fails parse_request_target 400, headers over the limit 431, body over
//   the limit 413, request not complete in time 408, a well-formed but
//   unknown method (not GET HEAD POST PUT DELETE OPTIONS PATCH) 501, a
//   transfer-coding other than chunked 501, ambiguous framing (chunked not
//   last, Transfer-Encoding with Content-Length or in HTTP/1.0) 400;
// - a handler that throws, or returns an invalid status or header, gives the
//   client a 500 page and the error log one line; the server keeps serving.
//   The transport's catch is the last one: the site, the editor and the
//   probe page each turn their own bugs into a 500 before it (one catch-all
//   per handler; nothing below catches as control flow).
//
// Shutdown: stop() or SIGTERM/SIGINT (when handle_signals) stops accepting,
// closes idle connections, lets requests in flight finish with
// "Connection: close" within shutdown_timeout, then run() returns.
#pragma once

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include "util/error.h"

#include "server/listen_address.h"
#include "server/server_options.h"
#include "web/http.h"

namespace privascore::server {

class HttpServer {
 public:
  HttpServer(web::Handler handler, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds and listens on options.listen. On failure returns a message such
  /// as "cannot listen on 127.0.0.1:8080: Address already in use".
  Result<void> listen();

  /// The address bound by listen(), with the real port when 0 was asked.
  ListenAddress local_address() const;

  /// Serves on options.threads event loops (the calling thread runs one) until a
  /// graceful stop has finished. Call after a successful listen().
  void run();

  /// Starts a graceful stop. Safe from any thread, also before run().
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace privascore::server
