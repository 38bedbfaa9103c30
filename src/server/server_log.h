// ServerLog: the access log (one line per response) and the error log (one
// line per handler failure) of the HTTP server.
//
// Privacy by default: a line names the method, the path without its query
// (queries may carry personal data), the status, the body bytes and the
// duration, and no client address unless log_ip is set. Bytes a client put
// in the path are escaped, so a line is always one printable line.
// Access lines are buffered: written when 32 KB have gathered, before an
// error line, on flush() (HttpServer calls it every second and when it
// stops) and on destruction, so a busy server does not pay a write per
// request. Error lines are written at once.
// Thread-safe: lines from several threads never interleave.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>
#include <string_view>

namespace privascore::server {

struct AccessEntry {
  std::time_t time = 0;     // when the response was complete
  std::string_view client;  // peer address; logged only with log_ip
  std::string_view method;  // "-" when the request line was unreadable
  std::string_view path;    // raw (percent-encoded) path, no query; "-" when unknown
  int status = 0;
  std::uint64_t body_bytes = 0;  // bytes of the body sent (0 for HEAD)
  std::chrono::microseconds duration{0};
};

/// `2024-10-29T12:00:00Z "GET /en/x" 200 5123 0.412ms`, with the client
/// address after the time when log_ip; no trailing newline.
std::string format_access_line(const AccessEntry& entry, bool log_ip);

class ServerLog {
 public:
  /// access may be nullptr (no access log); errors may be nullptr (no
  /// error log). The files are not owned and must outlive the log.
  ServerLog(std::FILE* access, std::FILE* errors, bool log_ip);

  ~ServerLog();
  ServerLog(const ServerLog&) = delete;
  ServerLog& operator=(const ServerLog&) = delete;

  void access(const AccessEntry& entry);
  /// Writes "privascore: error: message" as one line, after the access
  /// lines still buffered.
  void error(std::string_view message);
  /// Writes the buffered access lines out.
  void flush();

 private:
  void write_pending();  // with m_mutex held

  std::string m_pending;  // access lines not yet written
  std::FILE* m_access;
  std::FILE* m_errors;
  bool m_log_ip;
  std::mutex m_mutex;
};

}  // namespace privascore::server
