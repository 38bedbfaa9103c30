// Throttles: login attempts per account and per client, and a fixed-window
// rate limit (readers' reports).
//
// Kept in memory only: client addresses are never written to disk, and a
// restart forgets them (an attacker gains one fresh window per restart,
// which the operator controls). Memory is bounded: at most k_max_keys keys
// per table; when full, entries whose window has passed are dropped first,
// then the whole table (failing open for a moment rather than growing
// without bound). Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "editor/clock.h"

namespace privascore::editor {

constexpr std::size_t k_max_keys = 100'000;

struct ThrottlePolicy {
  // Per account: the first free_failures consecutive failures cost nothing;
  // each further one locks the account for base_delay × 2^(n − 1), at most
  // max_delay. A successful login resets the count; failures older than
  // max_delay are forgotten.
  int free_failures = 5;
  std::int64_t base_delay = 30;
  std::int64_t max_delay = 15 * 60;
  // Per client: at most client_failures failed logins per client_window
  // seconds (fixed window).
  int client_failures = 20;
  std::int64_t client_window = 15 * 60;
};

class LoginThrottle {
 public:
  LoginThrottle(const Clock& clock, ThrottlePolicy policy = {}) : m_clock(clock), m_policy(policy) {}

  /// 0 when a login attempt for account from client may be checked now;
  /// otherwise the seconds until it may (for Retry-After).
  std::int64_t retry_after(const std::string& account, const std::string& client) const;
  void record_failure(const std::string& account, const std::string& client);
  void record_success(const std::string& account);

 private:
  struct AccountState {
    int failures = 0;
    std::int64_t last_failure = 0;
  };
  struct Window {
    std::int64_t start = 0;
    int count = 0;
  };
  std::int64_t account_wait(const AccountState& state, std::int64_t now) const;

  const Clock& m_clock;
  ThrottlePolicy m_policy;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, AccountState> m_accounts;
  std::unordered_map<std::string, Window> m_clients;
};

/// At most `limit` events per key in each window of `window` seconds.
class RateLimiter {
 public:
  RateLimiter(const Clock& clock, int limit, std::int64_t window) : m_clock(clock), m_limit(limit), m_window(window) {}

  /// Counts one event for key: 0 when it is allowed, otherwise the seconds
  /// until the key's window ends (the event is not counted).
  std::int64_t acquire(const std::string& key);

 private:
  struct Window {
    std::int64_t start = 0;
    int count = 0;
  };
  const Clock& m_clock;
  int m_limit;
  std::int64_t m_window;
  std::mutex m_mutex;
  std::unordered_map<std::string, Window> m_windows;
};

}  // namespace privascore::editor
