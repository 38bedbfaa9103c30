#include "server/http_server.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
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
// How often buffered access-log lines are written out at the latest.
constexpr std::chrono::milliseconds k_log_flush_interval{1000};
constexpr std::chrono::seconds k_refusal_log_interval{60};

using Loops = std::vector<std::unique_ptr<asio::io_context>>;

Loops make_loops(int threads) {
  Loops loops;
  for (int i = 0; i < std::max(1, threads); ++i) loops.push_back(std::make_unique<asio::io_context>(1));
  return loops;
}
}  // namespace

// One event loop (io_context) per thread, like one worker process per core
// in nginx: a connection lives on one loop from accept to close, so its
// handlers never run concurrently and need no strand or lock. Loop 0 also
// owns the acceptor, the signals and the timers below; everything below
// runs on loop 0's thread except the constructor, run() and stop(), which
// only post to it.
struct HttpServer::Impl {
  Impl(web::Handler handler, ServerOptions options)
      : loops(make_loops(options.threads)),
        shared(std::make_shared<ServerShared>(std::move(handler), std::move(options))),
        control(loops.front()->get_executor()),
        acceptor(control),
        signals(control),
        deadline(control),
        accept_retry(control),
        log_flush(control),
        bound(shared->options.listen) {
    // Loops 1.. have nothing to wait for while no connection is theirs.
    for (std::size_t i = 1; i < loops.size(); ++i) keep_running.emplace_back(loops[i]->get_executor());
    if (shared->options.slow_kind || shared->options.is_slow) {
      // One pool and one bounded queue per kind of slow request, and one
      // for the kinds without a pool of their own.
      auto add_lane = [this](const std::string& kind, int threads, std::size_t queue_limit) {
        const auto n = static_cast<std::size_t>(std::max(1, threads));
        slow_pools.push_back(std::make_unique<asio::thread_pool>(n));
        shared->lanes.emplace_back(new SlowLane{kind, n + queue_limit, {0}, slow_pools.back()->get_executor()});
      };
      for (const SlowPool& pool : shared->options.slow_pools) add_lane(pool.kind, pool.threads, pool.queue_limit);
      add_lane("slow", shared->options.slow_threads, shared->options.slow_queue_limit);
      shared->default_lane = shared->lanes.back().get();
    }
  }

  ~Impl() {
    // Connections that outlive run() (cut at the deadline) are destroyed
    // with the io_context; they must not call back into this object.
    shared->set_on_closed(nullptr);
    shared->set_on_idle(nullptr);
  }

  void accept() {
    const std::size_t loop = next_loop++ % loops.size();
    acceptor.async_accept(loops[loop]->get_executor(), [this](error_code ec, Connection::Socket socket) {
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
      error_code peer_ec;
      const auto peer = socket.remote_endpoint(peer_ec);
      if (peer_ec) {  // gone already
        socket.close(peer_ec);
        return accept();
      }
      const std::string key = ServerShared::client_key(peer.address());
      if (!shared->admit(key)) {
        // The client holds its whole share, none of it idle.
        socket.close(peer_ec);
        note_refusal();
        return accept();
      }
      Connection::launch(std::move(socket), shared, peer.address().to_string(), key);
      // At the limit: make room by closing the oldest idle keep-alive
      // connection; when every connection is busy, wait for one to close.
      if (shared->open_count() >= shared->options.max_connections && !shared->reclaim_oldest_idle()) {
        accept_paused = true;  // resumed by on_closed or on_idle below
        shared->accept_waiting = true;
        return;
      }
      accept();
    });
  }

  // At most one error-log line a minute for connections refused by the
  // per-client limit, so that a flood does not flood the log too.
  void note_refusal() {
    ++refused;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_refusal_log < k_refusal_log_interval) return;
    last_refusal_log = now;
    shared->log.error(std::to_string(refused) + " connection(s) refused: their client already had " +
                      std::to_string(shared->options.max_connections_per_client) +
                      " busy connections (max_connections_per_client)");
    refused = 0;
  }

  // Called (through a post) whenever a connection becomes idle: a paused
  // accept can now make room by reclaiming it.
  void on_idle() {
    if (stopping || !accept_paused) return;
    accept_paused = false;
    shared->accept_waiting = false;
    accept();
  }

  // Called (through a post) whenever a connection has gone.
  void on_closed(std::size_t open) {
    if (stopping) {
      if (open == 0) finish();
      return;
    }
    if (accept_paused && open < shared->options.max_connections) {
      accept_paused = false;
      shared->accept_waiting = false;
      accept();
    }
  }

  void wait_for_signal() {
    signals.async_wait([this](error_code ec, int) {
      if (ec) return;
      if (stopping) {
        // A second signal: do not wait for the requests in flight.
        shared->log.error("second signal: closing every connection now");
        stop_loops();
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
      stop_loops();
    });
  }

  void flush_log_regularly() {
    log_flush.expires_after(k_log_flush_interval);
    log_flush.async_wait([this](error_code ec) {
      if (ec || finished) return;
      shared->log.flush();
      flush_log_regularly();
    });
  }

  void stop_loops() {
    for (auto& loop : loops) loop->stop();
  }

  // Nothing is left to serve: drop the last pending waits so run() returns.
  void finish() {
    finished = true;
    deadline.cancel();
    accept_retry.cancel();
    log_flush.cancel();
    error_code ec;
    signals.cancel(ec);
    keep_running.clear();
  }

  using Executor = asio::io_context::executor_type;

  Loops loops;  // first: destroyed after everything that uses them
  // Second: their threads post to the loops, so they go before them.
  std::vector<std::unique_ptr<asio::thread_pool>> slow_pools;
  std::shared_ptr<ServerShared> shared;
  Executor control;  // loop 0
  asio::basic_socket_acceptor<tcp, Executor> acceptor;
  asio::basic_signal_set<Executor> signals;
  asio::basic_waitable_timer<std::chrono::steady_clock, asio::wait_traits<std::chrono::steady_clock>, Executor>
      deadline;
  asio::basic_waitable_timer<std::chrono::steady_clock, asio::wait_traits<std::chrono::steady_clock>, Executor>
      accept_retry;
  asio::basic_waitable_timer<std::chrono::steady_clock, asio::wait_traits<std::chrono::steady_clock>, Executor>
      log_flush;
  std::vector<asio::executor_work_guard<Executor>> keep_running;
  std::size_t next_loop = 0;
  ListenAddress bound;
  bool listening = false;
  bool stopping = false;
  bool finished = false;
  bool accept_paused = false;
  bool accept_failing = false;
  std::uint64_t refused = 0;
  std::chrono::steady_clock::time_point last_refusal_log{};
};

HttpServer::HttpServer(web::Handler handler, ServerOptions options)
    : m_impl(std::make_unique<Impl>(std::move(handler), std::move(options))) {
  Impl* impl = m_impl.get();
  m_impl->shared->set_on_closed(
      [impl](std::size_t open) { asio::post(impl->control, [impl, open] { impl->on_closed(open); }); });
  m_impl->shared->set_on_idle([impl] { asio::post(impl->control, [impl] { impl->on_idle(); }); });
}

HttpServer::~HttpServer() = default;

Result<void> HttpServer::listen() {
  const ListenAddress& wanted = m_impl->shared->options.listen;
  auto fail = [&](const std::string& what, const error_code& ec) {
    return privascore::fail("cannot listen on " + wanted.to_string() + ": " + what + ec.message());
  };
  error_code ec;
  const auto address = asio::ip::make_address(wanted.host, ec);
  if (ec) return fail("bad address: ", ec);
  const tcp::endpoint endpoint(address, wanted.port);
  auto& acceptor = m_impl->acceptor;
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
  asio::post(m_impl->control, [impl = m_impl.get()] {
    if (impl->stopping) return;
    impl->accept();
    impl->flush_log_regularly();
  });
  return {};
}

ListenAddress HttpServer::local_address() const {
  return m_impl->bound;
}

void HttpServer::run() {
  if (!m_impl->listening) return;
  if (m_impl->shared->options.handle_signals) {
    asio::post(m_impl->control, [impl = m_impl.get()] {
      if (!impl->stopping) impl->wait_for_signal();
    });
  }
  Loops& loops = m_impl->loops;
  std::vector<std::thread> threads;
  threads.reserve(loops.size() - 1);
  for (std::size_t i = 1; i < loops.size(); ++i) threads.emplace_back([&loop = *loops[i]] { loop.run(); });
  loops.front()->run();
  for (auto& thread : threads) thread.join();
  // After a graceful stop nothing is queued; after a forced one, queued
  // requests are dropped and running ones finish.
  for (auto& pool : m_impl->slow_pools) pool->stop();
  for (auto& pool : m_impl->slow_pools) pool->join();
  m_impl->shared->log.flush();
}

void HttpServer::stop() {
  asio::post(m_impl->control, [impl = m_impl.get()] { impl->begin_shutdown(); });
}

}  // namespace privascore::server
