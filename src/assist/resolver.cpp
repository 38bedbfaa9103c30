#include "assist/resolver.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <netinet/in.h>
#include <resolv.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

#include "assist/url.h"
#include "util/text.h"

namespace privascore::assist {

namespace {

// A host name as DNS compares it: lowercase, without the root's trailing dots.
std::string dns_name(std::string_view host) {
  std::string name = lower(host);
  while (!name.empty() && name.back() == '.') name.pop_back();
  return name;
}

}  // namespace

Result<std::vector<std::string>> SystemResolver::addresses(const std::string& host) {
  if (is_ip_literal(host)) return std::vector<std::string>{host};
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  int rc = getaddrinfo(host.c_str(), nullptr, &hints, &list);
  if (rc != 0) {
    std::string why = rc == EAI_SYSTEM ? std::strerror(errno) : gai_strerror(rc);
    return fail("cannot resolve `" + host + "`: " + why, "check the host name");
  }
  std::set<std::string> unique;
  for (addrinfo* p = list; p; p = p->ai_next) {
    char buffer[INET6_ADDRSTRLEN] = {};
    if (p->ai_family == AF_INET)
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr, buffer, sizeof buffer);
    else if (p->ai_family == AF_INET6)
      inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(p->ai_addr)->sin6_addr, buffer, sizeof buffer);
    else
      continue;
    unique.insert(buffer);
  }
  freeaddrinfo(list);
  if (unique.empty()) return fail("`" + host + "` has no IPv4 or IPv6 address");
  return std::vector<std::string>(unique.begin(), unique.end());
}

Result<std::vector<std::string>> SystemResolver::cname_chain(const std::string& host) {
  std::vector<std::string> chain;
  if (is_ip_literal(host)) return chain;
  struct __res_state state;
  std::memset(&state, 0, sizeof state);
  if (res_ninit(&state) != 0) return fail("cannot initialise the DNS resolver (res_ninit)");
  std::string name = dns_name(host);
  std::set<std::string> seen{name};
  std::optional<Error> error;
  for (int hop = 0; hop < 16; ++hop) {
    unsigned char answer[NS_PACKETSZ * 4];
    int length = res_nquery(&state, name.c_str(), ns_c_in, ns_t_cname, answer, sizeof answer);
    if (length < 0) break;  // NXDOMAIN or no CNAME record: the chain ends here
    ns_msg message;
    if (ns_initparse(answer, length, &message) != 0) {
      error = Error{"malformed DNS answer for `" + name + "`", ""};
      break;
    }
    std::string target;
    for (int i = 0; i < ns_msg_count(message, ns_s_an); ++i) {
      ns_rr rr;
      if (ns_parserr(&message, ns_s_an, i, &rr) != 0) continue;
      if (ns_rr_type(rr) != ns_t_cname) continue;
      char expanded[NS_MAXDNAME];
      if (ns_name_uncompress(ns_msg_base(message), ns_msg_end(message), ns_rr_rdata(rr), expanded, sizeof expanded) < 0)
        continue;
      if (dns_name(ns_rr_name(rr)) == name) target = dns_name(expanded);
    }
    if (target.empty()) break;
    if (!seen.insert(target).second) {
      error = Error{"CNAME loop at `" + target + "`", ""};
      break;
    }
    chain.push_back(target);
    name = target;
  }
  res_nclose(&state);
  if (error) return tl::unexpected(*error);
  return chain;
}

void StubResolver::add_addresses(const std::string& host, std::vector<std::string> addresses) {
  std::lock_guard lock(m_mutex);
  m_addresses[dns_name(host)] = std::move(addresses);
}

void StubResolver::add_cname(const std::string& host, const std::string& target) {
  std::lock_guard lock(m_mutex);
  m_cnames[dns_name(host)] = dns_name(target);
}

Result<std::vector<std::string>> StubResolver::cname_chain(const std::string& host) {
  std::lock_guard lock(m_mutex);
  std::vector<std::string> chain;
  std::string name = dns_name(host);
  std::set<std::string> seen{name};
  while (true) {
    auto it = m_cnames.find(name);
    if (it == m_cnames.end()) break;
    if (!seen.insert(it->second).second) return fail("CNAME loop at `" + it->second + "`");
    chain.push_back(it->second);
    name = it->second;
  }
  return chain;
}

Result<std::vector<std::string>> StubResolver::addresses(const std::string& host) {
  if (is_ip_literal(host)) return std::vector<std::string>{host};
  auto chain = cname_chain(host);
  if (!chain) return tl::unexpected(chain.error());
  std::lock_guard lock(m_mutex);
  const std::string name = chain->empty() ? dns_name(host) : chain->back();
  auto it = m_addresses.find(name);
  if (it == m_addresses.end() || it->second.empty())
    return fail("cannot resolve `" + host + "`: Name or service not known", "check the host name");
  std::vector<std::string> sorted = it->second;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return sorted;
}

std::shared_ptr<Resolver> system_resolver() {
  static auto k_resolver = std::make_shared<SystemResolver>();
  return k_resolver;
}

}  // namespace privascore::assist
