// A minimal static file server and HTTP client for tests, on 127.0.0.1
// only: GET of files below a folder, mounted at a URL prefix, with
// index.html for folders, like any plain static web host. One request per
// connection. Header-only, test use.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace privascore::test {

struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
};

class StaticHttpServer {
 public:
  /// Serves root at http://127.0.0.1:port()/prefix/ (prefix like "/sub").
  StaticHttpServer(std::filesystem::path root, std::string prefix)
      : m_root(std::move(root)), m_prefix(std::move(prefix)) {
    m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
    int yes = 1;
    ::setsockopt(m_socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    ::bind(m_socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(m_socket, 16);
    socklen_t length = sizeof address;
    ::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
  }
  ~StaticHttpServer() {
    m_stop = true;
    m_thread.join();
    ::close(m_socket);
  }
  int port() const { return m_port; }

 private:
  void run() {
    while (!m_stop) {
      pollfd p{m_socket, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int client = ::accept(m_socket, nullptr, nullptr);
      if (client < 0) continue;
      serve(client);
      ::close(client);
    }
  }

  static std::string type_of(const std::filesystem::path& p) {
    const std::string ext = p.extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css";
    if (ext == ".js") return "text/javascript";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".json") return "application/json";
    if (ext == ".atom") return "application/atom+xml";
    if (ext == ".xml") return "application/xml";
    return "application/octet-stream";
  }

  void serve(int client) {
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) return;
      request.append(buffer, static_cast<std::size_t>(n));
    }
    std::istringstream line(request.substr(0, request.find("\r\n")));
    std::string method, target;
    line >> method >> target;
    target = target.substr(0, target.find_first_of("?#"));
    int status = 404;
    std::string type = "text/plain", body = "not found";
    if (target.rfind(m_prefix + "/", 0) == 0 && target.find("..") == std::string::npos) {
      std::filesystem::path file = m_root / target.substr(m_prefix.size() + 1);
      if (std::filesystem::is_directory(file)) file /= "index.html";
      if (std::filesystem::is_regular_file(file)) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        status = 200;
        type = type_of(file);
        body = content.str();
      }
    }
    const std::string head = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
                             "\r\nContent-Type: " + type + "\r\nContent-Length: " + std::to_string(body.size()) +
                             "\r\nConnection: close\r\n\r\n";
    const std::string reply = head + body;
    std::size_t sent = 0;
    while (sent < reply.size()) {
      const ssize_t n = ::send(client, reply.data() + sent, reply.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  std::filesystem::path m_root;
  std::string m_prefix;
  int m_socket = -1;
  int m_port = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

/// GET http://127.0.0.1:port/path; status 0 when the connection fails.
inline HttpReply http_get(int port, const std::string& path) {
  HttpReply reply;
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(s);
    return reply;
  }
  const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  ::send(s, request.data(), request.size(), MSG_NOSIGNAL);
  std::string raw;
  char buffer[65536];
  ssize_t n;
  while ((n = ::recv(s, buffer, sizeof buffer, 0)) > 0) raw.append(buffer, static_cast<std::size_t>(n));
  ::close(s);
  const std::size_t end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return reply;
  std::istringstream status_line(raw.substr(0, raw.find("\r\n")));
  std::string version;
  status_line >> version >> reply.status;
  const std::string head = raw.substr(0, end);
  const std::size_t ct = head.find("Content-Type: ");
  if (ct != std::string::npos) reply.content_type = head.substr(ct + 14, head.find("\r\n", ct) - ct - 14);
  reply.body = raw.substr(end + 4);
  return reply;
}

}  // namespace privascore::test
