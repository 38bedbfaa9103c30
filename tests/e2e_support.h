// Helpers for end-to-end tests over HTTP on 127.0.0.1: a raw blocking
// client (requests are sent byte for byte, so malformed ones can be too) and
// the real `privascore serve` binary in a temporary folder.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "test_support.h"

namespace privascore::test {

// Generous bound for any single wait, so a broken server fails the test
// instead of hanging it; never an assertion about speed.
constexpr int k_wait_ms = 15000;

struct Reply {
  int status = 0;                              // 0: no response (closed or timed out)
  std::map<std::string, std::string> headers;  // names lowercase
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

/// A blocking TCP client to 127.0.0.1 that reads HTTP/1.1 responses framed
/// by Content-Length (the only framing the server uses).
class Client {
 public:
  /// source: the local address to connect from ("127.0.0.2"), so that one
  /// test can be several clients; nullptr: the kernel's choice (127.0.0.1).
  explicit Client(std::uint16_t port, const char* source = nullptr) {
    m_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (source) {
      sockaddr_in local{};
      local.sin_family = AF_INET;
      inet_pton(AF_INET, source, &local.sin_addr);
      if (::bind(m_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) {
        ::close(m_fd);
        m_fd = -1;
        return;
      }
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      ::close(m_fd);
      m_fd = -1;
    }
    if (m_fd >= 0) {
      int one = 1;
      setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
  }
  ~Client() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return m_fd >= 0; }

  /// False when the peer has closed or reset the connection.
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  /// Reads one response; a response to HEAD has no body whatever its
  /// Content-Length says.
  Reply read_reply(bool head = false) {
    Reply reply;
    std::size_t end;
    while ((end = m_buffer.find("\r\n\r\n")) == std::string::npos)
      if (!fill()) return reply;
    const std::string head_text = m_buffer.substr(0, end);
    m_buffer.erase(0, end + 4);
    std::size_t line_end = head_text.find("\r\n");
    const std::string status_line = head_text.substr(0, line_end);
    if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12) return reply;
    reply.status = std::stoi(status_line.substr(9, 3));
    while (line_end != std::string::npos) {
      const std::size_t start = line_end + 2;
      line_end = head_text.find("\r\n", start);
      const std::string line =
          head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      reply.headers[name] = value;
    }
    if (head || reply.status == 204 || reply.status == 304) return reply;
    const std::size_t length =
        std::stoul(reply.header("content-length").empty() ? "0" : reply.header("content-length"));
    while (m_buffer.size() < length)
      if (!fill()) {
        reply.status = 0;
        return reply;
      }
    reply.body = m_buffer.substr(0, length);
    m_buffer.erase(0, length);
    return reply;
  }

  /// True when the server closes (or resets) the connection within the
  /// wait and sends nothing more before that.
  bool closed_by_server() {
    m_buffer.clear();
    while (fill()) {
    }
    return m_eof && m_buffer.empty();
  }

  /// True when the server has closed the connection by now (no waiting).
  bool closed_now() {
    pollfd p{m_fd, POLLIN | POLLRDHUP, 0};
    if (poll(&p, 1, 0) <= 0) return false;
    char c;
    return ::recv(m_fd, &c, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
  }

  /// True when nothing arrives within ms (the connection stays open).
  bool silent_for(int ms) {
    pollfd p{m_fd, POLLIN, 0};
    return poll(&p, 1, ms) == 0;
  }

 private:
  bool fill(int timeout_ms = k_wait_ms) {
    pollfd p{m_fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char chunk[16384];
    const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
    if (n <= 0) {
      m_eof = true;
      return false;
    }
    m_buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int m_fd = -1;
  std::string m_buffer;
  bool m_eof = false;
};

/// The i-th of 65,000 loopback addresses 127.0.x.y (x from 1, y 1..254),
/// to be i different clients.
inline std::string loopback_address(int i) {
  return "127.0." + std::to_string(1 + i / 254) + "." + std::to_string(1 + i % 254);
}

inline Reply request_once(std::uint16_t port, const std::string& request, bool head = false) {
  Client client(port);
  if (!client.connected() || !client.send(request)) return {};
  return client.read_reply(head);
}

/// request_once from the local address source ("127.0.0.2").
inline Reply request_once_from(std::uint16_t port, const char* source, const std::string& request) {
  Client client(port, source);
  if (!client.connected() || !client.send(request)) return {};
  return client.read_reply();
}

inline std::string get(const std::string& target, const std::string& extra_headers = {}) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

/// `privascore serve --listen LISTEN ARGS...` in a fresh temporary
/// directory; stdout's first line gives the port, stderr goes to a file.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> args, const std::string& listen = "127.0.0.1:0") {
    char dir_template[] = "/tmp/privascore-serve-XXXXXX";
    m_dir = mkdtemp(dir_template);
    m_stderr_path = m_dir + "/stderr.log";
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) return;
    std::vector<std::string> argv_storage = {binary_path(), "serve", "--listen",
                                             listen,        "--db",  m_dir + "/var/privascore.db"};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    m_pid = fork();
    if (m_pid == 0) {
      dup2(out_pipe[1], 1);
      const int err_fd = open(m_stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(err_fd, 2);
      const int null_fd = open("/dev/null", O_RDONLY);
      dup2(null_fd, 0);
      if (chdir(m_dir.c_str()) != 0) _exit(126);
      std::vector<char*> argv;
      for (auto& arg : argv_storage) argv.push_back(arg.data());
      argv.push_back(nullptr);
      setenv("LANG", "C", 1);
      execv(argv[0], argv.data());
      _exit(127);
    }
    ::close(out_pipe[1]);
    m_stdout = out_pipe[0];
    m_first_line = read_line();
    const std::string marker = "http://127.0.0.1:";
    const std::size_t at = m_first_line.find(marker);
    if (at != std::string::npos)
      m_port = static_cast<std::uint16_t>(std::stoi(m_first_line.substr(at + marker.size())));
  }
  ~ServeProcess() {
    if (m_pid > 0 && !m_exited) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    if (m_stdout >= 0) ::close(m_stdout);
    std::filesystem::remove_all(m_dir);
  }

  std::uint16_t port() const { return m_port; }
  /// The temporary folder the server runs in; its database is var/privascore.db.
  const std::string& dir() const { return m_dir; }
  std::string database() const { return m_dir + "/var/privascore.db"; }
  const std::string& first_line() const { return m_first_line; }

  void signal(int number) { kill(m_pid, number); }

  /// Waits for the process to end; its exit code, or 128 + signal.
  int wait_for_exit() {
    int status = 0;
    for (int waited = 0; waited < k_wait_ms; waited += 10) {
      const pid_t done = waitpid(m_pid, &status, WNOHANG);
      if (done == m_pid) {
        m_exited = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

  std::string stderr_text() const { return read_text(m_stderr_path); }

 private:
  std::string read_line() {
    std::string line;
    char c;
    pollfd p{m_stdout, POLLIN, 0};
    while (poll(&p, 1, k_wait_ms) > 0 && ::read(m_stdout, &c, 1) == 1 && c != '\n') line += c;
    return line;
  }

  std::string m_dir;
  std::string m_stderr_path;
  pid_t m_pid = -1;
  bool m_exited = false;
  int m_stdout = -1;
  std::string m_first_line;
  std::uint16_t m_port = 0;
};

}  // namespace privascore::test
