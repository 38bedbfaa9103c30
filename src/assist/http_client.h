// HttpClient: fetches public documents from untrusted servers for the probe
// and the policy analyser, with hard limits so a hostile server cannot hurt
// us: response size, a time-out per request and an overall deadline, at most
// five redirects (never from https to http), http and https only, TLS
// certificate verification against the system CA store with a host-name
// check, and optionally (the web form) no connection to private, loopback,
// link-local or other non-public addresses, checked after DNS resolution on
// the very addresses the client then connects to.
//
// Boost.Beast over Asio with OpenSSL. Each request runs on its own
// io_context in the calling thread; one HttpClient may be used from several
// threads at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "assist/resolver.h"
#include "assist/url.h"
#include "util/error.h"

namespace privascore::assist {

using Clock = std::chrono::steady_clock;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpLimits {
  std::size_t max_body_bytes = 2 * 1024 * 1024;
  std::size_t max_header_bytes = 64 * 1024;
  std::chrono::milliseconds request_timeout{10000};  // connect + TLS + request + response
  int max_redirects = 5;
};

struct HttpOptions {
  HttpLimits limits;
  bool public_only = false;  // refuse non-public addresses (the web form)
  /// Whether a refusal says what a name resolves to ("… resolves to
  /// 10.0.0.1, a private address"). Off on the public probe page, where it
  /// would tell anyone what internal names resolve to: a name that does not
  /// resolve and one that resolves to a non-public address are then refused
  /// with the same words.
  bool name_refused_addresses = true;
  std::string ca_file;  // PEM bundle to trust instead of the system store ("" = system store)
  std::string user_agent = "privascore-probe/1 (privacy rating; reads public configuration only)";
  std::shared_ptr<Resolver> resolver;  // nullptr = system_resolver()
};

struct HttpResponse {
  int status = 0;
  Headers headers;  // names lower case, in arrival order
  std::string body;
  std::string url;                     // final URL after redirects
  std::vector<std::string> redirects;  // the URLs that redirected, in order
  std::string peer;                    // address connected to
  std::string retrieved;               // UTC time of the response

  /// The first header with this lower-case name, or "".
  const std::string& header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// GETs url, following redirects. Finishes by deadline at the latest (and
  /// each request within limits.request_timeout). Any HTTP status is a
  /// response; fails for refused addresses, DNS, connection and TLS errors,
  /// time-outs, oversized responses, too many or unsafe redirects.
  Result<HttpResponse> get(const std::string& url, const Headers& headers = {},
                           Clock::time_point deadline = Clock::time_point::max()) const;

  const HttpOptions& options() const { return m_options; }

 private:
  struct Impl;
  Result<HttpResponse> fetch_once(const Url& url, const Headers& headers, Clock::time_point deadline) const;

  HttpOptions m_options;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace privascore::assist
