#include "editor/throttle.h"

#include <algorithm>

namespace privascore::editor {

namespace {

// Drops entries for which stale(entry) holds, and everything when that is
// not enough to make room.
template <class Map, class Stale>
void make_room(Map& map, Stale stale) {
  if (map.size() < k_max_keys) return;
  std::erase_if(map, [&](const auto& item) { return stale(item.second); });
  if (map.size() >= k_max_keys) map.clear();
}

}  // namespace

std::int64_t LoginThrottle::account_wait(const AccountState& state, std::int64_t now) const {
  if (state.failures < m_policy.free_failures) return 0;
  const int over = state.failures - m_policy.free_failures;  // 0 for the first locked attempt
  std::int64_t delay = m_policy.base_delay;
  for (int i = 0; i < over && delay < m_policy.max_delay; ++i) delay *= 2;
  delay = std::min(delay, m_policy.max_delay);
  const std::int64_t until = state.last_failure + delay;
  return until > now ? until - now : 0;
}

std::int64_t LoginThrottle::retry_after(const std::string& account, const std::string& client) const {
  const std::int64_t now = m_clock.now();
  std::lock_guard lock(m_mutex);
  std::int64_t wait = 0;
  if (auto it = m_accounts.find(account); it != m_accounts.end()) wait = account_wait(it->second, now);
  if (auto it = m_clients.find(client); it != m_clients.end()) {
    const Window& w = it->second;
    if (now - w.start < m_policy.client_window && w.count >= m_policy.client_failures) {
      wait = std::max(wait, w.start + m_policy.client_window - now);
    }
  }
  return wait;
}

void LoginThrottle::record_failure(const std::string& account, const std::string& client) {
  const std::int64_t now = m_clock.now();
  std::lock_guard lock(m_mutex);
  make_room(m_accounts, [&](const AccountState& s) { return now - s.last_failure > m_policy.max_delay; });
  AccountState& state = m_accounts[account];
  if (state.failures > 0 && now - state.last_failure > m_policy.max_delay) state.failures = 0;
  ++state.failures;
  state.last_failure = now;

  make_room(m_clients, [&](const Window& w) { return now - w.start >= m_policy.client_window; });
  Window& w = m_clients[client];
  if (w.count == 0 || now - w.start >= m_policy.client_window) w = Window{now, 0};
  ++w.count;
}

void LoginThrottle::record_success(const std::string& account) {
  std::lock_guard lock(m_mutex);
  m_accounts.erase(account);
}

std::int64_t RateLimiter::acquire(const std::string& key) {
  const std::int64_t now = m_clock.now();
  std::lock_guard lock(m_mutex);
  make_room(m_windows, [&](const Window& w) { return now - w.start >= m_window; });
  Window& w = m_windows[key];
  if (w.count == 0 || now - w.start >= m_window) w = Window{now, 0};
  if (w.count >= m_limit) return w.start + m_window - now;
  ++w.count;
  return 0;
}

}  // namespace privascore::editor
