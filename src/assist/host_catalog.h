// HostCatalog: who is behind a host name an instance makes browsers contact.
// A built-in list names the services that matter for video conferencing
// (analytics, avatars, STUN/TURN, error reporting, login providers, fonts and
// CDNs, captchas); the Exodus Privacy tracker signatures (ODbL 1.0, compiled
// into the binary) add the companies εxodus tracks. Also extracts host names
// from configuration strings. Immutable after construction; thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privascore::assist {

struct KnownHost {
  std::string service;           // "Gravatar"
  std::string kind;              // "avatars", "analytics", "STUN/TURN", "error reporting", "login", "fonts/CDN", ...
  std::string operator_country;  // ISO code of the operator's seat when known ("US"), else ""
};

struct ExodusMatch {
  int id = 0;
  std::string name;
  std::vector<std::string> categories;
};

class HostCatalog {
 public:
  /// The catalog with the built-in list and the embedded Exodus signatures.
  static const HostCatalog& instance();

  /// The built-in entry whose domain equals host or is a parent of it.
  std::optional<KnownHost> lookup(std::string_view host) const;
  /// Exodus trackers whose network signature matches host.
  std::vector<ExodusMatch> exodus(std::string_view host) const;
  /// Number of Exodus signatures in use (those RE2 accepts).
  std::size_t exodus_signatures() const;

  ~HostCatalog();

 private:
  HostCatalog();
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// A host name found in a configuration string: URLs (https://h/..., wss://h),
/// ICE URIs (stun:h:port, turns:h), Sentry-style DSNs (https://key@h/1) and
/// bare "host:port". A bare name without a port ("meet.example.org") counts
/// only with allow_bare_name (keys known to hold host names), since event
/// names and client ids look alike. Lower case, without port. nullopt when
/// there is none.
std::optional<std::string> host_in(std::string_view value, bool allow_bare_name = false);

/// The registrable part of a host name ("meet.example.co.uk" ->
/// "example.co.uk"), using a short list of common two-level public suffixes;
/// an approximation, not the Public Suffix List.
std::string site_of(std::string_view host);

}  // namespace privascore::assist
