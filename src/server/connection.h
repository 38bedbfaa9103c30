// Connection: one client socket of the HttpServer, from accept to close.
//
// A connection is a small state machine: wait until the client sends
// (idle), read one request (reading), call the handler and send the
// response (writing), then either wait again (keep-alive) or shut down its
// sending side and drain what the client still sends (closing) so that the
// last response is not lost to a reset. One deadline bounds every state;
// the timer behind it is re-armed only when it fires or when the deadline
// moves earlier than it, not for every request.
// A connection lives on one event loop run by one thread: every member runs
// there; stop() may be called from any thread. Internal to src/server.
#pragma once

#include <atomic>
#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/request_target.h"
#include "server/server_log.h"
#include "server/server_options.h"
#include "web/http.h"

namespace privascore::server {

class Connection;

/// One kind of slow request: where it is handled and how many may wait.
struct SlowLane {
  std::string kind;
  std::size_t limit = 0;  // requests handled or waiting at once; one more gets 503
  std::atomic<std::size_t> pending{0};
  boost::asio::thread_pool::executor_type executor;
};

/// What every connection of one server shares. Thread-safe: the fixed
/// parts are read-only after construction; the registry has its mutex.
struct ServerShared {
  ServerShared(web::Handler handler, ServerOptions options);

  /// The body limit for a decoded path (longest matching prefix).
  std::size_t body_limit_for(const std::string& path) const;

  /// What max_connections_per_client counts by: the address, or the /64 of
  /// an IPv6 address (an IPv4-mapped one counts as IPv4).
  static std::string client_key(const boost::asio::ip::address& address);

  /// Whether a new connection from client may open. At the per-client
  /// limit, that client's oldest idle keep-alive connection is reclaimed
  /// (closed) to make room; false when none of its connections is idle.
  bool admit(const std::string& client);
  /// Adds a live connection of client; returns its key for forget().
  std::uint64_t remember(const std::weak_ptr<Connection>& connection, const std::string& client);
  /// Removes a connection and runs on_closed (if set) with the number of
  /// connections still open.
  void forget(std::uint64_t key);
  /// A connection waits for its next request (keep-alive): it may be
  /// reclaimed, oldest first, until idle_end().
  void idle_begin(std::uint64_t key, std::uint64_t generation);
  void idle_end(std::uint64_t key);
  /// A reclaimed connection that was no longer idle counts again.
  void reclaim_failed(std::uint64_t key);
  /// Closes the oldest idle keep-alive connection of any client; false when
  /// none is idle.
  bool reclaim_oldest_idle();
  /// The connections open now.
  std::vector<std::shared_ptr<Connection>> open_connections();
  /// Connections open and not being reclaimed.
  std::size_t open_count();
  /// Set by the server; cleared before the server goes away.
  void set_on_closed(std::function<void(std::size_t open)> callback);
  /// Runs when a connection becomes idle (reclaimable); set by the server.
  void set_on_idle(std::function<void()> callback);

  /// The lane for a request's kind of slow request; nullptr when it is
  /// handled on its loop.
  SlowLane* lane_for(const web::Request& request) const;

  const web::Handler handler;
  const ServerOptions options;
  const std::size_t max_body_limit;  // the largest of all body limits
  /// The shortest of the timeouts: how far ahead a connection's timer is
  /// armed at most, so that a deadline moving earlier rarely needs a re-arm.
  const std::chrono::milliseconds timer_step;
  ServerLog log;
  std::atomic<bool> stopping{false};
  /// The server has stopped accepting at max_connections: idle_begin()
  /// then tells it (set_on_idle) that a connection could be reclaimed.
  std::atomic<bool> accept_waiting{false};
  /// The slow lanes, one per kind; set by the server before it accepts.
  std::vector<std::unique_ptr<SlowLane>> lanes;
  SlowLane* default_lane = nullptr;  // for kinds without a lane of their own

 private:
  struct Entry {
    std::weak_ptr<Connection> connection;
    std::string client;
    bool idle = false;
    bool reclaimed = false;  // closing for a new connection; not counted
    std::uint64_t idle_generation = 0;
    std::list<std::uint64_t>::iterator idle_position;         // in m_idle
    std::list<std::uint64_t>::iterator client_idle_position;  // in its client's idle list
  };
  struct ClientEntry {
    std::size_t open = 0;           // counted connections
    std::list<std::uint64_t> idle;  // oldest first
  };
  // Takes an idle connection out of the lists and uncounts it; the caller
  // closes it (outside the lock).
  std::shared_ptr<Connection> take_idle(std::uint64_t key, std::uint64_t& generation);
  void unlist_idle(Entry& entry);

  std::mutex m_mutex;
  std::unordered_map<std::uint64_t, Entry> m_connections;
  std::unordered_map<std::string, ClientEntry> m_clients;
  std::list<std::uint64_t> m_idle;  // every client's idle connections, oldest first
  std::size_t m_reclaimed = 0;      // entries with reclaimed set
  std::uint64_t m_next_key = 0;
  std::function<void(std::size_t)> m_on_closed;
  std::function<void()> m_on_idle;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  using Executor = boost::asio::io_context::executor_type;
  using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, Executor>;

  /// socket's io_context must be run by exactly one thread.
  Connection(Socket socket, std::shared_ptr<ServerShared> shared);
  ~Connection();

  /// Registers the connection and starts serving it (on its event loop).
  /// client is the peer's address, client_key what the per-client limit
  /// counts by (ServerShared::client_key).
  static void launch(Socket socket, const std::shared_ptr<ServerShared>& shared, std::string client,
                     const std::string& client_key);

  /// Graceful stop: an idle connection closes now; a request in progress
  /// is answered with "Connection: close". Safe from any thread.
  void stop();
  /// Closes the connection if it is still in the idle period generation
  /// (ServerShared reclaims it for a new connection). Safe from any thread.
  void reclaim(std::uint64_t generation);

 private:
  // handling: the handler runs on the slow pool; no socket operation is
  // pending and no timeout applies (the handler bounds its own time).
  enum class State { idle, reading, handling, writing, closing, closed };
  using Clock = std::chrono::steady_clock;
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;
  using Timer = boost::asio::basic_waitable_timer<Clock, boost::asio::wait_traits<Clock>, Executor>;

  void start();
  void wait_for_request();
  void leave_idle();
  /// Whether the connection may serve another request after this one.
  bool may_keep_alive() const;
  void read_header();
  void on_header(boost::beast::error_code ec);
  void read_body();
  void on_body(boost::beast::error_code ec);
  void handle_request();
  /// Calls the handler; a throw or an invalid response becomes a 500 page.
  /// Thread-safe (runs on the slow pool for slow requests).
  web::Response call_handler(const web::Request& request) const;
  void respond(web::Response response);
  /// Answers with a server-made error page and closes afterwards.
  void fail(int status, const std::string& reason);
  void send(web::Response response, bool keep_alive);
  void on_written(boost::beast::error_code ec);
  void linger();
  void drain();
  void close();
  /// The current state may last until now + timeout.
  void set_deadline(std::chrono::milliseconds timeout);
  void arm_timer(Clock::time_point at);
  void on_timer();
  void on_timeout();

  Socket m_socket;
  Timer m_timer;
  Clock::time_point m_deadline;
  Clock::time_point m_timer_expiry;  // when the pending timer fires
  bool m_timer_pending = false;
  std::shared_ptr<ServerShared> m_shared;
  std::uint64_t m_key = 0;
  State m_state = State::idle;
  std::uint64_t m_timer_generation = 0;
  bool m_timed_out = false;
  std::uint64_t m_requests = 0;
  Clock::time_point m_opened = Clock::now();
  std::uint64_t m_idle_generation = 0;  // counts the keep-alive waits
  bool m_listed_idle = false;           // in ServerShared's idle lists
  std::string m_client;

  boost::beast::flat_buffer m_buffer;
  std::optional<Parser> m_parser;
  RequestTarget m_target;  // of the request being read, once its header is
  // The response being sent: its head, serialised here, and the handler's
  // response, whose body is sent as it is.
  std::string m_head;
  web::Response m_response;

  // For the access log of the request being served.
  Clock::time_point m_request_start;
  std::string m_log_method;
  std::string m_log_path;
  int m_log_status = 0;
  std::uint64_t m_log_bytes = 0;
  bool m_keep_alive = false;

  std::uint64_t m_drained = 0;
};

}  // namespace privascore::server
