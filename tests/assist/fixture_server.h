// FixtureServer: a small HTTP/1.1 (and optionally TLS) server on 127.0.0.1
// for probe tests and benchmarks. It serves canned responses by request
// target and can misbehave on purpose: drip a body slowly, send a gigantic
// body, redirect forever. One thread per connection; the destructor stops
// the server and waits for every connection to finish. Header-only, for tests and bench only.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace privascore::test {

struct FixtureResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::size_t repeat_body = 1;        // send body this many times (gigantic responses without the memory)
  std::chrono::milliseconds drip{0};  // pause between chunks (slow server)
  std::size_t drip_chunk = 1;         // bytes per chunk when dripping
  bool declare_length = true;         // send Content-Length
};

struct RecordedRequest {
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower case
  std::string header(const std::string& name) const {
    for (const auto& [n, v] : headers)
      if (n == name) return v;
    return {};
  }
};

class FixtureServer {
 public:
  using Handler = std::function<std::optional<FixtureResponse>(const std::string& target)>;

  /// Plain HTTP; with cert_pem and key_pem, TLS.
  explicit FixtureServer(std::string cert_pem = {}, std::string key_pem = {}) {
    if (!cert_pem.empty()) setup_tls(cert_pem, key_pem);
    m_listen = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    listen(m_listen, 256);
    socklen_t len = sizeof addr;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_accept_thread = std::thread([this] { accept_loop(); });
  }

  ~FixtureServer() {
    m_stop = true;
    if (m_accept_thread.joinable()) m_accept_thread.join();
    close(m_listen);
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_active == 0; });
    lock.unlock();
    if (m_ssl) SSL_CTX_free(m_ssl);
  }

  FixtureServer(const FixtureServer&) = delete;
  FixtureServer& operator=(const FixtureServer&) = delete;

  int port() const { return m_port; }
  std::string base(const std::string& host = "127.0.0.1") const {
    return std::string(m_ssl ? "https" : "http") + "://" + host + ":" + std::to_string(m_port);
  }

  /// Serves response for an exact target ("/config.js" or "/a?b=c"); a
  /// target with a query falls back to its path.
  void route(const std::string& target, FixtureResponse response) {
    std::lock_guard lock(m_mutex);
    m_routes[target] = std::move(response);
  }
  void route(const std::string& target, int status, std::string body,
             std::vector<std::pair<std::string, std::string>> headers = {}) {
    FixtureResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    route(target, std::move(r));
  }
  /// Called for targets without a route.
  void fallback(Handler handler) {
    std::lock_guard lock(m_mutex);
    m_fallback = std::move(handler);
  }

  std::vector<RecordedRequest> requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
  }

 private:
  void setup_tls(const std::string& cert_pem, const std::string& key_pem) {
    m_ssl = SSL_CTX_new(TLS_server_method());
    BIO* cb = BIO_new_mem_buf(cert_pem.data(), static_cast<int>(cert_pem.size()));
    X509* cert = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
    BIO_free(cb);
    BIO* kb = BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
    BIO_free(kb);
    SSL_CTX_use_certificate(m_ssl, cert);
    SSL_CTX_use_PrivateKey(m_ssl, key);
    X509_free(cert);
    EVP_PKEY_free(key);
  }

  void accept_loop() {
    while (!m_stop) {
      pollfd p{m_listen, POLLIN, 0};
      if (poll(&p, 1, 20) <= 0) continue;
      int fd = accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      {
        std::lock_guard lock(m_mutex);
        ++m_active;
      }
      std::thread([this, fd] {
        serve(fd);
        std::lock_guard lock(m_mutex);
        --m_active;
        m_idle.notify_all();
      }).detach();
    }
  }

  struct Conn {
    int fd;
    SSL* ssl = nullptr;
    bool send(const char* data, std::size_t size) {
      while (size > 0) {
        ssize_t n = ssl ? SSL_write(ssl, data, static_cast<int>(size)) : ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
      }
      return true;
    }
    ssize_t recv(char* data, std::size_t size) {
      return ssl ? SSL_read(ssl, data, static_cast<int>(size)) : ::recv(fd, data, size, 0);
    }
  };

  void serve(int fd) {
    timeval tv{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    Conn conn{fd};
    if (m_ssl) {
      conn.ssl = SSL_new(m_ssl);
      SSL_set_fd(conn.ssl, fd);
      if (SSL_accept(conn.ssl) <= 0) {
        SSL_free(conn.ssl);
        close(fd);
        return;
      }
    }
    std::string head;
    char buffer[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
      ssize_t n = conn.recv(buffer, sizeof buffer);
      if (n <= 0) break;
      head.append(buffer, static_cast<std::size_t>(n));
    }
    RecordedRequest request;
    std::size_t line_end = head.find("\r\n");
    if (line_end != std::string::npos) {
      std::string line = head.substr(0, line_end);
      std::size_t a = line.find(' ');
      std::size_t b = line.find(' ', a + 1);
      if (a != std::string::npos && b != std::string::npos) request.target = line.substr(a + 1, b - a - 1);
      std::size_t pos = line_end + 2;
      while (true) {
        std::size_t e = head.find("\r\n", pos);
        if (e == std::string::npos || e == pos) break;
        std::string h = head.substr(pos, e - pos);
        std::size_t colon = h.find(':');
        if (colon != std::string::npos) {
          std::string name = h.substr(0, colon);
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          std::string value = h.substr(colon + 1);
          while (!value.empty() && value.front() == ' ') value.erase(0, 1);
          request.headers.emplace_back(name, value);
        }
        pos = e + 2;
      }
    }
    FixtureResponse response;
    response.status = 404;
    response.body = "not found";
    {
      std::unique_lock lock(m_mutex);
      m_requests.push_back(request);
      auto it = m_routes.find(request.target);
      if (it == m_routes.end()) it = m_routes.find(request.target.substr(0, request.target.find('?')));
      if (it != m_routes.end()) {
        response = it->second;
      } else if (m_fallback) {
        Handler handler = m_fallback;
        lock.unlock();
        if (auto r = handler(request.target)) response = *r;
      }
    }
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " Fixture\r\n";
    bool has_type = false;
    for (const auto& [n, v] : response.headers) {
      out += n + ": " + v + "\r\n";
      if (n == "Content-Type" || n == "content-type") has_type = true;
    }
    if (!has_type) out += "Content-Type: text/plain\r\n";
    if (response.declare_length)
      out += "Content-Length: " + std::to_string(response.body.size() * response.repeat_body) + "\r\n";
    out += "Connection: close\r\n\r\n";
    bool ok = conn.send(out.data(), out.size());
    for (std::size_t r = 0; ok && r < response.repeat_body && !m_stop; ++r) {
      if (response.drip.count() == 0) {
        ok = conn.send(response.body.data(), response.body.size());
        continue;
      }
      for (std::size_t i = 0; ok && i < response.body.size() && !m_stop; i += response.drip_chunk) {
        ok = conn.send(response.body.data() + i, std::min(response.drip_chunk, response.body.size() - i));
        std::this_thread::sleep_for(response.drip);
      }
    }
    if (conn.ssl) {
      SSL_shutdown(conn.ssl);
      SSL_free(conn.ssl);
    }
    shutdown(fd, SHUT_RDWR);
    close(fd);
  }

  int m_listen = -1;
  int m_port = 0;
  SSL_CTX* m_ssl = nullptr;
  std::atomic<bool> m_stop{false};
  std::thread m_accept_thread;
  mutable std::mutex m_mutex;
  std::condition_variable m_idle;
  int m_active = 0;
  std::map<std::string, FixtureResponse> m_routes;
  Handler m_fallback;
  std::vector<RecordedRequest> m_requests;
};

}  // namespace privascore::test
