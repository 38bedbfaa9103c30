// ProbePage: the web page where anyone enters the address of a video
// conferencing instance and gets the probe's report (/de/pruefen,
// /en/probe). Works without JavaScript: a GET form, answered by GET
// ?url=… or POST url=…. The page hands its route to the site's table
// (routes(), like the editor), since the site layer must not depend on assist.
//
// Protection: the probe refuses private, loopback, link-local and other
// non-public addresses after DNS resolution and connects to the checked
// addresses only; every probe has a time budget; probes are rate limited
// per client (default 10 per minute) and overall. No cookie is set and
// nothing about the client is stored beyond the rate limiter's memory.
//
// Thread safety: handle() may be called from many threads at once.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "util/error.h"

#include "assist/probe.h"
#include "web/http.h"
#include "web/router.h"

namespace privascore::web {
class Site;
}

namespace privascore::assist {

/// A sliding-window rate limit per key. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(int per_window, std::chrono::seconds window = std::chrono::seconds(60))
      : m_limit(per_window), m_window(window) {}
  /// 0 when the request may proceed (and is counted), otherwise the seconds
  /// to wait before the next one would be allowed.
  long acquire(const std::string& key, Clock::time_point now = Clock::now());

 private:
  std::mutex m_mutex;
  int m_limit;
  std::chrono::seconds m_window;
  std::map<std::string, std::deque<Clock::time_point>> m_hits;
  Clock::time_point m_last_prune{};
};

struct ProbePageOptions {
  int per_client_per_minute = 10;
  int total_per_minute = 60;
  std::chrono::milliseconds probe_timeout{20000};
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For is believed
  HttpOptions http;                          // public_only is always forced on; resolver and CA for tests
};

/// What the site (or anyone) calls: url -> report, as the web form does it:
/// public addresses only, rate limited per client key. Fails with the reason
/// (bad URL, refused address, unreachable, "rate limited: wait N s").
Result<ProbeReport> probe_for_web(const std::string& url, const std::string& client_key, RateLimiter& per_client,
                                  RateLimiter& total, const HttpClient& client, const ProbeOptions& options);

class ProbePage {
 public:
  /// The page renders inside the site's frame (navigation, footer) using
  /// the site's assets and catalogue. The error names what failed to load.
  static Result<std::shared_ptr<ProbePage>> create(std::shared_ptr<const web::Site> site, ProbePageOptions options);
  /// Never throws.
  web::Response handle(const web::Request& request) const;

  ~ProbePage();
  struct State;
  explicit ProbePage(std::unique_ptr<State> state);

 private:
  std::unique_ptr<State> m_state;
};

/// The page's route (/de/pruefen, /en/probe; GET and POST, slow) for the
/// site's table (web::Site::mount).
std::vector<web::Route> routes(std::shared_ptr<ProbePage> page);

}  // namespace privascore::assist
