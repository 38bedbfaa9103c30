#include "server/connection.h"

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/status.hpp>
#include <ctime>
#include <exception>

#include "server/framing.h"
#include "server/request_target.h"
#include "util/text.h"

namespace privascore::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::milliseconds k_linger_timeout{2000};
constexpr std::chrono::milliseconds k_linger_timeout_stopping{250};
constexpr std::uint64_t k_linger_max_bytes = 1 << 20;
constexpr std::size_t k_drain_chunk = 4096;

// "Tue, 29 Oct 2024 12:00:00 GMT", formatted once per second per thread.
const std::string& http_date() {
  thread_local std::time_t cached_second = -1;
  thread_local std::string cached;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    cached = text;
    cached_second = now;
  }
  return cached;
}

bool is_passed_to_handler(http::verb method) {
  switch (method) {
    case http::verb::get:
    case http::verb::head:
    case http::verb::post:
    case http::verb::put:
    case http::verb::delete_:
    case http::verb::options:
    case http::verb::patch: return true;
    default: return false;
  }
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Headers the transport owns; a handler's values for them are ignored.
bool is_framing_header(std::string_view name) {
  for (const std::string_view framing :
       {"content-length", "transfer-encoding", "connection", "date", "server", "keep-alive"}) {
    if (beast::iequals(name, framing)) return true;
  }
  return false;
}

// Why a handler's response cannot be sent as it is; "" when it can.
std::string invalid_response_reason(const web::Response& response) {
  if (response.status < 200 || response.status > 599)
    return "the handler returned status " + std::to_string(response.status);
  for (const auto& [name, value] : response.headers) {
    if (name.empty()) return "the handler returned a header without a name";
    for (const char c : name)
      if (!is_token_char(c)) return "the handler returned an invalid header name `" + name + "`";
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos)
      return "the handler returned header `" + name + "` with a line break or NUL in its value";
  }
  return {};
}

web::Response error_page(int status, const std::string& reason) {
  web::Response response;
  response.status = status;
  const auto phrase = http::obsolete_reason(static_cast<http::status>(status));
  response.body = std::to_string(status) + " " + std::string(phrase) + "\n";
  if (!reason.empty()) response.body += "\n" + reason + "\n";
  response.set_header("content-type", "text/plain; charset=utf-8");
  response.set_header("cache-control", "no-store");
  response.set_header("x-content-type-options", "nosniff");
  return response;
}

// The status for a request the parser refused; 0 when the client simply
// went away and there is nobody to answer.
int status_for_parse_error(const beast::error_code& ec, bool header_done, std::string& reason) {
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return 0;
  if (ec == http::error::header_limit || (ec == http::error::buffer_overflow && !header_done)) {
    reason = "the request line and headers are larger than the limit";
    return 431;
  }
  if (ec == http::error::body_limit || ec == http::error::buffer_overflow) {
    reason = "the request body is larger than the limit";
    return 413;
  }
  if (ec.category() == http::make_error_code(http::error::bad_target).category()) {
    reason = "malformed request: " + ec.message();
    return 400;
  }
  return 0;  // a socket error: the connection is gone
}

}  // namespace

// ---------------------------------------------------------------- shared

ServerShared::ServerShared(web::Handler h, ServerOptions o)
    : handler(std::move(h)),
      options(std::move(o)),
      max_body_limit([this] {
        std::size_t limit = options.body_limit;
        for (const auto& entry : options.body_limits_by_prefix) limit = std::max(limit, entry.bytes);
        return limit;
      }()),
      timer_step(std::max(std::chrono::milliseconds(1),
                          std::min({options.request_timeout, options.keep_alive_timeout, options.write_timeout}))),
      log(options.access_log, options.error_log, options.log_ip) {}

std::size_t ServerShared::body_limit_for(const std::string& path) const {
  std::size_t limit = options.body_limit;
  std::size_t matched = 0;
  for (const auto& entry : options.body_limits_by_prefix) {
    if (entry.prefix.size() >= matched && path.compare(0, entry.prefix.size(), entry.prefix) == 0) {
      limit = entry.bytes;
      matched = entry.prefix.size();
    }
  }
  return limit;
}

std::string ServerShared::client_key(const asio::ip::address& address) {
  if (address.is_v6()) {
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
    auto bytes = v6.to_bytes();
    for (std::size_t i = 8; i < bytes.size(); ++i) bytes[i] = 0;
    return asio::ip::address_v6(bytes).to_string() + "/64";
  }
  return address.to_string();
}

bool ServerShared::admit(const std::string& client) {
  const std::size_t limit = options.max_connections_per_client;
  if (limit == 0) return true;
  std::shared_ptr<Connection> reclaimed;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(m_mutex);
    auto it = m_clients.find(client);
    if (it == m_clients.end() || it->second.open < limit) return true;
    while (!reclaimed && !it->second.idle.empty()) reclaimed = take_idle(it->second.idle.front(), generation);
    if (!reclaimed) return false;
  }
  reclaimed->reclaim(generation);
  return true;
}

bool ServerShared::reclaim_oldest_idle() {
  std::shared_ptr<Connection> reclaimed;
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(m_mutex);
    while (!reclaimed && !m_idle.empty()) reclaimed = take_idle(m_idle.front(), generation);
    if (!reclaimed) return false;
  }
  reclaimed->reclaim(generation);
  return true;
}

std::shared_ptr<Connection> ServerShared::take_idle(std::uint64_t key, std::uint64_t& generation) {
  Entry& entry = m_connections.at(key);
  unlist_idle(entry);
  auto connection = entry.connection.lock();
  if (!connection) return nullptr;  // going away already
  entry.reclaimed = true;
  ++m_reclaimed;
  --m_clients[entry.client].open;
  generation = entry.idle_generation;
  return connection;
}

void ServerShared::unlist_idle(Entry& entry) {
  if (!entry.idle) return;
  entry.idle = false;
  m_idle.erase(entry.idle_position);
  m_clients[entry.client].idle.erase(entry.client_idle_position);
}

std::uint64_t ServerShared::remember(const std::weak_ptr<Connection>& connection, const std::string& client) {
  std::lock_guard lock(m_mutex);
  const std::uint64_t key = m_next_key++;
  Entry& entry = m_connections[key];
  entry.connection = connection;
  entry.client = client;
  ++m_clients[client].open;
  return key;
}

void ServerShared::forget(std::uint64_t key) {
  std::lock_guard lock(m_mutex);
  auto it = m_connections.find(key);
  if (it != m_connections.end()) {
    Entry& entry = it->second;
    unlist_idle(entry);
    auto client = m_clients.find(entry.client);
    if (entry.reclaimed) {
      --m_reclaimed;
    } else if (client != m_clients.end()) {
      --client->second.open;
    }
    if (client != m_clients.end() && client->second.open == 0 && client->second.idle.empty()) m_clients.erase(client);
    m_connections.erase(it);
  }
  if (m_on_closed) m_on_closed(m_connections.size() - m_reclaimed);
}

void ServerShared::idle_begin(std::uint64_t key, std::uint64_t generation) {
  std::lock_guard lock(m_mutex);
  auto it = m_connections.find(key);
  if (it == m_connections.end() || it->second.reclaimed || it->second.idle) return;
  Entry& entry = it->second;
  entry.idle = true;
  entry.idle_generation = generation;
  entry.idle_position = m_idle.insert(m_idle.end(), key);
  auto& client_idle = m_clients[entry.client].idle;
  entry.client_idle_position = client_idle.insert(client_idle.end(), key);
  if (accept_waiting && m_on_idle) m_on_idle();
}

void ServerShared::set_on_idle(std::function<void()> callback) {
  std::lock_guard lock(m_mutex);
  m_on_idle = std::move(callback);
}

void ServerShared::idle_end(std::uint64_t key) {
  std::lock_guard lock(m_mutex);
  auto it = m_connections.find(key);
  if (it != m_connections.end()) unlist_idle(it->second);
}

void ServerShared::reclaim_failed(std::uint64_t key) {
  std::lock_guard lock(m_mutex);
  auto it = m_connections.find(key);
  if (it == m_connections.end() || !it->second.reclaimed) return;
  it->second.reclaimed = false;
  --m_reclaimed;
  ++m_clients[it->second.client].open;
}

std::vector<std::shared_ptr<Connection>> ServerShared::open_connections() {
  std::lock_guard lock(m_mutex);
  std::vector<std::shared_ptr<Connection>> result;
  result.reserve(m_connections.size());
  for (const auto& [key, entry] : m_connections)
    if (auto connection = entry.connection.lock()) result.push_back(std::move(connection));
  return result;
}

std::size_t ServerShared::open_count() {
  std::lock_guard lock(m_mutex);
  return m_connections.size() - m_reclaimed;
}

SlowLane* ServerShared::lane_for(const web::Request& request) const {
  if (lanes.empty()) return nullptr;
  std::string kind;
  if (options.slow_kind) {
    kind = options.slow_kind(request);
  } else if (options.is_slow && options.is_slow(request)) {
    kind = "slow";
  }
  if (kind.empty()) return nullptr;
  for (const auto& lane : lanes)
    if (lane->kind == kind) return lane.get();
  return default_lane;
}

void ServerShared::set_on_closed(std::function<void(std::size_t)> callback) {
  std::lock_guard lock(m_mutex);
  m_on_closed = std::move(callback);
}

// ---------------------------------------------------------------- connection

Connection::Connection(Socket socket, std::shared_ptr<ServerShared> shared)
    : m_socket(std::move(socket)), m_timer(m_socket.get_executor()), m_shared(std::move(shared)) {}

Connection::~Connection() {
  m_shared->forget(m_key);
}

void Connection::launch(Socket socket, const std::shared_ptr<ServerShared>& shared, std::string client,
                        const std::string& client_key) {
  auto connection = std::make_shared<Connection>(std::move(socket), shared);
  connection->m_client = std::move(client);
  connection->m_key = shared->remember(connection, client_key);
  asio::post(connection->m_socket.get_executor(), [connection] { connection->start(); });
}

void Connection::stop() {
  asio::post(m_socket.get_executor(), [self = shared_from_this()] {
    if (self->m_state == State::idle) self->close();
  });
}

void Connection::reclaim(std::uint64_t generation) {
  asio::post(m_socket.get_executor(), [self = shared_from_this(), generation] {
    if (self->m_state == State::idle && self->m_idle_generation == generation) {
      self->m_listed_idle = false;
      return self->close();
    }
    self->m_shared->reclaim_failed(self->m_key);
  });
}

void Connection::start() {
  beast::error_code ec;
  m_socket.set_option(tcp::no_delay(true), ec);
  wait_for_request();
}

void Connection::wait_for_request() {
  m_state = State::idle;
  if (m_shared->stopping) return close();
  if (m_buffer.size() > 0) return read_header();  // a pipelined request is already here
  m_buffer.shrink_to_fit();                       // an idle connection holds no buffer
  if (m_requests == 0) {
    set_deadline(m_shared->options.request_timeout);
  } else {
    // Keep-alive: until the idle timeout, and never past the connection's age.
    const auto age_left = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_opened + m_shared->options.max_connection_age - Clock::now());
    set_deadline(std::max(std::chrono::milliseconds(0), std::min(m_shared->options.keep_alive_timeout, age_left)));
    ++m_idle_generation;
    m_listed_idle = true;
    m_shared->idle_begin(m_key, m_idle_generation);
  }
  m_socket.async_wait(tcp::socket::wait_read, [self = shared_from_this()](beast::error_code ec) {
    if (ec || self->m_state != State::idle) return self->close();
    self->leave_idle();
    self->read_header();
  });
}

void Connection::leave_idle() {
  if (!m_listed_idle) return;
  m_listed_idle = false;
  m_shared->idle_end(m_key);
}

bool Connection::may_keep_alive() const {
  const auto& o = m_shared->options;
  return m_requests + 1 < o.max_requests_per_connection && Clock::now() - m_opened < o.max_connection_age;
}

void Connection::read_header() {
  m_state = State::reading;
  m_request_start = Clock::now();
  m_timed_out = false;
  m_log_method.clear();
  m_log_path.clear();
  m_parser.emplace();
  m_parser->header_limit(static_cast<std::uint32_t>(m_shared->options.header_limit));
  m_parser->body_limit(m_shared->max_body_limit);
  set_deadline(m_shared->options.request_timeout);
  http::async_read_header(m_socket, m_buffer, *m_parser,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Connection::on_header(beast::error_code ec) {
  if (m_state != State::reading) return;
  if (m_timed_out) {
    if (m_parser->got_some()) return fail(408, "the request headers did not arrive in time");
    return close();
  }
  if (ec) {
    std::string reason;
    const int status = status_for_parse_error(ec, false, reason);
    if (status == 0) return close();
    return fail(status, reason);
  }
  const auto& request = m_parser->get();
  m_log_method = std::string(request.method_string());
  m_log_path = std::string(raw_path(request.target()));

  if (request.version() != 10 && request.version() != 11)
    return fail(400, "HTTP/" + std::to_string(request.version() / 10) + "." + std::to_string(request.version() % 10) +
                         " is not supported; use HTTP/1.1");
  if (!is_passed_to_handler(request.method())) return fail(501, "the method " + m_log_method + " is not implemented");
  if (request.version() == 11 && request.count(http::field::host) != 1)
    return fail(400, "an HTTP/1.1 request needs exactly one Host header");
  if (request.count(http::field::transfer_encoding) > 0) {
    int status = 0;
    const std::string reason = transfer_encoding_problem(request, status);
    if (!reason.empty()) return fail(status, reason);
  }
  auto target = parse_request_target(request.target());
  if (!target) return fail(400, target.error());
  m_target = std::move(*target);
  const std::size_t limit = m_shared->body_limit_for(m_target.path);
  if (const auto length = m_parser->content_length(); length && *length > limit)
    return fail(413, "the request body is larger than " + std::to_string(limit) + " bytes");
  m_parser->body_limit(limit);

  if (m_parser->is_done()) return handle_request();
  set_deadline(m_shared->options.body_timeout);
  if (request.version() == 11 && beast::iequals(request[http::field::expect], "100-continue")) {
    static const std::string_view k_continue = "HTTP/1.1 100 Continue\r\n\r\n";
    asio::async_write(m_socket, asio::buffer(k_continue.data(), k_continue.size()),
                      [self = shared_from_this()](beast::error_code write_ec, std::size_t) {
                        if (write_ec || self->m_state != State::reading) return self->close();
                        self->read_body();
                      });
    return;
  }
  read_body();
}

void Connection::read_body() {
  http::async_read(m_socket, m_buffer, *m_parser,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Connection::on_body(beast::error_code ec) {
  if (m_state != State::reading) return;
  if (m_timed_out) return fail(408, "the request body did not arrive in time");
  if (ec) {
    std::string reason;
    const int status = status_for_parse_error(ec, true, reason);
    if (status == 0) return close();
    return fail(status, reason);
  }
  handle_request();
}

void Connection::handle_request() {
  auto& message = m_parser->get();
  const bool head = message.method() == http::verb::head;
  web::Request request;
  request.method = head ? std::string("GET") : std::string(message.method_string());
  request.target = std::string(message.target());
  request.path = std::move(m_target.path);
  request.query = std::move(m_target.query);
  for (const auto& field : message) request.headers.emplace_back(lower(field.name_string()), field.value());
  request.body = std::move(message.body());
  request.client = m_client;
  request.takes_shared_body = true;

  if (SlowLane* lane = m_shared->lane_for(request)) {
    // A bounded queue per kind: when a kind's requests pile up (two clients
    // probing a slow host), its own callers wait or get 503, not the others.
    if (lane->pending.fetch_add(1) >= lane->limit) {
      --lane->pending;
      web::Response busy = error_page(503, "Too many " + lane->kind + " requests are waiting. Try again shortly.");
      busy.set_header("retry-after", "5");
      return respond(std::move(busy));
    }
    m_state = State::handling;
    asio::post(lane->executor, [self = shared_from_this(), lane, request = std::move(request)] {
      web::Response response = self->call_handler(request);
      --lane->pending;
      asio::post(self->m_socket.get_executor(), [self, response = std::move(response)]() mutable {
        if (self->m_state == State::handling) self->respond(std::move(response));
      });
    });
    return;
  }
  respond(call_handler(request));
}

web::Response Connection::call_handler(const web::Request& request) const {
  web::Response response;
  std::string failure;
  try {
    response = m_shared->handler(request);
  } catch (const std::exception& e) {
    // The one catch at the edge: a bug in the site becomes a 500, not a crash.
    failure = std::string("the handler threw: ") + e.what();
  } catch (...) {
    failure = "the handler threw a non-standard exception";
  }
  if (failure.empty()) failure = invalid_response_reason(response);
  if (!failure.empty()) {
    m_shared->log.error(failure + " (" + m_log_method + " " + m_log_path + ")");
    response = error_page(500, "The page could not be produced. The error has been logged.");
  }
  return response;
}

void Connection::respond(web::Response response) {
  send(std::move(response), m_parser->get().keep_alive() && !m_shared->stopping && may_keep_alive());
}

void Connection::fail(int status, const std::string& reason) {
  send(error_page(status, reason), false);
}

void Connection::send(web::Response response, bool keep_alive) {
  m_state = State::writing;
  m_keep_alive = keep_alive;
  const bool header_done = m_parser && m_parser->is_header_done();
  const bool head = header_done && m_parser->get().method() == http::verb::head;
  const bool http10 = header_done && m_parser->get().version() == 10;
  m_response = std::move(response);
  const int status = m_response.status;
  const bool has_body = status != 204 && status != 304;
  m_log_status = status;
  const std::string& body = m_response.content();
  m_log_bytes = has_body && !head ? body.size() : 0;

  // The head, serialised here: the handler's headers (already checked by
  // invalid_response_reason) in their order, then the framing this
  // transport owns.
  std::string& out = m_head;
  out.clear();
  out += http10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += http::obsolete_reason(static_cast<http::status>(status));
  out += "\r\n";
  for (const auto& [name, value] : m_response.headers) {
    if (is_framing_header(name)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "Server: privascore\r\nDate: ";
  out += http_date();
  out += "\r\n";
  if (!http10 && !keep_alive) out += "Connection: close\r\n";
  if (http10 && keep_alive) out += "Connection: keep-alive\r\n";
  if (has_body) {
    out += "Content-Length: ";
    out += std::to_string(body.size());
    out += "\r\n";
  }
  out += "\r\n";

  const std::array<asio::const_buffer, 2> buffers{asio::buffer(m_head),
                                                  m_log_bytes > 0 ? asio::buffer(body) : asio::const_buffer()};
  set_deadline(m_shared->options.write_timeout);
  asio::async_write(m_socket, buffers,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_written(ec); });
}

void Connection::on_written(beast::error_code ec) {
  const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_request_start);
  m_shared->log.access({std::time(nullptr), m_client, m_log_method, m_log_path, m_log_status, m_log_bytes, elapsed});
  ++m_requests;
  m_response = {};
  if (ec || m_state != State::writing) return close();
  if (!m_keep_alive) return linger();
  m_parser.reset();
  wait_for_request();
}

void Connection::linger() {
  // Shut down only the sending side and read what the client still sends
  // (the rest of a refused body, a pipelined request), so the kernel does
  // not answer it with a reset that could destroy the response in flight.
  m_state = State::closing;
  beast::error_code ec;
  m_socket.shutdown(tcp::socket::shutdown_send, ec);
  if (ec) return close();
  m_drained = 0;
  m_buffer.clear();
  set_deadline(m_shared->stopping ? k_linger_timeout_stopping : k_linger_timeout);
  drain();
}

void Connection::drain() {
  m_socket.async_read_some(m_buffer.prepare(k_drain_chunk),
                           [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                             if (ec || self->m_state != State::closing) return self->close();
                             self->m_drained += n;
                             if (self->m_drained > k_linger_max_bytes) return self->close();
                             self->drain();
                           });
}

void Connection::close() {
  if (m_state == State::closed) return;
  leave_idle();
  m_state = State::closed;
  ++m_timer_generation;
  m_timer_pending = false;
  m_timer.cancel();
  beast::error_code ec;
  m_socket.shutdown(tcp::socket::shutdown_both, ec);
  m_socket.close(ec);
}

void Connection::set_deadline(std::chrono::milliseconds timeout) {
  const Clock::time_point now = Clock::now();
  m_deadline = now + timeout;
  // The pending timer fires in time: on_timer() looks at the deadline then.
  if (m_timer_pending && m_timer_expiry <= m_deadline) return;
  arm_timer(std::min(m_deadline, now + m_shared->timer_step));
}

void Connection::arm_timer(Clock::time_point at) {
  const std::uint64_t generation = ++m_timer_generation;
  m_timer_expiry = at;
  m_timer_pending = true;
  m_timer.expires_at(at);
  m_timer.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
    if (ec || generation != self->m_timer_generation) return;
    self->m_timer_pending = false;
    self->on_timer();
  });
}

void Connection::on_timer() {
  if (m_state == State::closed) return;
  const Clock::time_point now = Clock::now();
  if (now >= m_deadline) return on_timeout();
  arm_timer(std::min(m_deadline, now + m_shared->timer_step));
}

void Connection::on_timeout() {
  switch (m_state) {
    case State::reading: {
      // Cancel the read; its handler answers 408 (or closes when nothing came).
      m_timed_out = true;
      beast::error_code ec;
      m_socket.cancel(ec);
      return;
    }
    case State::handling: return;  // the handler bounds its own time
    case State::idle:
    case State::writing:
    case State::closing: return close();
    case State::closed: return;
  }
}

}  // namespace privascore::server
