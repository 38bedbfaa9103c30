// SiteConfig: what the operator of a site configures (name, address and
// e-mail for the imprint, imprint and privacy texts, the public base URL),
// read from the [site], [operator], [imprint] and [privacy] tables of a
// privascore.toml file. Other tables of that file belong to other parts
// (server, store) and are left alone. Documented in docs/operations.md,
// section "Configuration". Plain value.
#pragma once

#include <optional>
#include <string>

#include "model/model.h"
#include "util/diagnostic.h"

namespace privascore::web {

struct SiteConfig {
  std::string operator_name;  // "" = not configured: pages say so
  std::string address;        // postal address, lines separated by '\n'
  std::string email;
  Text imprint;          // further imprint text; paragraphs separated by blank lines
  Text privacy;          // privacy notice; paragraphs separated by blank lines
  std::string base_url;  // "https://example.org", no trailing '/'; "" = links stay relative
  std::string web_dir;   // serve web/ from this directory instead of the binary (development)
  bool reports =
      false;  // service pages carry the "report an error" form (a server takes the POST; a static export cannot)

  /// True when the operator has at least given a name and an e-mail.
  bool configured() const { return !operator_name.empty() && !email.empty(); }
};

/// Parses the site's tables of a privascore.toml. Every problem goes to the
/// sink with file:line:column; nullopt when there are errors.
std::optional<SiteConfig> parse_site_config(std::string content, const std::string& file, DiagnosticSink& sink);

/// The configuration of a site: the file at path when it exists (errors go
/// to the sink, nullopt), the unconfigured defaults otherwise. web_dir comes
/// from the environment variable PRIVASCORE_WEB_DIR when set.
std::optional<SiteConfig> load_site_config(const std::string& path, DiagnosticSink& sink);

}  // namespace privascore::web
