// Resolver: host names to CNAME chains and IP addresses, behind an interface
// so that tests use StubResolver and never touch the network.
//
// SystemResolver uses the C library: getaddrinfo(3) for addresses and
// res_nquery(3) (libresolv) for the CNAME chain. Both block; their time-out is
// the system resolver's (resolv.conf). Thread-safe: every call uses its own
// resolver state.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "util/error.h"

namespace privascore::assist {

class Resolver {
 public:
  virtual ~Resolver() = default;
  /// The IPv4 and IPv6 addresses of host (text form, sorted, unique). An IP
  /// literal resolves to itself. Fails when the name does not resolve.
  virtual Result<std::vector<std::string>> addresses(const std::string& host) = 0;
  /// The names host is an alias of, in order (host -> a -> b); empty when
  /// host has no CNAME. Fails only on resolver errors, not on "no CNAME".
  virtual Result<std::vector<std::string>> cname_chain(const std::string& host) = 0;
};

class SystemResolver final : public Resolver {
 public:
  Result<std::vector<std::string>> addresses(const std::string& host) override;
  Result<std::vector<std::string>> cname_chain(const std::string& host) override;
};

/// Answers from a table; unknown names fail like NXDOMAIN. Thread-safe.
class StubResolver final : public Resolver {
 public:
  void add_addresses(const std::string& host, std::vector<std::string> addresses);
  void add_cname(const std::string& host, const std::string& target);

  Result<std::vector<std::string>> addresses(const std::string& host) override;
  Result<std::vector<std::string>> cname_chain(const std::string& host) override;

 private:
  std::mutex m_mutex;
  std::map<std::string, std::vector<std::string>> m_addresses;
  std::map<std::string, std::string> m_cnames;
};

/// The process-wide SystemResolver.
std::shared_ptr<Resolver> system_resolver();

}  // namespace privascore::assist
