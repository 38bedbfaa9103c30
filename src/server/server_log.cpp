#include "server/server_log.h"

#include <cstdio>

namespace privascore::server {

namespace {

// Printable ASCII except '"' and '\' as is; anything else as \xHH.
void append_escaped(std::string& out, std::string_view text) {
  static const char k_hex[] = "0123456789abcdef";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7f && c != '"' && c != '\\') {
      out += c;
    } else {
      out += "\\x";
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xf];
    }
  }
}

// Text with control characters as \xHH, so a message stays one line.
void append_without_controls(std::string& out, std::string_view text) {
  static const char k_hex[] = "0123456789abcdef";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else {
      out += "\\x";
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xf];
    }
  }
}

constexpr std::size_t k_access_buffer = 32 * 1024;

void write_line(std::FILE* file, std::string_view line) {
  std::fwrite(line.data(), 1, line.size(), file);
  std::fputc('\n', file);
  std::fflush(file);
}

}  // namespace

std::string format_access_line(const AccessEntry& entry, bool log_ip) {
  std::string line;
  line.reserve(96 + entry.path.size());
  std::tm utc{};
  gmtime_r(&entry.time, &utc);
  char time_text[32];
  std::strftime(time_text, sizeof time_text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  line += time_text;
  if (log_ip) {
    line += ' ';
    append_escaped(line, entry.client.empty() ? std::string_view("-") : entry.client);
  }
  line += " \"";
  append_escaped(line, entry.method.empty() ? std::string_view("-") : entry.method);
  line += ' ';
  append_escaped(line, entry.path.empty() ? std::string_view("-") : entry.path);
  line += "\" ";
  line += std::to_string(entry.status);
  line += ' ';
  line += std::to_string(entry.body_bytes);
  char duration[32];
  std::snprintf(duration, sizeof duration, " %.3fms", static_cast<double>(entry.duration.count()) / 1000.0);
  line += duration;
  return line;
}

ServerLog::ServerLog(std::FILE* access, std::FILE* errors, bool log_ip)
    : m_access(access), m_errors(errors), m_log_ip(log_ip) {}

ServerLog::~ServerLog() {
  flush();
}

void ServerLog::access(const AccessEntry& entry) {
  if (!m_access) return;
  const std::string line = format_access_line(entry, m_log_ip);
  std::lock_guard lock(m_mutex);
  m_pending += line;
  m_pending += '\n';
  if (m_pending.size() >= k_access_buffer) write_pending();
}

void ServerLog::error(std::string_view message) {
  if (!m_errors) return;
  std::string line = "privascore: error: ";
  append_without_controls(line, message);
  std::lock_guard lock(m_mutex);
  write_pending();
  write_line(m_errors, line);
}

void ServerLog::flush() {
  std::lock_guard lock(m_mutex);
  write_pending();
}

void ServerLog::write_pending() {
  if (m_pending.empty()) return;
  std::fwrite(m_pending.data(), 1, m_pending.size(), m_access);
  std::fflush(m_access);
  m_pending.clear();
}

}  // namespace privascore::server
