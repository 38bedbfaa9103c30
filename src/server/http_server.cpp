#include "server/http_server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <csignal>
#include <thread>
#include <vector>

#include "server/connection.h"

namespace privascore::server {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

namespace {
// How long to wait before accepting again when accept() fails, e.g. when
// the process is out of file descriptors.
constexpr std::chrono::milliseconds k_accept_retry{100};
}  // namespace

// Everything below runs on m_strand except the constructor, run() and
// stop(), which only post to it.
struct HttpServer::Impl {
  Impl(web::Handler handler, ServerOptions options)
      : ioc(std::max(1, options.threads)),
        shared(std::make_shared<ServerShared>(std::move(handler), std::move(options))),
        strand(asio::make_strand(ioc)),
        acceptor(strand),
        signals(strand),
        deadline(strand),
        accept_retry(strand),
        bound(shared->options.listen) {}

  ~Impl() {
    // Connections that outlive run() (cut at the deadline) are destroyed
    // with the io_context; they must not call back into this object.
    shared->set_on_closed(nullptr);
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](error_code ec, tcp::socket socket) {
      if (stopping || !acceptor.is_open()) return;
      if (ec) {
        if (ec == asio::error::operation_aborted) return;
        if (!accept_failing) shared->log.error("accept failed: " + ec.message() + "; retrying");
        accept_failing = true;
        accept_retry.expires_after(k_accept_retry);
        accept_retry.async_wait([this](error_code wait_ec) {
          if (!wait_ec && !stopping) accept();
        });
        return;
      }
      accept_failing = false;
      Connection::launch(std::move(socket), shared);
      if (shared->open_count() >= shared->options.max_connections) {
        accept_paused = true;  // resumed by on_closed below
        return;
      }
      accept();
    });
  }

  // Called (through a post) whenever a connection has gone.
  void on_closed(std::size_t open) {
    if (stopping) {
      if (open == 0) finish();
      return;
    }
    if (accept_paused && open < shared->options.max_connections) {
      accept_paused = false;
      accept();
    }
  }

  void wait_for_signal() {
    signals.async_wait([this](error_code ec, int) {
      if (ec) return;
      if (stopping) {
        // A second signal: do not wait for the requests in flight.
        shared->log.error("second signal: closing every connection now");
        ioc.stop();
        return;
      }
      begin_shutdown();
      // Listen for a second signal only while connections are still being
      // drained; after finish() a pending wait would keep run() from returning.
      if (!finished) wait_for_signal();
    });
  }

  void begin_shutdown() {
    if (stopping) return;
    stopping = true;
    shared->stopping = true;
    error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
    const auto open = shared->open_connections();
    for (const auto& connection : open) connection->stop();
    if (shared->open_count() == 0) return finish();
    deadline.expires_after(shared->options.shutdown_timeout);
    deadline.async_wait([this](error_code wait_ec) {
      if (wait_ec) return;
      shared->log.error("shutdown: " + std::to_string(shared->open_count()) +
                        " connection(s) still busy after the deadline; closing them");
      ioc.stop();
    });
  }

  // Nothing is left to serve: drop the last pending waits so run() returns.
  void finish() {
    finished = true;
    deadline.cancel();
    accept_retry.cancel();
    error_code ec;
    signals.cancel(ec);
  }

  asio::io_context ioc;  // first: destroyed after everything that uses it
  std::shared_ptr<ServerShared> shared;
  asio::strand<asio::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer deadline;
  asio::steady_timer accept_retry;
  ListenAddress bound;
  bool listening = false;
  bool stopping = false;
  bool finished = false;
  bool accept_paused = false;
  bool accept_failing = false;
};

HttpServer::HttpServer(web::Handler handler, ServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(handler), std::move(options))) {
  Impl* impl = m_impl.get();
  m_impl->shared->set_on_closed(
      [impl](std::size_t open) { asio::post(impl->strand, [impl, open] { impl->on_closed(open); }); });
}

HttpServer::~HttpServer() = default;

tl::expected<void, std::string> HttpServer::listen() {
  const ListenAddress& wanted = m_impl->shared->options.listen;
  auto fail = [&](const std::string& what, const error_code& ec) {
    return tl::unexpected("cannot listen on " + wanted.to_string() + ": " + what + ec.message());
  };
  error_code ec;
  const auto address = asio::ip::make_address(wanted.host, ec);
  if (ec) return fail("bad address: ", ec);
  const tcp::endpoint endpoint(address, wanted.port);
  tcp::acceptor& acceptor = m_impl->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail("", ec);
  acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) return fail("", ec);
  acceptor.bind(endpoint, ec);
  if (ec) return fail("", ec);
  acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return fail("", ec);
  m_impl->bound.port = acceptor.local_endpoint(ec).port();
  if (m_impl->shared->options.handle_signals) {
    // Installed now, before anyone learns the address, so that a signal sent
    // as soon as the server is up is already queued for run().
    m_impl->signals.add(SIGINT, ec);
    if (!ec) m_impl->signals.add(SIGTERM, ec);
    if (ec) return fail("cannot handle SIGTERM: ", ec);
  }
  m_impl->listening = true;
  asio::post(m_impl->strand, [impl = m_impl.get()] {
    if (!impl->stopping) impl->accept();
  });
  return {};
}

ListenAddress HttpServer::local_address() const {
  return m_impl->bound;
}

void HttpServer::run() {
  if (!m_impl->listening) return;
  if (m_impl->shared->options.handle_signals) {
    asio::post(m_impl->strand, [impl = m_impl.get()] {
      if (!impl->stopping) impl->wait_for_signal();
    });
  }
  const int extra = std::max(1, m_impl->shared->options.threads) - 1;
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(extra));
  for (int i = 0; i < extra; ++i) threads.emplace_back([this] { m_impl->ioc.run(); });
  m_impl->ioc.run();
  for (auto& thread : threads) thread.join();
}

void HttpServer::stop() {
  asio::post(m_impl->strand, [impl = m_impl.get()] { impl->begin_shutdown(); });
}

}  // namespace privascore::server
