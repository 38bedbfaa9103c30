// Config: everything the operator configures in privascore.toml, parsed
// once into one plain value that each part reads its own settings from:
//
//   [site]      base_url                      -> SiteConfig (pages, feeds, sitemap, cards, static export)
//   [operator]  name, address, email          -> SiteConfig (imprint page)
//   [imprint]   de, en                        -> SiteConfig
//   [privacy]   de, en                        -> SiteConfig
//   [editor]    secure_cookies, …             -> EditorConfig (accounts, sessions, readers' reports)
//
// Any other table or key is refused with file:line:column and the closest
// valid name. The public base URL is normalised by one function
// (normalise_base_url), for the file and for `--base-url` alike.
// Documented in docs/operations.md, section "Configuration". Plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"
#include "util/diagnostic.h"
#include "util/error.h"

namespace privascore::config {

/// The public address of the site without a trailing '/', or "" (links
/// then stay relative). Fails, saying why, for anything but an http(s)
/// URL with a host and without query, fragment, quote or space.
/// "https://example.org/sub/" and "https://example.org/sub" are the same
/// site: links are made by appending "/path".
Result<std::string> normalise_base_url(std::string_view url);

/// What the site shows of its operator and where it lives.
struct SiteConfig {
  std::string operator_name;  // "" = not configured: pages say so
  std::string address;        // postal address, lines separated by '\n'
  std::string email;
  Text imprint;          // further imprint text; paragraphs separated by blank lines
  Text privacy;          // privacy notice; paragraphs separated by blank lines
  std::string base_url;  // normalise_base_url's result: "https://example.org", no trailing '/'; "" = relative links
  std::string web_dir;   // serve web/ from this directory instead of the binary (development)
  bool reports =
      false;  // service pages carry the "report an error" form (a server takes the POST; a static export cannot)

  /// True when the operator has at least given a name and an e-mail.
  bool configured() const { return !operator_name.empty() && !email.empty(); }
};

/// The editor's settings (the [editor] table).
struct EditorConfig {
  bool secure_cookies = false;
  std::vector<std::string> trusted_proxies;
  std::string open_data_dir = "var/open-data";
  std::int64_t idle_timeout = 30 * 60;        // seconds without a request before a session ends
  std::int64_t absolute_timeout = 12 * 3600;  // seconds after login before a session ends
  int reports_per_client = 5;                 // per report_window
  std::int64_t report_window = 3600;          // seconds
  int reports_total = 200;                    // from all clients together, per report_window
};

struct Config {
  SiteConfig site;
  EditorConfig editor;
};

/// Parses a privascore.toml. Every problem goes to the sink with
/// file:line:column; nullopt when there are errors.
std::optional<Config> parse_config(std::string content, const std::string& file, DiagnosticSink& sink);

/// The configuration in the file at path when it exists (nullopt when it
/// has errors, which are in the sink), the defaults otherwise. site.web_dir
/// comes from the environment variable PRIVASCORE_WEB_DIR when set.
std::optional<Config> load_config(const std::string& path, DiagnosticSink& sink);

}  // namespace privascore::config
