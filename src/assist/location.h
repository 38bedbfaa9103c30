// Server location: a service's host names -> CNAME chain -> IPv4/IPv6
// addresses -> country (offline .mmdb) -> EU/EEA, adequacy decision or third
// country, as evidence and a suggestion for the server-location feature.
// Pure given its Resolver and GeoDb; thread-safe when they are.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "assist/geo_db.h"
#include "assist/jurisdiction.h"
#include "assist/resolver.h"
#include "assist/suggestion.h"

namespace privascore::assist {

struct LocatedAddress {
  std::string address;
  std::string country;  // "" when the database has no entry
  Jurisdiction jurisdiction = Jurisdiction::unknown;
  std::string note;  // e.g. the adequacy decision, or "partial adequacy"
};

struct LocatedHost {
  std::string host;
  std::vector<std::string> cname_chain;
  std::vector<LocatedAddress> addresses;
  std::string error;  // why the host could not be resolved
};

struct LocationReport {
  std::vector<LocatedHost> hosts;
  std::string database;  // path and description
  std::string started;
  std::vector<Suggestion> suggestions;
  std::vector<std::string> caveats;
  std::vector<std::string> attributions;
};

struct LocationOptions {
  std::string service;  // for the suggestion's subject
  std::string variant;  // "" = the first host name
  std::string category = "video-conferencing";
};

/// Resolves and locates every host. A host that does not resolve gets an
/// error entry; the others still count.
LocationReport locate_hosts(const std::vector<std::string>& hosts, Resolver& resolver, const GeoDb& db,
                            const LocationOptions& options = {});

nlohmann::json to_json(const LocationReport& report);
std::string render_text(const LocationReport& report);

}  // namespace privascore::assist
